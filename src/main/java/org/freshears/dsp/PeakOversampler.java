package org.freshears.dsp;

/**
 * Streaming inter-sample peak estimator: a polyphase windowed-sinc (Kaiser) interpolator that, for every new
 * input sample, reports the largest |value| among the sample {@code x[t]} and the {@code factor − 1}
 * interpolated points between {@code x[t]} and {@code x[t+1]}, refined by a parabola through each local maximum
 * and its two neighbours (which recovers most of what lies between the oversampled points), where {@code t} lags the newest input by
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
    private final double[] points;       // x[t], the interpolated points, x[t+1]
    private double previousPoint = Double.NaN;   // last interpolated point of the previous interval
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
        this.points = new double[factor + 1];
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
        int base = index + taps / 2 - 1;
        if (count - 1 - lastLoud >= taps) {
            previousPoint = Double.NaN;
            return Math.abs(history[base]);
        }
        double[] v = points;
        v[0] = history[base];
        v[factor] = history[base + 1];
        if (factor == 4) {
            // the three phases in one loop: three independent sums the CPU overlaps, one load of each sample
            // (each sum adds its terms in the same order as a loop per phase, so the values are the same)
            double[] c1 = phases[0], c2 = phases[1], c3 = phases[2];
            double s1 = 0, s2 = 0, s3 = 0;
            for (int j = 0; j < taps; j++) {
                double h = history[index + j];
                s1 += c1[j] * h;
                s2 += c2[j] * h;
                s3 += c3[j] * h;
            }
            v[1] = s1;
            v[2] = s2;
            v[3] = s3;
        } else {
            for (int p = 1; p < factor; p++) {
                double[] c = phases[p - 1];
                double s = 0;
                for (int j = 0; j < taps; j++) s += c[j] * history[index + j];
                v[p] = s;
            }
        }
        double peak = 0;
        for (int i = 0; i < factor; i++) {
            double y1 = v[i], a1 = Math.abs(y1);
            if (a1 > peak) peak = a1;
            double y0 = i == 0 ? previousPoint : v[i - 1], y2 = v[i + 1];
            if (!(a1 >= Math.abs(y0)) || a1 < Math.abs(y2)) continue;   // not a local maximum of |x| (NaN: unknown)
            if (y1 < 0) {
                y0 = -y0;
                y2 = -y2;
                y1 = a1;
            }
            double curvature = y0 - 2 * y1 + y2;
            if (curvature < 0) {                                        // parabola through the three points
                double vertex = y1 - (y0 - y2) * (y0 - y2) / (8 * curvature);
                if (vertex > peak) peak = vertex;
            }
        }
        previousPoint = v[factor - 1];
        return peak;
    }

    public void reset() {
        java.util.Arrays.fill(history, 0);
        index = 0;
        count = 0;
        previousPoint = Double.NaN;
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
