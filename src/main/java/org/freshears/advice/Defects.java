package org.freshears.advice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freshears.analysis.Finding;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.TechnicalStats;

/**
 * The measurable defects that need no genre (clipping, true-peak overs, phase, balance, DC, silence padding,
 * band limiting). Findings the analyser already made ({@code MixFeatures.findings}, from the features branch's
 * {@code DefectFindings}) are taken as they are, with why/fix added from {@link FindingText}; the true-peak
 * finding is re-judged against the delivery target's ceiling. Where the analyser made none, the interim rules
 * below apply, so that advice works before (and independently of) the analyser's own defect rules.
 */
final class Defects {
    static final double IMBALANCE_DB = 1.5;
    static final double DC_LIMIT = 0.005;           // about −46 dBFS
    static final double LEADING_SILENCE_S = 2.0;
    static final double TRAILING_SILENCE_S = 5.0;
    static final double PHASE_CORRELATION = -0.2;

    private Defects() {}

    static List<Finding> of(MixFeatures f, DeliveryTarget t) {
        Map<String, Finding> byCode = new LinkedHashMap<>();
        for (Finding d : interim(f, t)) byCode.put(d.code(), d);
        if (f.findings() != null) {
            for (Finding d : f.findings()) {
                if (d.code().equals("peaks.truePeakOver")) continue;   // judged against this target's ceiling
                byCode.put(d.code(), enrich(d));
            }
        }
        return new ArrayList<>(byCode.values());
    }

    /** Adds the template's why/fix to a finding made elsewhere, keeping its own "what". */
    static Finding enrich(Finding d) {
        FindingText.Template t = FindingText.of(d.code());
        if (t == null || d.why() != null) return d;
        String msg = d.message() == null ? "" : d.message().strip();
        if (!msg.isEmpty() && !msg.endsWith(".")) msg += ".";
        return new Finding(d.code(), d.severity(), Advisor.message(msg, t.why(), t.fix(), null), d.measured(),
                d.targetLow(), d.targetHigh(), d.unit(), d.startSeconds(), d.endSeconds(), t.why(), t.fix(), null);
    }

    static List<Finding> interim(MixFeatures f, DeliveryTarget t) {
        List<Finding> out = new ArrayList<>();
        Map<String, String> x = new LinkedHashMap<>();
        x.put("platform", t.name());
        x.put("ceiling", Advisor.num1(t.truePeakCeilingDbtp()));
        if (f.loudness() != null && f.loudness().truePeakDbtp() != null
                && f.loudness().truePeakDbtp() > t.truePeakCeilingDbtp() + 0.05) {
            double tp = f.loudness().truePeakDbtp();
            x.put("measured", Advisor.num1(tp));
            out.add(Advisor.make("peaks.truePeakOver", Severity.ofAmount(tp - t.truePeakCeilingDbtp(), 0.5, 2.5), tp,
                    null, t.truePeakCeilingDbtp(), "dBTP", null, x));
        }
        TechnicalStats tech = f.technical();
        if (tech != null) {
            if (tech.clippedRuns() > 0) {
                Double at = tech.clipTimesSeconds() == null || tech.clipTimesSeconds().isEmpty() ? null
                        : tech.clipTimesSeconds().getFirst();
                out.add(defect("peaks.clipping", Severity.ofAmount(tech.clippedRuns(), 5, 50),
                        "The waveform is clipped in " + tech.clippedRuns() + " places (" + tech.clippedSamples()
                                + " flat-topped samples)" + (at == null ? "" : ", the first at " + Where.clock(at)) + ".",
                        (double) tech.clippedRuns(), null, 0.0, "runs", at, null));
            }
            if (tech.dcOffsetPerChannel() != null) {
                double worst = 0;
                for (Double d : tech.dcOffsetPerChannel()) if (d != null && Math.abs(d) > Math.abs(worst)) worst = d;
                if (Math.abs(worst) > DC_LIMIT) {
                    double db = 20 * Math.log10(Math.abs(worst));
                    out.add(defect("technical.dcOffset", Severity.ofAmount(Math.abs(worst), 0.02, 0.05),
                            "A DC offset of " + Advisor.num1(db) + " dBFS shifts the waveform off centre.", db, null,
                            20 * Math.log10(DC_LIMIT), "dBFS", null, null));
                }
            }
            double lead = tech.leadingSilenceSeconds() == null ? 0 : tech.leadingSilenceSeconds();
            double trail = tech.trailingSilenceSeconds() == null ? 0 : tech.trailingSilenceSeconds();
            if (lead > LEADING_SILENCE_S || trail > TRAILING_SILENCE_S) {
                out.add(defect("technical.silencePadding", Finding.LOW, "There is " + Advisor.num1(lead)
                                + " s of silence at the start and " + Advisor.num1(trail) + " s at the end.",
                        Math.max(lead, trail), null, lead > LEADING_SILENCE_S ? LEADING_SILENCE_S : TRAILING_SILENCE_S,
                        "s", lead > LEADING_SILENCE_S ? 0.0 : null, lead > LEADING_SILENCE_S ? lead : null));
            }
            if (tech.bandLimited()) {
                Double bw = tech.bandwidthHz();
                out.add(defect("technical.bandLimited", Finding.MEDIUM, "Nothing is left above about "
                                + (bw == null ? "16 kHz" : Advisor.hz(bw)) + ".", bw, 16500.0, null, "Hz", null, null));
            }
        }
        if (f.stereo() != null && f.file() != null && f.file().channels() >= 2) {
            Double c = f.stereo().correlation();
            if (f.stereo().polarityInverted() || (c != null && c < PHASE_CORRELATION)) {
                out.add(defect("stereo.phaseProblem", c != null && c < -0.5 || f.stereo().polarityInverted()
                                ? Finding.HIGH : Finding.MEDIUM,
                        "Left and right are largely out of phase (correlation " + (c == null ? "n/a" : Advisor.num2(c))
                                + (f.stereo().polarityInverted() ? ", one channel looks polarity-inverted" : "") + ").",
                        c, PHASE_CORRELATION, null, "", null, null));
            }
            Double bal = f.stereo().balanceDb();
            if (bal != null && Math.abs(bal) > IMBALANCE_DB) {
                out.add(defect("stereo.imbalance", Severity.ofAmount(Math.abs(bal), 3, 6), "The mix leans "
                                + (bal > 0 ? "left" : "right") + " by " + Advisor.num1(Math.abs(bal)) + " dB.", bal,
                        -IMBALANCE_DB, IMBALANCE_DB, "dB", null, null));
            }
        }
        return out;
    }

    private static Finding defect(String code, String sev, String what, Double measured, Double low, Double high,
                                  String unit, Double start, Double end) {
        FindingText.Template t = FindingText.of(code);
        return new Finding(code, sev, Advisor.message(what, t.why(), t.fix(), null), measured, low, high, unit, start,
                end, t.why(), t.fix(), null);
    }
}
