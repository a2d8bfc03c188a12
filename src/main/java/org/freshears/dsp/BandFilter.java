package org.freshears.dsp;

/**
 * A fourth-order band filter made of two second-order Butterworth sections (RBJ Audio-EQ-Cookbook design,
 * Q = 1/√2, bilinear transform with pre-warping), that measures the peak and the energy of its output as it runs.
 * Used for crest factors per band. Shapes:
 * <ul>
 *   <li>{@link #bandPass}: high-pass at {@code lowHz} then low-pass at {@code highHz} (12 dB/octave skirts);</li>
 *   <li>{@link #lowPass}/{@link #highPass}: Linkwitz–Riley 4th order (two identical Butterworth sections,
 *       −6 dB at the crossover, 24 dB/octave).</li>
 * </ul>
 * An edge at or above 0.45·fs is left out (that section passes the signal unchanged). Transposed direct form II in
 * double precision; state survives between calls, so any block size gives identical results; nothing is allocated
 * per call.
 */
public final class BandFilter {
    private final double[] c1, c2; // {b0, b1, b2, a1, a2}
    private double s11, s12, s21, s22;
    private double peak;
    private double energy;
    private long count;

    private BandFilter(double[] c1, double[] c2) {
        this.c1 = c1;
        this.c2 = c2;
    }

    public static BandFilter bandPass(double sampleRate, double lowHz, double highHz) {
        return new BandFilter(butterworth(sampleRate, lowHz, true), butterworth(sampleRate, highHz, false));
    }

    public static BandFilter lowPass(double sampleRate, double crossoverHz) {
        return new BandFilter(butterworth(sampleRate, crossoverHz, false), butterworth(sampleRate, crossoverHz, false));
    }

    public static BandFilter highPass(double sampleRate, double crossoverHz) {
        return new BandFilter(butterworth(sampleRate, crossoverHz, true), butterworth(sampleRate, crossoverHz, true));
    }

    /** Second-order Butterworth high- or low-pass {b0, b1, b2, a1, a2}; identity when fc ≥ 0.45·fs. */
    static double[] butterworth(double fs, double fc, boolean highPass) {
        if (fc >= 0.45 * fs) return new double[] {1, 0, 0, 0, 0};
        double w0 = 2 * Math.PI * fc / fs;
        double cos = Math.cos(w0), alpha = Math.sin(w0) / (2 * Math.sqrt(0.5));
        double a0 = 1 + alpha;
        double b0 = highPass ? (1 + cos) / 2 : (1 - cos) / 2;
        double b1 = highPass ? -(1 + cos) : 1 - cos;
        return new double[] {b0 / a0, b1 / a0, b0 / a0, -2 * cos / a0, (1 - alpha) / a0};
    }

    /** Filters {@code x[0..n)} and adds its output to the running peak and energy. */
    public void measure(float[] x, int n) {
        final double b10 = c1[0], b11 = c1[1], b12 = c1[2], a11 = c1[3], a12 = c1[4];
        final double b20 = c2[0], b21 = c2[1], b22 = c2[2], a21 = c2[3], a22 = c2[4];
        double z11 = s11, z12 = s12, z21 = s21, z22 = s22;
        double pk = peak, e = energy;
        for (int i = 0; i < n; i++) {
            double v = x[i];
            double y = b10 * v + z11;
            z11 = b11 * v - a11 * y + z12;
            z12 = b12 * v - a12 * y;
            double u = b20 * y + z21;
            z21 = b21 * y - a21 * u + z22;
            z22 = b22 * y - a22 * u;
            e += u * u;
            pk = Math.max(pk, Math.abs(u));
        }
        s11 = z11;
        s12 = z12;
        s21 = z21;
        s22 = z22;
        peak = pk;
        energy = e;
        count += n;
    }

    /** Largest absolute output so far. */
    public double peak() { return peak; }

    /** Σ output² so far. */
    public double energy() { return energy; }

    /** Samples measured so far. */
    public long count() { return count; }

    /** Crest factor in dB (peak over RMS), or null when the output is silent. */
    public Double crestDb() {
        if (count == 0 || energy <= 0 || peak <= 0) return null;
        return 20 * Math.log10(peak) - 10 * Math.log10(energy / count);
    }
}
