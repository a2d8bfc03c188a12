package org.freshears.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Figures derived from the meter's short-term (3 s) loudness every 100 ms and the sample peak of each 100 ms block:
 * PSR statistics, the loudest and quietest stretches, the timeline and per-section loudness.
 *
 * <p>Window i is the 3 s ending at (i+1)·0.1 s; only whole windows (i ≥ 29) count for PSR and stretches.
 * "Non-silent" windows are those above the absolute gate (−70 LUFS) and above the integrated loudness − 20 LU (the
 * loudness-range relative gate of EBU Tech 3342), so fade-outs and gaps do not count as the quietest passage.
 * PSR of a window = its sample peak (dBFS, the largest sample of its 30 blocks) − its short-term loudness (a per-window
 * true peak is not available; the sample peak reads at most a fraction of a dB lower on most material).
 */
final class LoudnessSeries {
    static final int WINDOW_BLOCKS = 30;
    static final double BLOCK_SECONDS = 0.1;
    static final double GATE_LUFS = -70;
    static final double RELATIVE_GATE_LU = -20;
    static final int MAX_TIMELINE_POINTS = 1500;

    private final double[] st;
    private final float[] peaks;
    private final double gate;

    LoudnessSeries(double[] shortTermLufs, float[] peaks100ms, Double integratedLufs) {
        this.st = shortTermLufs;
        this.peaks = peaks100ms;
        this.gate = integratedLufs == null ? Double.POSITIVE_INFINITY
                : Math.max(GATE_LUFS, integratedLufs + RELATIVE_GATE_LU);
    }

    private boolean counted(int i) {
        return i >= WINDOW_BLOCKS - 1 && st[i] > gate;
    }

    /** {10th, 50th, 90th} percentile PSR over non-silent windows, or null. */
    double[] psrPercentiles() {
        double[] v = new double[st.length];
        int m = 0;
        for (int i = WINDOW_BLOCKS - 1; i < st.length; i++) {
            if (!counted(i)) continue;
            float pk = 0;
            for (int j = i - WINDOW_BLOCKS + 1; j <= i && j < peaks.length; j++) pk = Math.max(pk, peaks[j]);
            if (pk > 0) v[m++] = 20 * Math.log10(pk) - st[i];
        }
        if (m == 0) return null;
        Arrays.sort(v, 0, m);
        return new double[] {v[(int) Math.round((m - 1) * 0.1)], v[(int) Math.round((m - 1) * 0.5)],
                v[(int) Math.round((m - 1) * 0.9)]};
    }

    /** The loudest whole 3 s window (earliest on ties), or null for input shorter than 3 s or silence. */
    Stretch loudest() {
        int best = -1;
        for (int i = WINDOW_BLOCKS - 1; i < st.length; i++) {
            if (st[i] > GATE_LUFS && (best < 0 || st[i] > st[best])) best = i;
        }
        return stretch(best);
    }

    /** The quietest non-silent whole 3 s window, or null. */
    Stretch quietest() {
        int best = -1;
        for (int i = WINDOW_BLOCKS - 1; i < st.length; i++) {
            if (counted(i) && (best < 0 || st[i] < st[best])) best = i;
        }
        return stretch(best);
    }

    private Stretch stretch(int i) {
        if (i < 0) return null;
        return new Stretch(Num.round((i + 1 - WINDOW_BLOCKS) * BLOCK_SECONDS, 1), Num.round((i + 1) * BLOCK_SECONDS, 1),
                Num.round(st[i], 2));
    }

    /** Short-term loudness every k·100 ms (k chosen so there are at most 1500 points), null where silent. */
    Timeline timeline() {
        int k = Math.max(1, (st.length + MAX_TIMELINE_POINTS - 1) / MAX_TIMELINE_POINTS);
        List<Double> values = new ArrayList<>(st.length / k + 1);
        for (int i = k - 1; i < st.length; i += k) values.add(Double.isFinite(st[i]) ? Num.round(st[i], 1) : null);
        return new Timeline(Num.round(k * BLOCK_SECONDS, 1), values);
    }

    /**
     * Loudness of [start, end): the power mean of the consecutive 3 s windows that fit, or for a stretch shorter than
     * 3 s the last window ending inside it (which reaches back before its start); null when silent or unknown.
     */
    Double sectionLufs(double startSeconds, double endSeconds) {
        double sum = 0;
        int n = 0;
        for (double t = startSeconds + 3; t <= endSeconds + 1e-9; t += 3) {
            int i = (int) Math.round(t / BLOCK_SECONDS) - 1;
            if (i >= st.length) break;
            sum += power(st[i]);
            n++;
        }
        if (n == 0) {
            int i = Math.min(st.length, (int) Math.floor(endSeconds / BLOCK_SECONDS + 1e-9)) - 1;
            if (i < 0) return null;
            sum = power(st[i]);
            n = 1;
        }
        return sum > 0 ? Num.round(-0.691 + 10 * Math.log10(sum / n), 2) : null;
    }

    private static double power(double lufs) {
        return Double.isFinite(lufs) ? Math.pow(10, (lufs + 0.691) / 10) : 0;
    }
}
