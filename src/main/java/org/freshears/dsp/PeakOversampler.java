package org.freshears.dsp;

/**
 * Streaming inter-sample peak estimator: a polyphase windowed-sinc (Kaiser) interpolator that, for every new
 * input sample, reports the largest |value| among the sample {@code x[t]} and the {@code factor − 1}
 * interpolated points between {@code x[t]} and {@code x[t+1]}, where {@code t} lags the newest input by
 * {@link #latency()} samples (ITU-R BS.1770-4 Annex 2 uses the same idea at 4×; this one is configurable).
 *
 * <p>Points that provably cannot exceed {@code floor} are not computed: if every sample in the interpolator's
 * support is below {@code floor / L1} (L1 = the largest sum of |coefficients| of a phase), no interpolated value
 * can exceed {@code floor}, and the reported value is then just |x[t]|. Pass {@code floor = 0} for exact values
 * everywhere.
 */
public final class PeakOversampler {
    private final int factor, taps;
    private final double[][] phases;     // [factor-1][taps], phase p interpolates at t + p/factor
    private final double[] history;      // ring of 2·taps, each sample stored twice for contiguous reads
    private final double loudThreshold;
    private int index;
    private long count, lastLoud = Long.MIN_VALUE / 2;

    /**
     * @param factor oversampling factor ≥ 2
     * @param taps   even number of input samples each interpolated point uses (16 is plenty for peak detection)
     * @param beta   Kaiser window shape
     * @param floor  values that cannot exceed this need not be exact (0 = always exact)
     */
    public PeakOversampler(int factor, int taps, double beta, double floor) {
        if (factor < 2) throw new IllegalArgumentException("factor must be >= 2: " + factor);
        if (taps < 2 || taps % 2 != 0) throw new IllegalArgumentException("taps must be even and >= 2: " + taps);
        this.factor = factor;
        this.taps = taps;
        this.phases = new double[factor - 1][taps];
        double i0Beta = besselI0(beta), maxL1 = 1, half = taps / 2.0;
        for (int p = 1; p < factor; p++) {
            double tau = (double) p / factor, sum = 0, l1 = 0;
            for (int j = 0; j < taps; j++) {
                double d = (j - taps / 2 + 1) - tau;              // distance from the interpolated point
                double u = d / half;
                double w = besselI0(beta * Math.sqrt(Math.max(0, 1 - u * u))) / i0Beta;
                double c = sinc(d) * w;
                phases[p - 1][j] = c;
                sum += c;
            }
            for (int j = 0; j < taps; j++) {
                phases[p - 1][j] /= sum;                          // unity gain at DC
                l1 += Math.abs(phases[p - 1][j]);
            }
            maxL1 = Math.max(maxL1, l1);
        }
        this.history = new double[2 * taps];
        this.loudThreshold = floor / maxL1;
    }

    /** Samples between the newest input and the sample {@code t} whose neighbourhood is reported. */
    public int latency() {
        return taps / 2;
    }

    /** Feeds one sample; returns the peak |value| around {@code x[t]}, t = newest − {@link #latency()}. */
    public double push(double x) {
        history[index] = x;
        history[index + taps] = x;
        index = index + 1 == taps ? 0 : index + 1;
        if (Math.abs(x) > loudThreshold) lastLoud = count;
        count++;
        // window now is history[index .. index+taps): oldest first; x[t] sits at offset taps/2 - 1
        double peak = Math.abs(history[index + taps / 2 - 1]);
        if (count - 1 - lastLoud >= taps) return peak;
        for (double[] c : phases) {
            double v = 0;
            for (int j = 0; j < taps; j++) v += c[j] * history[index + j];
            v = Math.abs(v);
            if (v > peak) peak = v;
        }
        return peak;
    }

    public void reset() {
        java.util.Arrays.fill(history, 0);
        index = 0;
        count = 0;
        lastLoud = Long.MIN_VALUE / 2;
    }

    private static double sinc(double x) {
        if (x == 0) return 1;
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    static double besselI0(double x) {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 60; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return sum;
    }
}
