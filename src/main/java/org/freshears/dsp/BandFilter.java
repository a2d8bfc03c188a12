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
        measure(x, 0, n);
    }

    /** Filters {@code x[from..to)} and adds its output to the running peak and energy. */
    public void measure(float[] x, int from, int to) {
        final double b10 = c1[0], b11 = c1[1], b12 = c1[2], a11 = c1[3], a12 = c1[4];
        final double b20 = c2[0], b21 = c2[1], b22 = c2[2], a21 = c2[3], a22 = c2[4];
        double z11 = s11, z12 = s12, z21 = s21, z22 = s22;
        double pk = peak, e = energy;
        for (int i = from; i < to; i++) {
            double v = x[i];
            double y = b10 * v + z11;
            z11 = b11 * v - a11 * y + z12;
            z12 = b12 * v - a12 * y;
            double u = b20 * y + z21;
            z21 = b21 * y - a21 * u + z22;
            z22 = b22 * y - a22 * u;
            e += u * u;
            double au = Math.abs(u);
            if (au > pk) pk = au;
        }
        s11 = z11;
        s12 = z12;
        s21 = z21;
        s22 = z22;
        peak = pk;
        energy = e;
        count += to - from;
    }

    /**
     * Runs two filters over the same input in one loop: the same results as {@code a.measure(x, n); b.measure(x, n)},
     * about twice as fast, because the two recursions overlap in the processor's pipeline.
     */
    public static void measurePair(BandFilter a, BandFilter b, float[] x, int n) {
        measurePair(a, b, x, 0, n);
    }

    /** {@link #measurePair(BandFilter, BandFilter, float[], int)} over {@code x[from..to)}. */
    public static void measurePair(BandFilter a, BandFilter b, float[] x, int from, int to) {
        final int n = to - from;
        final double[] p1 = a.c1, p2 = a.c2, q1 = b.c1, q2 = b.c2;
        final double pb10 = p1[0], pb11 = p1[1], pb12 = p1[2], pa11 = p1[3], pa12 = p1[4];
        final double pb20 = p2[0], pb21 = p2[1], pb22 = p2[2], pa21 = p2[3], pa22 = p2[4];
        final double qb10 = q1[0], qb11 = q1[1], qb12 = q1[2], qa11 = q1[3], qa12 = q1[4];
        final double qb20 = q2[0], qb21 = q2[1], qb22 = q2[2], qa21 = q2[3], qa22 = q2[4];
        double p11 = a.s11, p12 = a.s12, p21 = a.s21, p22 = a.s22, ppk = a.peak, pe = a.energy;
        double q11 = b.s11, q12 = b.s12, q21 = b.s21, q22 = b.s22, qpk = b.peak, qe = b.energy;
        for (int i = from; i < to; i++) {
            double v = x[i];
            double py = pb10 * v + p11;
            double qy = qb10 * v + q11;
            p11 = pb11 * v - pa11 * py + p12;
            q11 = qb11 * v - qa11 * qy + q12;
            p12 = pb12 * v - pa12 * py;
            q12 = qb12 * v - qa12 * qy;
            double pu = pb20 * py + p21;
            double qu = qb20 * qy + q21;
            p21 = pb21 * py - pa21 * pu + p22;
            q21 = qb21 * qy - qa21 * qu + q22;
            p22 = pb22 * py - pa22 * pu;
            q22 = qb22 * qy - qa22 * qu;
            pe += pu * pu;
            qe += qu * qu;
            double apu = Math.abs(pu);
            if (apu > ppk) ppk = apu;
            double aqu = Math.abs(qu);
            if (aqu > qpk) qpk = aqu;
        }
        a.s11 = p11; a.s12 = p12; a.s21 = p21; a.s22 = p22; a.peak = ppk; a.energy = pe; a.count += n;
        b.s11 = q11; b.s12 = q12; b.s21 = q21; b.s22 = q22; b.peak = qpk; b.energy = qe; b.count += n;
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
