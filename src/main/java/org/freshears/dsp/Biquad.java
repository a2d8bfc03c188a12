package org.freshears.dsp;

/**
 * A second-order IIR section in transposed direct form II, double precision.
 * Coefficients are normalised so that a0 = 1:
 * {@code y[n] = b0 x[n] + b1 x[n-1] + b2 x[n-2] - a1 y[n-1] - a2 y[n-2]}.
 * Processing allocates nothing; the state survives between calls so a stream may be fed in
 * blocks of any size with bit-identical output.
 */
public final class Biquad {
    private final double b0, b1, b2, a1, a2;
    private double s1, s2;

    public Biquad(double b0, double b1, double b2, double a1, double a2) {
        this.b0 = b0;
        this.b1 = b1;
        this.b2 = b2;
        this.a1 = a1;
        this.a2 = a2;
    }

    /** Coefficients as {@code {b0, b1, b2, a1, a2}}. */
    public Biquad(double[] c) {
        this(c[0], c[1], c[2], c[3], c[4]);
    }

    /** Filters {@code in[0..n)} into {@code out[0..n)}. */
    public void process(float[] in, double[] out, int n) {
        double z1 = s1, z2 = s2;
        for (int i = 0; i < n; i++) {
            double x = in[i];
            double y = b0 * x + z1;
            z1 = b1 * x - a1 * y + z2;
            z2 = b2 * x - a2 * y;
            out[i] = y;
        }
        s1 = z1;
        s2 = z2;
    }

    /** Filters {@code in[0..n)} into {@code out[0..n)}; {@code in} and {@code out} may be the same array. */
    public void process(double[] in, double[] out, int n) {
        double z1 = s1, z2 = s2;
        for (int i = 0; i < n; i++) {
            double x = in[i];
            double y = b0 * x + z1;
            z1 = b1 * x - a1 * y + z2;
            z2 = b2 * x - a2 * y;
            out[i] = y;
        }
        s1 = z1;
        s2 = z2;
    }

    public void reset() {
        s1 = 0;
        s2 = 0;
    }

    /** Magnitude response in dB at {@code freqHz} for sample rate {@code sampleRate}. */
    public static double magnitudeDb(double[] c, double freqHz, double sampleRate) {
        double w = 2 * Math.PI * freqHz / sampleRate;
        double cos1 = Math.cos(w), sin1 = Math.sin(w), cos2 = Math.cos(2 * w), sin2 = Math.sin(2 * w);
        double nr = c[0] + c[1] * cos1 + c[2] * cos2, ni = -(c[1] * sin1 + c[2] * sin2);
        double dr = 1 + c[3] * cos1 + c[4] * cos2, di = -(c[3] * sin1 + c[4] * sin2);
        return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
    }
}
