package org.freshears.advice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.freshears.analysis.Finding;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.Section;
import org.freshears.analysis.Stretch;
import org.freshears.analysis.ThirdOctaveBand;

/**
 * Turns measurements into findings. Tonal balance, dynamics and stereo are judged against a percentile
 * {@link TargetProfile} (the target genre's, or the user's references'), with the {@link Severity} rule;
 * loudness and peaks against the {@link DeliveryTarget}; measurable defects come from the defect rules. Wording
 * comes from {@link FindingText}; this class only decides and fills in numbers.
 */
public final class Advisor {
    static final String[] BAND_LABELS = {"sub-bass", "bass", "low-mids", "mids", "upper-mids", "highs", "air"};
    static final String[] BAND_RANGES = {"20–60 Hz", "60–250 Hz", "250–500 Hz", "500 Hz–2 kHz", "2–5 kHz",
            "5–10 kHz", "10–20 kHz"};
    /** The largest corrective EQ move any message proposes (the chain uses the same limit). */
    public static final double MAX_EQ_DB = 4.5;

    private Advisor() {}

    public static List<Finding> advise(MixFeatures f, TargetProfile profile, Platform platform) {
        return advise(f, profile, DeliveryTarget.of(platform == null ? Platform.DEFAULT : platform));
    }

    /** True when the track has an integrated loudness, i.e. something above the BS.1770 gates. */
    public static boolean hasMusic(MixFeatures f) {
        return f.loudness() != null && f.loudness().integratedLufs() != null;
    }

    /** Every finding for {@code f}, worst first (then in a stable code order). */
    public static List<Finding> advise(MixFeatures f, TargetProfile profile, DeliveryTarget target) {
        List<Finding> out = new ArrayList<>();
        // below the BS.1770 absolute gate (silence, dither, a muted export) there is no music to judge: only the
        // measured defects (silence padding first of all) are reported
        if (profile != null && hasMusic(f)) {
            tonal(f, profile, out);
            dynamics(f, profile, out);
            stereo(f, profile, out);
        }
        loudness(f, target, out);
        out.addAll(Defects.of(f, target));
        out.sort(Comparator.comparingInt(Finding::rank).thenComparing(Finding::code));
        return List.copyOf(out);
    }

    // ---- tonal -------------------------------------------------------------------------------------------

    static void tonal(MixFeatures f, TargetProfile p, List<Finding> out) {
        if (f.spectrum() == null || f.spectrum().bands() == null) return;
        Double bandwidth = f.spectrum().bandwidthHz();
        for (int b = 0; b < ProfileKeys.BANDS.size(); b++) {
            String name = ProfileKeys.BANDS.get(b);
            Double v = bandLevel(f, name);
            Percentiles pr = p.get(ProfileKeys.band(name));
            if (v == null || pr == null) continue;
            // a band-limited track's missing top is reported once, as technical.bandLimited
            if (bandwidth != null && ProfileKeys.BAND_EDGES_HZ[b][0] >= bandwidth * 0.8) continue;
            double d = pr.outside(v);
            String sev = Severity.ofDistance(d);
            if (sev == null) continue;
            boolean excess = d > 0;
            String code = "tonal." + name + (excess ? ".excess" : ".lack");
            double delta = v - pr.p50();
            final int bi = b;
            Stretch where = Where.worst(f.sections(), s -> sectionBand(s, bi), excess ? 1 : -1, v, 1.5, 2.0);
            Map<String, String> x = new LinkedHashMap<>();
            x.put("bandLabel", BAND_LABELS[b]);
            boolean plural = BAND_LABELS[b].endsWith("s"); // low-mids, mids, upper-mids, highs; not sub-bass, bass, air
            plural = plural && !BAND_LABELS[b].endsWith("bass");
            x.put("sit", plural ? "sit" : "sits");
            x.put("their", plural ? "their" : "its");
            x.put("range", BAND_RANGES[b]);
            x.put("delta", num1(Math.abs(delta)));
            x.put("edge", num1(excess ? pr.p90() - pr.p50() : pr.p50() - pr.p10()));
            x.put("label", p.label());
            x.put("where", Where.phrase(where));
            x.put("gain", num1(roundHalf(Math.min(MAX_EQ_DB, Math.abs(delta)))));
            x.put("freq", hz(peakFrequency(f, p, b, excess)));
            out.add(make(code, sev, v, pr.p10(), pr.p90(), "dB", where, x));
        }
    }

    static Double bandLevel(MixFeatures f, String name) {
        for (var b : f.spectrum().bands()) if (b.name().equals(name)) return b.levelDb();
        return null;
    }

    private static Double sectionBand(Section s, int b) {
        return s.bandsDb() == null || s.bandsDb().size() <= b ? null : s.bandsDb().get(b);
    }

    /** The 1/3-octave centre inside band {@code b} where the mix departs most from the profile median. */
    static double peakFrequency(MixFeatures f, TargetProfile p, int b, boolean excess) {
        double lo = ProfileKeys.BAND_EDGES_HZ[b][0];
        double hi = ProfileKeys.BAND_EDGES_HZ[b][1];
        double best = Math.sqrt(lo * hi);
        double bestDev = Double.NEGATIVE_INFINITY;
        if (f.spectrum().thirdOctaves() == null) return best;
        for (ThirdOctaveBand t : f.spectrum().thirdOctaves()) {
            if (t.centerHz() < lo || t.centerHz() >= hi || t.levelDb() == null) continue;
            Percentiles pr = p.get(ProfileKeys.third(t.centerHz()));
            if (pr == null) continue;
            double dev = (excess ? 1 : -1) * (t.levelDb() - pr.p50());
            if (dev > bestDev) {
                bestDev = dev;
                best = t.centerHz();
            }
        }
        return best;
    }

    // ---- dynamics ------------------------------------------------------------------------------------------

    static void dynamics(MixFeatures f, TargetProfile p, List<Finding> out) {
        Map<String, Double> v = ProfileKeys.values(f);
        Double plr = v.get(ProfileKeys.PLR);
        Double psr = v.get(ProfileKeys.PSR);
        Double lra = v.get(ProfileKeys.LRA);
        // over-compressed: PLR (or, without it, PSR) below the profile's p10
        Double measured = plr != null ? plr : psr;
        Percentiles pr = p.get(plr != null ? ProfileKeys.PLR : ProfileKeys.PSR);
        if (measured != null && pr != null && pr.outside(measured) < 0) {
            double d = pr.outside(measured);
            if (plr != null && psr != null && p.get(ProfileKeys.PSR) != null) {
                d = Math.min(d, Math.min(0, p.get(ProfileKeys.PSR).outside(psr)));
            }
            Stretch where = f.dynamics() == null ? null : f.dynamics().loudest();
            Map<String, String> x = base(p, measured, pr);
            x.put("where", where == null ? "" : ", most audibly from " + Where.clock(where.startSeconds()) + " to "
                    + Where.clock(where.endSeconds()));
            out.add(make("dynamics.overCompressed", Severity.ofDistance(d), measured, pr.p10(), pr.p90(), "dB",
                    where, x));
        }
        // too dynamic: any of PLR, LRA, PSR above the profile's p90; the worst decides
        double worst = 0;
        StringBuilder detail = new StringBuilder();
        Double m = null;
        Percentiles mp = null;
        String unit = "dB";
        for (String key : List.of(ProfileKeys.PLR, ProfileKeys.LRA, ProfileKeys.PSR)) {
            Double val = v.get(key);
            Percentiles kp = p.get(key);
            if (val == null || kp == null || kp.outside(val) <= 0) continue;
            if (!detail.isEmpty()) detail.append(", ");
            boolean isLra = key.equals(ProfileKeys.LRA);
            detail.append(isLra ? "loudness range " : key.equals(ProfileKeys.PLR) ? "peak-to-loudness ratio "
                    : "median peak-to-short-term ratio ").append(num1(val)).append(isLra ? " LU" : " dB")
                    .append(" (usual up to ").append(num1(kp.p90())).append(")");
            if (kp.outside(val) > worst) {
                worst = kp.outside(val);
                m = val;
                mp = kp;
                unit = isLra ? "LU" : "dB";
            }
        }
        if (m != null) {
            Map<String, String> x = base(p, m, mp);
            x.put("detail", detail.toString());
            // the same move the suggested chain makes (ChainAdvisor.compressor)
            x.put("compression", "LU".equals(unit)
                    ? "leveling compression from the quiet end of the range (a low ratio, moderate attack, slow release),"
                            + " so the quiet passages come up against the loud ones"
                    : "gentle glue compression (about 2:1, slow attack, auto-like release)");
            out.add(make("dynamics.tooDynamic", Severity.ofDistance(worst), m, mp.p10(), mp.p90(), unit, null, x));
        }
    }

    // ---- stereo ------------------------------------------------------------------------------------------

    static void stereo(MixFeatures f, TargetProfile p, List<Finding> out) {
        if (f.file() == null || f.file().channels() < 2 || f.stereo() == null) return;
        Double w = f.stereo().width();
        Percentiles pw = p.get(ProfileKeys.WIDTH);
        // a stereo file that is in effect mono is reported whatever the genre's spread (some reference sets hold
        // mono records): at least a medium finding, with the profile's range as the target
        boolean effectivelyMono = w != null && w < EFFECTIVELY_MONO_WIDTH;
        if (w != null && pw != null && (pw.outside(w) != 0 || effectivelyMono) && !f.stereo().polarityInverted()) {
            double d = pw.outside(w);
            if (effectivelyMono) d = Math.min(d, -Severity.MEDIUM_FROM);
            boolean wide = d > 0;
            Stretch where = Where.worst(f.sections(), Section::width, wide ? 1 : -1, w, 0.03, 0.05);
            Map<String, String> x = base(p, w, pw);
            x.put("measured", num2(w));
            x.put("low", num2(pw.p10()));
            x.put("high", num2(pw.p90()));
            x.put("where", Where.phrase(where));
            Finding narrowOrWide = make(wide ? "stereo.tooWide" : "stereo.tooNarrow", Severity.ofDistance(d), w,
                    pw.p10(), pw.p90(), "", where, x);
            out.add(effectivelyMono ? withFix(narrowOrWide, MONO_FIX) : narrowOrWide);
        }
        Double lw = f.stereo().lowEndWidth();
        Percentiles pl = p.get(ProfileKeys.LOW_END_WIDTH);
        if (lw != null && pl != null && lw > Math.max(pl.p90(), LOW_END_MONO_LIMIT)) {
            double d = pl.outside(lw);
            Map<String, String> x = base(p, lw, pl);
            x.put("measured", num2(lw));
            x.put("high", num2(Math.max(pl.p90(), LOW_END_MONO_LIMIT)));
            out.add(make("stereo.lowEndNotMono", Severity.ofDistance(d), lw, null,
                    Math.max(pl.p90(), LOW_END_MONO_LIMIT), "", null, x));
        }
    }

    /** What to try for a mix with no side signal: mid/side processing has nothing to widen. */
    static final String MONO_FIX = "spread the parts across the stereo field in the mix (panning, stereo sources and "
            + "reverbs): there is no side signal for mastering to widen";

    /** The finding with another "what to try", its message rebuilt to match. */
    static Finding withFix(Finding f, String fix) {
        return new Finding(f.code(), f.severity(), message(whatOf(f.message()), f.why(), fix, null), f.measured(), f.targetLow(),
                f.targetHigh(), f.unit(), f.startSeconds(), f.endSeconds(), f.why(), fix, null);
    }

    /** Below this overall width a stereo file is in effect mono (a 0.5 % side share is inaudible). */
    static final double EFFECTIVELY_MONO_WIDTH = 0.005;

    /** Below this width the low end counts as mono whatever the profile says. */
    static final double LOW_END_MONO_LIMIT = 0.05;

    // ---- loudness ----------------------------------------------------------------------------------------

    /** Loudness within ±1 LU of the target is on target. */
    static final double LOUDNESS_TOLERANCE_LU = 1.0;

    static void loudness(MixFeatures f, DeliveryTarget t, List<Finding> out) {
        if (f.loudness() == null || f.loudness().integratedLufs() == null) return;
        double i = f.loudness().integratedLufs();
        double delta = i - t.integratedLufs();
        Map<String, String> x = new LinkedHashMap<>();
        x.put("measured", num1(i));
        x.put("delta", num1(Math.abs(delta)));
        x.put("platform", t.name());
        x.put("target", num1(t.integratedLufs()));
        x.put("ceiling", num1(t.truePeakCeilingDbtp()));
        x.put("targetText", t.loudnessText());
        if (delta > LOUDNESS_TOLERANCE_LU) {
            // a normalising platform turns it down to its own target; otherwise the loudness is what plays
            x.put("loudWhy", t.normalises() && !t.loudnessChosen()
                    ? t.name() + " will turn it down by about " + num1(delta) + " dB, so the extra loudness buys nothing"
                            + " and the dynamics were crushed for nothing"
                    : "it plays " + num1(delta) + " dB louder than the target, and the last decibels of loudness cost"
                            + " the most peak headroom and punch");
            // too loud: turned down on a normalising platform; judged by how much is thrown away
            String sev = Severity.ofAmount(delta, 4, 8);
            out.add(make("loudness.tooLoud", sev, i, null, t.integratedLufs() + LOUDNESS_TOLERANCE_LU, "LUFS", null, x));
        } else if (delta < -LOUDNESS_TOLERANCE_LU) {
            double deficit = -delta;
            Double tp = f.loudness().truePeakDbtp();
            double headroom = tp == null ? deficit : t.truePeakCeilingDbtp() - tp;
            String sev;
            if (t.loudnessChosen()) {
                x.put("quietWhy", "it will play about " + num1(deficit) + " dB quieter than the target you set");
                sev = Severity.ofAmount(deficit, 3, 6);
            } else if (!t.normalises()) {
                x.put("quietWhy", "it will play about " + num1(deficit) + " dB quieter than other tracks");
                sev = Severity.ofAmount(deficit, 3, 6);
            } else if (headroom >= deficit) {
                x.put("quietWhy", t.name() + " turns it up by about " + num1(deficit) + " dB (the peaks leave "
                        + num1(headroom) + " dB), so nothing is lost there; players without normalisation and "
                        + "DJ sets will still play it quieter");
                sev = Finding.LOW;
            } else {
                double shortfall = deficit - Math.max(0, headroom);
                x.put("quietWhy", t.name() + " turns quiet tracks up only as far as the peaks allow; here they leave "
                        + num1(Math.max(0, headroom)) + " dB, so it will play about " + num1(shortfall)
                        + " dB quieter than its peers");
                sev = Severity.ofAmount(shortfall, 2, 5);
            }
            out.add(make("loudness.tooQuiet", sev, i, t.integratedLufs() - LOUDNESS_TOLERANCE_LU, null, "LUFS", null, x));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static Map<String, String> base(TargetProfile p, double measured, Percentiles pr) {
        Map<String, String> x = new LinkedHashMap<>();
        x.put("label", p.label());
        x.put("measured", num1(measured));
        x.put("low", num1(pr.p10()));
        x.put("high", num1(pr.p90()));
        x.put("where", "");
        return x;
    }

    /** Builds a finding from the template table: message = what + why + what to try. */
    static Finding make(String code, String severity, Double measured, Double low, Double high, String unit,
                        Stretch where, Map<String, String> values) {
        FindingText.Template t = FindingText.of(code);
        String what = FindingText.fill(t.what(), values);
        String why = FindingText.fill(t.why(), values);
        String fix = FindingText.fill(t.fix(), values);
        return new Finding(code, severity, message(what, why, fix, null), measured, low, high, unit,
                where == null ? null : where.startSeconds(), where == null ? null : where.endSeconds(), why, fix, null);
    }

    /** The "what (and where)" part of a {@link #message}: everything before its "This matters because". */
    public static String whatOf(String message) {
        if (message == null) return null;
        int cut = message.indexOf(" This matters because ");
        return cut > 0 ? message.substring(0, cut) : message;
    }

    /** "What. This matters because why. What to try: fix[; see stage N of the chain]." */
    public static String message(String what, String why, String fix, Integer stage) {
        StringBuilder s = new StringBuilder(what == null ? "" : what);
        if (why != null) s.append(s.isEmpty() ? "" : " ").append("This matters because ").append(why).append('.');
        if (fix != null) {
            s.append(" What to try: ").append(fix);
            if (stage != null) s.append("; see stage ").append(stage).append(" of the chain");
            s.append('.');
        }
        return s.toString();
    }

    static String num1(double v) {
        return String.format(Locale.ROOT, "%.1f", v + 0.0);
    }

    static String num2(double v) {
        return String.format(Locale.ROOT, "%.2f", v + 0.0);
    }

    static double roundHalf(double v) {
        return Math.round(v * 2) / 2.0;
    }

    static String hz(double f) {
        if (f >= 1000) return String.format(Locale.ROOT, "%.1f kHz", f / 1000).replace(".0 kHz", " kHz");
        return String.format(Locale.ROOT, "%.0f Hz", f);
    }
}
