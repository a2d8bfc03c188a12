package org.freshears.dsp;

/**
 * Polyphase FIR interpolator for true-peak metering (ITU-R BS.1770-4 Annex 2), one channel.
 *
 * <p>Over-sampling factor by input rate: 4x below 96 kHz, 2x from 96 kHz to below 192 kHz,
 * 1x (sample peak only) at 192 kHz and above, so the peak is always looked for on a grid of at
 * least 176.4 kHz. The interpolation filter is a Kaiser-windowed sinc (beta 5), cut off at the
 * input Nyquist frequency and designed here, not copied. Its odd length (49 taps at 4x) centres
 * it on an input sample, so phase 0 is the input itself (its peak is the sample peak) and only
 * the in-between phases are computed, 12 taps each; the taps are symmetric (phase 3 is phase 1
 * reversed, phase 2 its own reverse), so the filter is evaluated folded, 18 multiply-adds per sample
 * at 4x instead of 36. Every phase is normalised to unity gain at DC, and the fine grid falls exactly on quarter (half)
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
    private static final int HALF = TAPS_PER_PHASE / 2;
    private static final int CHUNK = 1024;

    private final int factor;
    /** {@code phases[p][k]} multiplies {@code x[m - k]} to give the output at time {@code m + p / factor}. */
    private final float[][] phases;
    private final float[] x = new float[HISTORY + CHUNK];
    /**
     * The same filter folded on its symmetry (see {@link #design}): with {@code s_k = x[m-k] + x[m-11+k]} and
     * {@code d_k = x[m-k] - x[m-11+k]} (k = 0..5), the half-sample phase is {@code Σ half_k·s_k}, and at 4x the
     * quarter phases are {@code E ± O} with {@code E = Σ even_k·s_k}, {@code O = Σ odd_k·d_k}: 18 multiply-adds per
     * sample instead of 36, and the larger quarter magnitude is simply |E| + |O|.
     */
    private final float[] half = new float[HALF], even = new float[HALF], odd = new float[HALF];
    private final float[] tailX = new float[2 * HISTORY];
    /**
     * Largest input magnitude the single-precision evaluation takes: sums of two samples times taps below 1, twelve
     * at a time, stay far inside the float range.
     */
    private static final float WIDE_ABOVE = 1e37f;
    /** Scratch for {@link #wide}. */
    private final float[] scaled = new float[HISTORY + CHUNK];
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
        if (factor > 1) {
            float[] h = phases[factor / 2];
            for (int k = 0; k < HALF; k++) half[k] = h[k];
        }
        if (factor == 4) {
            float[] h = phases[1];
            for (int k = 0; k < HALF; k++) {
                even[k] = 0.5f * (h[k] + h[HISTORY - k]);
                odd[k] = 0.5f * (h[k] - h[HISTORY - k]);
            }
        }
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
     * As {@link #process(float[], int, int)} for a caller that only needs the running maximum: a chunk whose
     * interpolated values provably stay at or below both {@code floor} and full scale (by {@link #bound}) is not
     * interpolated, so the result is exact whenever it exceeds {@code floor}, and the overs count is exact.
     */
    public float process(float[] in, int off, int n, float floor) {
        float peak = 0f;
        while (n > 0) {
            int c = Math.min(n, CHUNK);
            float mc = 0f;
            for (int i = off; i < off + c; i++) {
                float a = Math.abs(in[i]);
                if (a > mc) mc = a;
            }
            peak = step(in, off, c, floor, peak, mc);
            off += c;
            n -= c;
        }
        return peak;
    }

    /**
     * As {@link #process(float[], int, int, float)} for at most {@value #CHUNK} samples whose largest magnitude the
     * caller already knows ({@code inMax}, as the true-peak meter does while it checks the samples): one pass over
     * them fewer.
     */
    public float process(float[] in, int off, int n, float floor, float inMax) {
        if (n > CHUNK) throw new IllegalArgumentException("at most " + CHUNK + " samples, got " + n);
        return n > 0 ? step(in, off, n, floor, 0f, inMax) : 0f;
    }

    /** One chunk of {@code c ≤ CHUNK} samples whose largest magnitude is {@code mc}; returns the new peak. */
    private float step(float[] in, int off, int c, float floor, float peak, float mc) {
        System.arraycopy(in, off, x, HISTORY, c);
        // The caller keeps max(floor, result), so a chunk may be skipped once it provably stays at or below both
        // that running maximum and full scale (then it holds no overs either). Judging shorter stretches skipped
        // more often but cost more than it saved on real music (measured with AnalyzerBench).
        float skipBelow = Math.min(Math.max(floor, peak), 1f);
        float m = mc;
        for (int i = 0; i < HISTORY; i++) {
            float a = Math.abs(x[i]);
            if (a > m) m = a;
        }
        if (m * bound > skipBelow) peak = Math.max(peak, chunk(x, 0, c, mc, m));
        System.arraycopy(x, c, x, 0, HISTORY);
        return peak;
    }

    /** Peak of the interpolated values that need input after the last sample, assuming zeros follow. */
    public float tailPeak() {
        if (factor == 1) return 0f;
        System.arraycopy(x, 0, tailX, 0, HISTORY);
        java.util.Arrays.fill(tailX, HISTORY, 2 * HISTORY, 0f);
        float m = 0f;
        for (float v : tailX) m = Math.max(m, Math.abs(v));
        return chunk(tailX, 0, HISTORY, -1f, m);
    }

    /**
     * Interpolates after the samples at {@code buf[HISTORY+from..HISTORY+to)} (each output needs the
     * {@link #HISTORY} samples before it); returns the abs peak. {@code sampleMax} is the largest magnitude of those
     * samples, or negative for the tail, whose overs are not counted; {@code inputMax} that of every sample the
     * outputs read (the history too).
     */
    private float chunk(float[] buf, int from, int to, float sampleMax, float inputMax) {
        boolean countOvers = sampleMax >= 0;
        // Phase 0 is the input itself: its peak is the sample peak, which the meter tracks anyway,
        // but its overs are counted here so that the count covers the whole over-sampled stream.
        if (sampleMax > 1f) {
            for (int m = from; m < to; m++) if (Math.abs(buf[HISTORY + m]) > 1f) overs++;
        }
        // the folded sums of samples this large can overflow single precision (to ±Inf, or NaN where +Inf and
        // -Inf meet, which no comparison sees)
        if (inputMax > WIDE_ABOVE) return wide(buf, from, to, countOvers);
        float peak = factor == 4 ? quarters(buf, from, to) : factor == 2 ? halves(buf, from, to) : 0f;
        if (countOvers && peak > 1f) countOvers(buf, from, to, 1f);
        return peak;
    }

    /**
     * {@link #chunk} for samples so large (beyond {@link #WIDE_ABOVE}, garbage in a float file) that the interpolation
     * could overflow single precision: the same arithmetic on the samples scaled by 2^-64 (exact), the peak scaled
     * back and capped at the largest float.
     */
    private float wide(float[] buf, int from, int to, boolean countOvers) {
        final float down = 0x1p-64f;
        for (int i = from; i < HISTORY + to; i++) scaled[i] = buf[i] * down;
        float peak = factor == 4 ? quarters(scaled, from, to) : halves(scaled, from, to);
        if (countOvers && peak > down) countOvers(scaled, from, to, down);
        return (float) Math.min(peak * 0x1p64, Float.MAX_VALUE);
    }

    /** 4x: the peak of the three in-between phases over outputs [from, to). */
    private float quarters(float[] b, int from, int to) {
        final float h0 = half[0], h1 = half[1], h2 = half[2], h3 = half[3], h4 = half[4], h5 = half[5];
        final float e0 = even[0], e1 = even[1], e2 = even[2], e3 = even[3], e4 = even[4], e5 = even[5];
        final float o0 = odd[0], o1 = odd[1], o2 = odd[2], o3 = odd[3], o4 = odd[4], o5 = odd[5];
        float peak = 0f;
        for (int m = from; m < to; m++) {
            float a0 = b[m + 11], z0 = b[m], a1 = b[m + 10], z1 = b[m + 1], a2 = b[m + 9], z2 = b[m + 2];
            float a3 = b[m + 8], z3 = b[m + 3], a4 = b[m + 7], z4 = b[m + 4], a5 = b[m + 6], z5 = b[m + 5];
            float s0 = a0 + z0, s1 = a1 + z1, s2 = a2 + z2, s3 = a3 + z3, s4 = a4 + z4, s5 = a5 + z5;
            float d0 = a0 - z0, d1 = a1 - z1, d2 = a2 - z2, d3 = a3 - z3, d4 = a4 - z4, d5 = a5 - z5;
            float mid = h0 * s0 + h1 * s1 + h2 * s2 + (h3 * s3 + h4 * s4 + h5 * s5);
            float e = e0 * s0 + e1 * s1 + e2 * s2 + (e3 * s3 + e4 * s4 + e5 * s5);
            float o = o0 * d0 + o1 * d1 + o2 * d2 + (o3 * d3 + o4 * d4 + o5 * d5);
            float q = Math.abs(e) + Math.abs(o), h = Math.abs(mid);
            if (q > peak) peak = q;
            if (h > peak) peak = h;
        }
        return peak;
    }

    /** 2x: the peak of the half-sample phase over outputs [from, to). */
    private float halves(float[] b, int from, int to) {
        final float h0 = half[0], h1 = half[1], h2 = half[2], h3 = half[3], h4 = half[4], h5 = half[5];
        float peak = 0f;
        for (int m = from; m < to; m++) {
            float mid = h0 * (b[m + 11] + b[m]) + h1 * (b[m + 10] + b[m + 1]) + h2 * (b[m + 9] + b[m + 2])
                    + (h3 * (b[m + 8] + b[m + 3]) + h4 * (b[m + 7] + b[m + 4]) + h5 * (b[m + 6] + b[m + 5]));
            float h = Math.abs(mid);
            if (h > peak) peak = h;
        }
        return peak;
    }

    /** Counts the in-between values above full scale over outputs [from, to) (only where the peak is over). */
    private void countOvers(float[] b, int from, int to, float fullScale) {
        for (int m = from; m < to; m++) {
            float mid = 0f, e = 0f, o = 0f;
            for (int k = 0; k < HALF; k++) {
                float s = b[m + HISTORY - k] + b[m + k], d = b[m + HISTORY - k] - b[m + k];
                mid += half[k] * s;
                e += even[k] * s;
                o += odd[k] * d;
            }
            if (Math.abs(mid) > fullScale) overs++;
            if (factor == 4) {
                if (Math.abs(e + o) > fullScale) overs++;
                if (Math.abs(e - o) > fullScale) overs++;
            }
        }
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
        // The prototype is symmetric about its centre, so phase factor-p is phase p reversed and the half-sample
        // phase is its own reverse. Rounding left the float taps a few ulps off that; make it exact, so that the
        // folded evaluation in quarters/halves is the same filter as these coefficients.
        for (int ph = 1; ph < factor; ph++) {
            for (int k = 0; k < HALF; k++) {
                if (ph == factor - ph) {
                    float v = (float) ((p[ph][k] + (double) p[ph][HISTORY - k]) / 2);
                    p[ph][k] = v;
                    p[ph][HISTORY - k] = v;
                } else if (ph > factor - ph) {
                    p[ph][k] = p[factor - ph][HISTORY - k];
                    p[ph][HISTORY - k] = p[factor - ph][k];
                }
            }
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
