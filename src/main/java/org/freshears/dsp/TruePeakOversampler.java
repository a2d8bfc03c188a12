package org.freshears.dsp;

/**
 * Polyphase FIR interpolator for true-peak metering (ITU-R BS.1770-4 Annex 2), one channel.
 *
 * <p>Over-sampling factor by input rate: 4x below 96 kHz, 2x from 96 kHz to below 192 kHz,
 * 1x (sample peak only) at 192 kHz and above, so the peak is always looked for on a grid of at
 * least 176.4 kHz. The interpolation filter is a Kaiser-windowed sinc (beta 5), cut off at the
 * input Nyquist frequency and designed here, not copied. Its odd length (49 taps at 4x) centres
 * it on an input sample, so phase 0 is the input itself (its peak is the sample peak) and only
 * the in-between phases are computed, 12 taps each (36 multiply-adds per sample at 4x); every
 * phase is normalised to unity gain at DC, and the fine grid falls exactly on quarter (half)
 * sample positions. The phase responses stay within +0.04/-0.01 dB up to 0.35 fs (15.4 kHz at
 * 44.1 kHz) and fall to about -0.3..-0.65 dB at 0.4 fs, where the BS.1770 example filter also
 * rolls off.
 *
 * <p>{@link #process} returns the largest absolute interpolated value of the samples it has
 * completed; the interpolator has a look-back of 11 input samples, and {@link #tailPeak()}
 * gives the peak of the values still pending as if the stream were followed by silence.
 * No allocation after construction. Input must be finite (the meter sanitises it).
 */
public final class TruePeakOversampler {
    public static final int TAPS_PER_PHASE = 12;
    static final double KAISER_BETA = 5.0;
    private static final int HISTORY = TAPS_PER_PHASE - 1;
    private static final int CHUNK = 1024;

    private final int factor;
    /** {@code phases[p][k]} multiplies {@code x[m - k]} to give the output at time {@code m + p / factor}. */
    private final float[][] phases;
    private final float[] x = new float[HISTORY + CHUNK];
    private final float[] acc = new float[CHUNK];
    private final float[] tailX = new float[2 * HISTORY];
    private long overs;
    /**
     * The largest sum of absolute coefficients of any phase (slightly enlarged against rounding): no
     * interpolated value can exceed it times the largest input magnitude in the filter's reach.
     */
    private final float bound;

    public TruePeakOversampler(int sampleRate) {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        this.factor = factorFor(sampleRate);
        this.phases = design(factor);
        double g = 1;
        for (float[] ph : phases) {
            double s = 0;
            for (float h : ph) s += Math.abs(h);
            g = Math.max(g, s);
        }
        this.bound = (float) (g * 1.001);
    }

    /** 4 below 96 kHz, 2 below 192 kHz, else 1. */
    public static int factorFor(int sampleRate) {
        if (sampleRate < 96_000) return 4;
        if (sampleRate < 192_000) return 2;
        return 1;
    }

    public int factor() {
        return factor;
    }

    /** The polyphase coefficients, {@code [phase][tap]} (a copy). */
    public float[][] coefficients() {
        float[][] copy = new float[factor][];
        for (int p = 0; p < factor; p++) copy[p] = phases[p].clone();
        return copy;
    }

    /** Number of interpolated values (or samples, at 1x) above full scale so far. */
    public long overs() {
        return overs;
    }

    /**
     * Feeds {@code in[off..off+n)} and returns the largest absolute interpolated value produced,
     * 0 if none.
     */
    public float process(float[] in, int off, int n) {
        return process(in, off, n, Float.NEGATIVE_INFINITY);
    }

    /**
     * As {@link #process(float[], int, int)} for a caller that only needs the running maximum: a stretch whose
     * interpolated values provably stay at or below both {@code floor} and full scale (by {@link #bound}) is not
     * interpolated, so the result is exact whenever it exceeds {@code floor}, and the overs count is exact.
     */
    public float process(float[] in, int off, int n, float floor) {
        float peak = 0f;
        float skipBelow = Math.min(floor, 1f);
        while (n > 0) {
            int c = Math.min(n, CHUNK);
            System.arraycopy(in, off, x, HISTORY, c);
            float m = Float.POSITIVE_INFINITY;
            if (skipBelow >= 0) { // else nothing may be skipped: no need to look
                m = 0f;
                for (int i = 0; i < HISTORY + c; i++) m = Math.max(m, Math.abs(x[i]));
            }
            if (m * bound > skipBelow) peak = Math.max(peak, chunk(x, c, true));
            System.arraycopy(x, c, x, 0, HISTORY);
            off += c;
            n -= c;
        }
        return peak;
    }

    /** Peak of the interpolated values that need input after the last sample, assuming zeros follow. */
    public float tailPeak() {
        if (factor == 1) return 0f;
        System.arraycopy(x, 0, tailX, 0, HISTORY);
        java.util.Arrays.fill(tailX, HISTORY, 2 * HISTORY, 0f);
        return chunk(tailX, HISTORY, false);
    }

    /** Interpolates the {@code c} samples at {@code buf[HISTORY..HISTORY+c)}; returns the abs peak. */
    private float chunk(float[] buf, int c, boolean countOvers) {
        // Phase 0 is the input itself: its peak is the sample peak, which the meter tracks anyway,
        // but its overs are counted here so that the count covers the whole over-sampled stream.
        if (countOvers) {
            float sp = 0f;
            for (int m = 0; m < c; m++) sp = Math.max(sp, Math.abs(buf[HISTORY + m]));
            if (sp > 1f) {
                for (int m = 0; m < c; m++) if (Math.abs(buf[HISTORY + m]) > 1f) overs++;
            }
        }
        float peak = 0f;
        final float[] a = acc;
        for (int ph = 1; ph < factor; ph++) {
            float[] h = phases[ph];
            float h0 = h[0];
            for (int m = 0; m < c; m++) a[m] = h0 * buf[HISTORY + m];
            for (int k = 1; k < TAPS_PER_PHASE; k++) {
                float hk = h[k];
                int o = HISTORY - k;
                for (int m = 0; m < c; m++) a[m] += hk * buf[o + m];
            }
            float pp = 0f;
            for (int m = 0; m < c; m++) pp = Math.max(pp, Math.abs(a[m]));
            if (countOvers && pp > 1f) {
                for (int m = 0; m < c; m++) if (Math.abs(a[m]) > 1f) overs++;
            }
            peak = Math.max(peak, pp);
        }
        return peak;
    }

    /**
     * Kaiser-windowed sinc prototype of odd length {@code factor * 12 + 1} centred on an input
     * sample, so that phase 0 is the input itself and phases 1..factor-1 have 12 taps each,
     * every phase normalised to unity DC gain. Row 0 is left as a unit impulse for reference.
     */
    private static float[][] design(int factor) {
        float[][] p = new float[factor][TAPS_PER_PHASE];
        p[0][TAPS_PER_PHASE / 2] = 1f;
        if (factor == 1) return p;
        int n = factor * TAPS_PER_PHASE + 1;
        int centre = factor * TAPS_PER_PHASE / 2;
        double i0Beta = besselI0(KAISER_BETA);
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (double) (i - centre) / factor; // in input samples
            double sinc = t == 0 ? 1.0 : Math.sin(Math.PI * t) / (Math.PI * t);
            double r = (double) (i - centre) / centre; // -1..1 across the window
            h[i] = sinc * besselI0(KAISER_BETA * Math.sqrt(Math.max(0.0, 1.0 - r * r))) / i0Beta;
        }
        for (int ph = 1; ph < factor; ph++) {
            double sum = 0;
            for (int k = 0; k < TAPS_PER_PHASE; k++) sum += h[ph + k * factor];
            for (int k = 0; k < TAPS_PER_PHASE; k++) p[ph][k] = (float) (h[ph + k * factor] / sum);
        }
        return p;
    }

    /** Modified Bessel function of the first kind, order 0 (power series). */
    static double besselI0(double v) {
        double sum = 1, term = 1, q = v * v / 4;
        for (int k = 1; k < 60; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return sum;
    }
}
