package org.freshears.advice;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.freshears.analysis.Finding;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.ThirdOctaveBand;
import org.freshears.mastering.CompressorStage;
import org.freshears.mastering.EqBand;
import org.freshears.mastering.EqStage;
import org.freshears.mastering.GainStage;
import org.freshears.mastering.LimiterStage;
import org.freshears.mastering.MasteringChain;
import org.freshears.mastering.Stage;
import org.freshears.mastering.StereoStage;
import org.freshears.mastering.WidthBand;

/**
 * Suggests a mastering chain, in Matchering's order of verbs: correct the tonal balance (EQ) → glue the dynamics
 * when they call for it (compressor) → fix the stereo image → match the level (gain) → limit the true peak. Each
 * stage's {@code reason} names the finding codes it answers; the chain's {@code amount} scales every corrective
 * move (the renderer applies it; gain and limiter are not scaled).
 */
public final class ChainAdvisor {
    /** Genre correction: slots of the corrective EQ (a low shelf, wide bells, a high shelf). */
    static final List<EqFit.Slot> GENRE_SLOTS = List.of(
            new EqFit.Slot("lowShelf", 60, 0.707), new EqFit.Slot("bell", 100, 1.0), new EqFit.Slot("bell", 160, 1.0),
            new EqFit.Slot("bell", 250, 1.0), new EqFit.Slot("bell", 400, 1.0), new EqFit.Slot("bell", 630, 1.0),
            new EqFit.Slot("bell", 1000, 1.0), new EqFit.Slot("bell", 1600, 1.0), new EqFit.Slot("bell", 2500, 1.0),
            new EqFit.Slot("bell", 4000, 1.0), new EqFit.Slot("bell", 6300, 1.0),
            new EqFit.Slot("highShelf", 10000, 0.707));
    /** Bands below this are not worth a stage. */
    static final double MIN_BAND_DB = 0.3;

    private ChainAdvisor() {}

    public static MasteringChain suggest(MixFeatures f, TargetProfile p, Platform platform, List<Finding> findings) {
        return suggest(f, p, DeliveryTarget.of(platform == null ? Platform.DEFAULT : platform), findings, 100);
    }

    public static MasteringChain suggest(MixFeatures f, TargetProfile p, DeliveryTarget t, List<Finding> findings,
                                         double amountPercent) {
        if (!Advisor.hasMusic(f)) return new MasteringChain(List.of(), amountPercent); // nothing to master
        Set<String> codes = new LinkedHashSet<>();
        for (Finding x : findings) codes.add(x.code());
        List<Stage> stages = new ArrayList<>();
        EqStage eq = p.isReferences() ? ReferenceMatch.eq(ReferenceMatch.want(f, p), ReferenceMatch.reason(p, codes)) : genreEq(f, p, codes);
        if (eq != null) stages.add(eq);
        if (codes.contains("dynamics.tooDynamic") && f.loudness() != null && f.loudness().integratedLufs() != null) {
            stages.add(compressor(f, findings));
        }
        StereoStage st = stereo(f, p, codes);
        if (st != null) stages.add(st);
        double gain = levelGain(f, t);
        stages.add(new GainStage(round2(gain), gainReason(codes, t)));
        stages.add(new LimiterStage(t.truePeakCeilingDbtp(), 3, 80, (codes.contains("peaks.truePeakOver")
                ? "peaks.truePeakOver: " : "") + "true peak at most " + Advisor.num1(t.truePeakCeilingDbtp())
                + " dBTP for " + t.name()));
        return new MasteringChain(stages, amountPercent);
    }

    /** The largest ratio the leveling compressor suggests, and the LRA it aims under the profile's p90. */
    static final double MAX_LEVELING_RATIO = 3;
    static final double LRA_AIM_BELOW_P90_LU = 1.5;

    /**
     * The compressor for {@code dynamics.tooDynamic}. When the loudness range decided the finding, the slow
     * variations are too wide: a leveling compressor whose threshold sits at the low end of the range (its 10th
     * percentile of short-term loudness, on the RMS detector's scale) divides the range above it by the ratio, so
     * the ratio is the range over the aim (1.5 LU under the profile's p90), between 1.5:1 and 3:1. A glue at 2:1
     * from 2 dB above the average level barely moves the range (8.7 -> 8.2 LU on a 4-minute ambient track), and an
     * EQ that lifts the bass of the loud passages can more than undo it. Otherwise (PLR or PSR decided: peaky) the
     * glue 2:1 above the average level, as before.
     */
    static CompressorStage compressor(MixFeatures f, List<Finding> findings) {
        double integrated = f.loudness().integratedLufs();
        Finding fd = null;
        for (Finding x : findings) if (x.code().equals("dynamics.tooDynamic")) fd = x;
        Double lra = f.loudness().loudnessRangeLu();
        Double low = f.loudness().loudnessRangeLowLufs();
        if (fd != null && "LU".equals(fd.unit()) && lra != null && low != null && fd.targetHigh() != null) {
            // the RMS detector reads dBFS, not LUFS: the mix's own RMS against its loudness maps one onto the other
            Double crest = f.dynamics() == null ? null : f.dynamics().crestFactorDb();
            Double peak = f.loudness().samplePeakDbfs();
            double offset = crest != null && peak != null ? (peak - crest) - integrated : 2;
            offset = Math.max(-6, Math.min(6, offset));
            double aim = Math.max(1, fd.targetHigh() - LRA_AIM_BELOW_P90_LU);
            double ratio = Math.round(Math.max(1.5, Math.min(MAX_LEVELING_RATIO, lra / aim)) * 10) / 10.0;
            double thr = Math.max(-60, Math.min(-6, round2(low + offset)));
            return new CompressorStage(thr, ratio, 50, 400, 6, 0, CompressorStage.Detector.RMS, true,
                    "dynamics.tooDynamic: leveling " + Advisor.num1(ratio) + ":1 from the quiet end of the loudness range ("
                            + Advisor.num1(lra) + " LU, aiming under " + Advisor.num1(aim) + " LU)");
        }
        double thr = Math.max(-60, Math.min(-6, integrated + 2));
        return new CompressorStage(thr, 2, 30, 200, 6, 0, CompressorStage.Detector.RMS, true,
                "dynamics.tooDynamic: glue 2:1 with a slow attack above the average level");
    }

    /** Gain that brings the integrated loudness to the target (the closed loop refines it after limiting). */
    static double levelGain(MixFeatures f, DeliveryTarget t) {
        if (f.loudness() == null || f.loudness().integratedLufs() == null) return 0;
        return Math.max(-40, Math.min(40, t.integratedLufs() - f.loudness().integratedLufs()));
    }

    private static String gainReason(Set<String> codes, DeliveryTarget t) {
        String c = codes.contains("loudness.tooQuiet") ? "loudness.tooQuiet: "
                : codes.contains("loudness.tooLoud") ? "loudness.tooLoud: " : "";
        return c + "level to " + Advisor.num1(t.integratedLufs()) + " LUFS for " + t.name();
    }

    // ---- corrective EQ toward a genre profile ------------------------------------------------------------

    static EqStage genreEq(MixFeatures f, TargetProfile p, Set<String> codes) {
        double[][] c = desiredGenreCurve(f, p);
        List<EqBand> bands = new ArrayList<>();
        boolean hp = codes.contains("tonal.sub.excess") || codes.contains("technical.dcOffset");
        if (hp) bands.add(new EqBand(EqBand.Kind.HIGHPASS, 25, 0, 0.707, EqBand.Channel.STEREO));
        if (c != null) {
            for (EqFit.Band b : smoothFit(c[0], c[1])) {
                if (Math.abs(b.gainDb()) < MIN_BAND_DB) continue;
                bands.add(new EqBand(kind(b.kind()), b.freqHz(), round2(b.gainDb()), b.q(), EqBand.Channel.STEREO));
            }
        }
        if (bands.isEmpty()) return null;
        List<String> tonal = codes.stream().filter(x -> x.startsWith("tonal.") || x.equals("technical.dcOffset")).toList();
        String reason = (tonal.isEmpty() ? "" : String.join(", ", tonal) + ": ")
                + "smoothed 1/3-octave deviation from " + p.label() + ", at most ±" + Advisor.num1(Advisor.MAX_EQ_DB) + " dB";
        return new EqStage(bands, reason);
    }

    /** Largest change of the EQ's response between neighbouring thirds that the chain may carry, in dB. */
    static final double MAX_STEP_DB = 2.9;

    /**
     * The least-rough fit that still follows the wanted curve: starts with a light roughness penalty (so a
     * broad problem gets its full cut) and doubles it until no two neighbouring thirds (from 30 Hz up) differ by
     * more than {@link #MAX_STEP_DB} in the EQ's response.
     */
    static List<EqFit.Band> smoothFit(double[] centres, double[] want) {
        List<EqFit.Band> fit = List.of();
        for (double roughness = 0.25; roughness <= 64; roughness *= 2) {
            fit = EqFit.fit(GENRE_SLOTS, centres, want, Advisor.MAX_EQ_DB, 0.2, roughness);
            if (maxStep(fit, centres) <= MAX_STEP_DB) return fit;
        }
        return fit;
    }

    static double maxStep(List<EqFit.Band> bands, double[] centres) {
        double[] r = EqFit.response(bands, centres);
        double worst = 0;
        for (int i = 1; i < r.length; i++) {
            if (centres[i] >= 30) worst = Math.max(worst, Math.abs(r[i] - r[i - 1]));
        }
        return worst;
    }

    /**
     * The correction wanted at each 1/3-octave centre: the mix's departure from the profile median, less the
     * total-power offset (median departure over 40 Hz–16 kHz), less a dead zone of half the profile's p25–p75
     * range (normal variety is left alone), smoothed over ±1 third, negated. Bands above a band-limited
     * track's bandwidth are "don't care". Returns {centres, desired} or null without 1/3-octave data.
     */
    static double[][] desiredGenreCurve(MixFeatures f, TargetProfile p) {
        if (f.spectrum() == null || f.spectrum().thirdOctaves() == null || f.spectrum().thirdOctaves().isEmpty()) return null;
        List<ThirdOctaveBand> th = f.spectrum().thirdOctaves();
        double[] centres = new double[th.size()];
        double[] dev = new double[th.size()];
        double[] dead = new double[th.size()];
        Double bw = f.spectrum().bandwidthHz();
        List<Double> inRange = new ArrayList<>();
        for (int i = 0; i < th.size(); i++) {
            ThirdOctaveBand t = th.get(i);
            centres[i] = t.centerHz();
            Percentiles pr = p.get(ProfileKeys.third(t.centerHz()));
            boolean ignore = pr == null || t.levelDb() == null || !Double.isFinite(t.levelDb()) || t.centerHz() < 25
                    || (bw != null && t.centerHz() > bw * 0.85);
            dev[i] = ignore ? Double.NaN : t.levelDb() - pr.p50();
            dead[i] = ignore ? 0 : (pr.p75() - pr.p25()) / 2;
            if (!ignore && t.centerHz() >= 40 && t.centerHz() <= 16000) inRange.add(dev[i]);
        }
        if (inRange.isEmpty()) return null;
        double offset = TargetProfile.quantile(inRange.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.5);
        double[] want = new double[dev.length];
        for (int i = 0; i < dev.length; i++) {
            if (Double.isNaN(dev[i])) {
                want[i] = Double.NaN;
                continue;
            }
            double d = dev[i] - offset;
            want[i] = -Math.signum(d) * Math.max(0, Math.abs(d) - dead[i]);
        }
        return new double[][] {centres, EqFit.smooth(want, 1)};
    }

    // ---- stereo --------------------------------------------------------------------------------------------

    static StereoStage stereo(MixFeatures f, TargetProfile p, Set<String> codes) {
        if (f.file() == null || f.file().channels() < 2 || f.stereo() == null) return null;
        Double mono = codes.contains("stereo.lowEndNotMono") ? 120.0 : null;
        List<WidthBand> bands = new ArrayList<>();
        List<String> why = new ArrayList<>();
        if (mono != null) why.add("stereo.lowEndNotMono");
        // a mix with no side signal cannot be widened by mid/side gain: the finding says to fix it in the mix
        boolean narrow = codes.contains("stereo.tooNarrow") && !(f.stereo().width() != null
                && f.stereo().width() < Advisor.EFFECTIVELY_MONO_WIDTH);
        boolean wide = codes.contains("stereo.tooWide");
        if ((narrow || wide) && !p.isReferences()) {
            why.add(narrow ? "stereo.tooNarrow" : "stereo.tooWide");
            double[][] ranges = {{120, 500}, {500, 2000}, {2000, 20000}};
            String[][] names = {{"lowMids"}, {"mids"}, {"upperMids", "highs", "air"}};
            for (int r = 0; r < ranges.length; r++) {
                double k = widthFactor(f, p, names[r], f.stereo().width(), p.get(ProfileKeys.WIDTH));
                if ((narrow && k > 1.02) || (wide && k < 0.98)) bands.add(new WidthBand(ranges[r][0], ranges[r][1], round2(k)));
            }
        }
        if (mono == null && bands.isEmpty()) return null;
        return new StereoStage(bands, mono, String.join(", ", why) + ": width toward " + p.label()
                + (mono != null ? "; mono below 120 Hz" : ""));
    }

    /**
     * Side gain that moves a band's width w = S/(M+S) halfway (in side gain) toward the profile median, clamped to
     * 0.5–1.6. The overall width stands in for bands the analyser did not report.
     */
    static double widthFactor(MixFeatures f, TargetProfile p, String[] bands, Double overall, Percentiles overallP) {
        double w = Double.NaN;
        double target = Double.NaN;
        Map<String, Double> v = ProfileKeys.values(f);
        for (String b : bands) {
            Double bw = v.get(ProfileKeys.bandWidth(b));
            Percentiles bp = p.get(ProfileKeys.bandWidth(b));
            if (bw != null && bp != null) {
                w = bw;
                target = bp.p50();
                break;
            }
        }
        if (Double.isNaN(w) && overall != null && overallP != null) {
            w = overall;
            target = overallP.p50();
        }
        if (Double.isNaN(w)) return 1;
        w = Math.max(1e-4, Math.min(0.999, w));
        target = Math.max(1e-4, Math.min(0.999, target));
        double k2 = (target / (1 - target)) / (w / (1 - w));
        return Math.max(0.5, Math.min(1.6, Math.sqrt(Math.sqrt(k2))));
    }

    static EqBand.Kind kind(String k) {
        return switch (k) {
            case "lowShelf" -> EqBand.Kind.LOW_SHELF;
            case "highShelf" -> EqBand.Kind.HIGH_SHELF;
            case "highpass" -> EqBand.Kind.HIGHPASS;
            default -> EqBand.Kind.BELL;
        };
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /**
     * The findings with their chain stage filled in (the first stage whose reason names the code) and the stage
     * referred to in the message.
     */
    public static List<Finding> link(List<Finding> findings, MasteringChain chain) {
        List<Finding> out = new ArrayList<>();
        for (Finding x : findings) {
            Integer stage = null;
            for (int i = 0; i < chain.stages().size(); i++) {
                String r = chain.stages().get(i).reason();
                if (r != null && r.contains(x.code())) {
                    stage = i + 1;
                    break;
                }
            }
            if (stage == null || x.message() == null) {
                out.add(x);
                continue;
            }
            String m = x.message().strip();
            if (m.endsWith(".")) m = m.substring(0, m.length() - 1);
            out.add(x.withChainStage(m + "; see stage " + stage + " of the chain.", x.fix(), stage));
        }
        return out;
    }
}
