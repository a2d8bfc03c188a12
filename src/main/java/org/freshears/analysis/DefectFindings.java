package org.freshears.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Findings for defects that can be measured without knowing the genre (CONTRACT.md codes): clipping, true peak over
 * the platform ceiling, phase problems, left/right imbalance, DC offset, silence padding and a band-limited (lossy
 * or low-pass) source. Each carries a severity scaled by how bad it is, the measured value and the accepted range,
 * and where it is when it is local. {@link Analyzer} calls this with the Spotify ceiling (−1 dBTP); the pipeline
 * calls it again with the user's platform.
 */
public final class DefectFindings {
    /** A stereo track whose mono fold-down reads this much quieter has a phase problem (uncorrelated noise: 3 LU). */
    static final double MONO_DROP_LU = 4.0;
    /** Correlation below this is a phase problem (uncorrelated material sits near 0 and may dip slightly below). */
    static final double NEGATIVE_CORRELATION = -0.1;
    static final double BALANCE_DB = 1.5;
    static final double DC_LINEAR = 0.001;
    static final double MIN_DC_SECONDS = 0.5;
    static final double LEADING_SILENCE_S = 0.5;
    static final double TRAILING_SILENCE_S = 2.0;

    private DefectFindings() {}

    public static List<Finding> of(MixFeatures f, double truePeakCeilingDbtp) {
        List<Finding> out = new ArrayList<>();
        clipping(f, out);
        truePeak(f, truePeakCeilingDbtp, out);
        phase(f, out);
        imbalance(f, out);
        dcOffset(f, out);
        silence(f, out);
        bandLimited(f, out);
        nonFinite(f, out);
        return out;
    }

    private static void clipping(MixFeatures f, List<Finding> out) {
        TechnicalStats t = f.technical();
        if (t == null || t.clippedRuns() == 0) return;
        String sev = t.clippedRuns() >= 100 || t.clippedSamples() >= 1000 ? Finding.HIGH
                : t.clippedRuns() >= 10 ? Finding.MEDIUM : Finding.LOW;
        Double start = t.clipTimesSeconds().isEmpty() ? null : t.clipTimesSeconds().get(0);
        Double last = t.lastClipSeconds();
        String where = start == null ? "" : t.clippedRuns() == 1 || last == null || clock(start).equals(clock(last))
                ? " at " + clock(start) : " between " + clock(start) + " and " + clock(last);
        int channels = f.file().channels();
        String across = channels == 1 ? "" : channels == 2 ? ", both channels together" : ", all " + channels + " channels together";
        out.add(new Finding("peaks.clipping", sev, String.format(Locale.ROOT,
                "%d clipped run%s (%d samples flat at full scale%s)%s: clipped peaks sound harsh and distort further "
                        + "when encoded, so pull the level into the limiter or master bus down, or re-render from an "
                        + "unclipped source.", t.clippedRuns(), t.clippedRuns() == 1 ? "" : "s", t.clippedSamples(),
                across, where),
                (double) t.clippedRuns(), null, 0.0, "runs", start, t.lastClipSeconds()));
    }

    private static void truePeak(MixFeatures f, double ceiling, List<Finding> out) {
        Double tp = f.loudness() == null ? null : f.loudness().truePeakDbtp();
        if (tp == null || tp <= ceiling) return;
        double excess = tp - ceiling;
        String sev = excess >= 2 || tp > 0 ? Finding.HIGH : excess >= 0.5 ? Finding.MEDIUM : Finding.LOW;
        Double at = f.technical() == null ? null : f.technical().peakSeconds();
        long overs = f.technical() == null ? 0 : f.technical().interSampleOvers();
        out.add(new Finding("peaks.truePeakOver", sev, String.format(Locale.ROOT,
                "True peak reaches %.1f dBTP%s, %.1f dB over the %.1f dBTP ceiling%s: lossy encoding and playback "
                        + "converters can distort such peaks, so set the limiter's true-peak ceiling to %.1f dBTP.",
                tp, at == null ? "" : " (highest near " + clock(at) + ")", excess, ceiling,
                overs > 0 ? String.format(Locale.ROOT, ", with %d inter-sample overs above 0 dBTP", overs) : "",
                ceiling), tp, null, ceiling, "dBTP", at, at == null ? null : at + 0.1));
    }

    private static void phase(MixFeatures f, List<Finding> out) {
        StereoImage s = f.stereo();
        if (s == null || f.file().channels() < 2) return;
        Double corr = s.correlation(), drop = s.monoLoudnessDropLu();
        boolean negative = corr != null && corr < NEGATIVE_CORRELATION;
        boolean dropping = drop != null && drop > MONO_DROP_LU;
        if (!negative && !dropping && !s.polarityInverted()) return;
        String sev = s.polarityInverted() || (corr != null && corr < -0.4) || (drop != null && drop >= 6) ? Finding.HIGH
                : (corr != null && corr < -0.2) || (drop != null && drop >= 5) ? Finding.MEDIUM : Finding.LOW;
        String what = s.polarityInverted() ? "one channel looks polarity-inverted" : "left and right partly cancel";
        String msg = String.format(Locale.ROOT,
                "Stereo correlation is %s and the mono fold-down is %s quieter: %s, so the mix thins out or loses "
                        + "its bass on mono speakers and phones; check for a flipped polarity, over-wide stereo effects "
                        + "or out-of-phase microphones.",
                corr == null ? "undefined" : String.format(Locale.ROOT, "%.2f", corr),
                drop == null ? "n/a" : String.format(Locale.ROOT, "%.1f LU", drop), what);
        if (negative || s.polarityInverted() && corr != null) {
            out.add(new Finding("stereo.phaseProblem", sev, msg, corr, NEGATIVE_CORRELATION, 1.0, "", null, null));
        } else {
            out.add(new Finding("stereo.phaseProblem", sev, msg, drop, 0.0, MONO_DROP_LU, "LU", null, null));
        }
    }

    private static void imbalance(MixFeatures f, List<Finding> out) {
        StereoImage s = f.stereo();
        if (s == null || s.balanceDb() == null || f.file().channels() < 2) return;
        double b = s.balanceDb(), a = Math.abs(b);
        if (a < BALANCE_DB) return;
        String sev = a >= 6 ? Finding.HIGH : a >= 3 ? Finding.MEDIUM : Finding.LOW;
        out.add(new Finding("stereo.imbalance", sev, String.format(Locale.ROOT,
                "The %s channel is %.1f dB louder than the %s over the whole track: the image leans to one side, so "
                        + "check the master pan and balance, and panning of the loudest parts.",
                b > 0 ? "left" : "right", a, b > 0 ? "right" : "left"), b, -BALANCE_DB, BALANCE_DB, "dB", null, null));
    }

    private static void dcOffset(MixFeatures f, List<Finding> out) {
        TechnicalStats t = f.technical();
        if (t == null || t.dcOffsetPerChannel() == null) return;
        double worst = 0;
        int channel = -1;
        List<String> offsets = new ArrayList<>();
        for (int c = 0; c < t.dcOffsetPerChannel().size(); c++) {
            Double v = t.dcOffsetPerChannel().get(c);
            if (v == null) continue;
            if (Math.abs(v) > Math.abs(worst)) {
                worst = v;
                channel = c;
            }
            if (Math.abs(v) >= DC_LINEAR) offsets.add(String.format(Locale.ROOT, "%d (%.4f)", c + 1, v));
        }
        if (Math.abs(worst) < DC_LINEAR) return;
        // the mean of less than half a second cannot tell an offset from the half cycle of a low note
        Double duration = f.file().durationSeconds();
        if (duration == null || duration < MIN_DC_SECONDS) return;
        double db = 20 * Math.log10(Math.abs(worst));
        String sev = Math.abs(worst) >= 0.05 ? Finding.HIGH : Math.abs(worst) >= 0.01 ? Finding.MEDIUM : Finding.LOW;
        String which = offsets.size() == 1 ? String.format(Locale.ROOT, "Channel %d carries a DC offset of %.4f", channel + 1, worst)
                : "Channels " + String.join(" and ", offsets) + " carry DC offsets";
        out.add(new Finding("technical.dcOffset", sev, String.format(Locale.ROOT,
                "%s (%s%.1f dBFS): %s headroom and %s at edits, so put a high-pass (DC filter, 5–20 Hz) on the "
                        + "master or fix the source.", which, offsets.size() == 1 ? "" : "the largest ", db,
                offsets.size() == 1 ? "it wastes" : "they waste", offsets.size() == 1 ? "clicks" : "click"),
                Num.round(db, 2), null, 20 * Math.log10(DC_LINEAR), "dBFS", null, null));
    }

    private static void silence(MixFeatures f, List<Finding> out) {
        TechnicalStats t = f.technical();
        Double duration = f.file().durationSeconds();
        if (t == null || t.leadingSilenceSeconds() == null || duration == null || duration <= 0) return;
        double lead = t.leadingSilenceSeconds(), trail = t.trailingSilenceSeconds();
        if (lead >= duration) {
            out.add(new Finding("technical.silencePadding", Finding.HIGH, String.format(Locale.ROOT,
                    "The whole file (%s) is below −60 dBFS: check the export (muted master, wrong track or source).",
                    clock(duration)), lead, null, LEADING_SILENCE_S, "s", 0.0, duration));
            return;
        }
        if (lead > LEADING_SILENCE_S) {
            out.add(new Finding("technical.silencePadding", lead > 2 ? Finding.MEDIUM : Finding.LOW,
                    String.format(Locale.ROOT, "The track starts with %.2f s of silence (below −60 dBFS): listeners "
                            + "hear a gap before the music, so trim the head to under %.1f s.", lead, LEADING_SILENCE_S),
                    lead, null, LEADING_SILENCE_S, "s", 0.0, lead));
        }
        if (trail > TRAILING_SILENCE_S) {
            out.add(new Finding("technical.silencePadding", trail > 5 ? Finding.MEDIUM : Finding.LOW,
                    String.format(Locale.ROOT, "The track ends with %.2f s of silence (below −60 dBFS): playlists "
                            + "play a long gap, so trim the tail to under %.1f s after the last sound.",
                            trail, TRAILING_SILENCE_S),
                    trail, null, TRAILING_SILENCE_S, "s", duration - trail, duration));
        }
    }

    private static void bandLimited(MixFeatures f, List<Finding> out) {
        TechnicalStats t = f.technical();
        if (t == null || !t.bandLimited() || t.bandwidthHz() == null) return;
        double bw = t.bandwidthHz();
        String sev = bw < 12000 ? Finding.HIGH : bw < 16500 ? Finding.MEDIUM : Finding.LOW;
        out.add(new Finding("technical.bandLimited", sev, String.format(Locale.ROOT,
                "Nothing above %.1f kHz although the file could carry up to %.1f kHz: that is the cut of a lossy "
                        + "(MP3/AAC) or low-passed source, so master from the original uncompressed mix.",
                bw / 1000, f.file().sampleRate() / 2000.0), bw, FeatureAssembler.BAND_LIMIT_HZ, null, "Hz", null, null));
    }

    /** NaN or infinite samples (a code beyond CONTRACT.md's list): they were measured as silence. */
    private static void nonFinite(MixFeatures f, List<Finding> out) {
        long n = f.file().nonFiniteSamples();
        if (n <= 0) return;
        out.add(new Finding("technical.nonFinite", Finding.HIGH, String.format(Locale.ROOT,
                "%d sample%s %s NaN or infinite (measured here as silence): a broken plug-in or export wrote them, and "
                        + "a limiter, encoder or converter may turn them into full-scale bursts or drop-outs, so find "
                        + "the plug-in that makes them and export again.", n, n == 1 ? "" : "s", n == 1 ? "is" : "are"),
                (double) n, null, 0.0, "samples", null, null));
    }

    /** m:ss.s */
    static String clock(Double seconds) {
        if (seconds == null) return "?";
        long tenths = Math.round(seconds * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
    }
}
