package org.freshears.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Test-only reference true-peak meter, independent of {@link PeakOversampler}: band-limited (periodic sinc)
 * interpolation by zero-padding the FFT spectrum of the whole signal, with silence padded on both sides so the
 * wrap-around is silent, evaluated at 16× the sample rate.
 */
public final class ReferenceTruePeak {
    public static final int FACTOR = 16;

    private ReferenceTruePeak() {
    }

    /** Largest |x(t)| of the band-limited reconstruction, sampled at 16×, linear. */
    public static double truePeak(float[] x) {
        int pad = 512, n = Integer.highestOneBit(x.length + 2 * pad - 1) << 1;
        double[] a = new double[n];
        for (int i = 0; i < x.length; i++) a[pad + i] = x[i];
        new DoubleFFT_1D(n).realForward(a);
        int m = n * FACTOR;
        double[] b = new double[m];
        b[0] = a[0];
        for (int k = 1; k < n / 2; k++) {
            b[2 * k] = a[2 * k];
            b[2 * k + 1] = a[2 * k + 1];
        }
        b[n] = a[1] / 2;                       // Nyquist bin, split between +N/2 and its mirror
        new DoubleFFT_1D(m).realInverse(b, true);
        double peak = 0;
        for (double v : b) peak = Math.max(peak, Math.abs(v));
        return peak * FACTOR;
    }

    public static double truePeakDb(float[]... channels) {
        double p = 0;
        for (float[] c : channels) p = Math.max(p, truePeak(c));
        return 20 * Math.log10(p);
    }
}
