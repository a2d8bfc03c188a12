package org.freshears.analysis;

import java.util.Random;
import org.jtransforms.fft.DoubleFFT_1D;

/** Analytic test signals built in code. */
public final class Signals {
    private Signals() {}

    /**
     * Noise synthesised in the frequency domain with power density ∝ f^(−slope) between loHz and hiHz and nothing
     * elsewhere (slope 0 white, 1 pink), random phases and Rayleigh magnitudes, periodic over n samples (n a power of
     * two), scaled to the given RMS.
     */
    public static float[] shapedNoise(int n, int sampleRate, double slope, double loHz, double hiHz, double rms, long seed) {
        Random rnd = new Random(seed);
        double[] a = new double[n];
        double df = sampleRate / (double) n;
        for (int k = 1; k < n / 2; k++) {
            double f = k * df;
            if (f < loHz || f > hiHz) continue;
            double amp = Math.pow(f, -slope / 2);
            a[2 * k] = amp * rnd.nextGaussian();
            a[2 * k + 1] = amp * rnd.nextGaussian();
        }
        new DoubleFFT_1D(n).realInverse(a, false);
        double e = 0;
        for (double v : a) e += v * v;
        double g = rms / Math.sqrt(e / n);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = (float) (a[i] * g);
        return out;
    }

    public static float[] pink(int n, int sampleRate, double rms, long seed) {
        return shapedNoise(n, sampleRate, 1, 5, sampleRate / 2.0, rms, seed);
    }

    public static float[] white(int n, int sampleRate, double rms, long seed) {
        return shapedNoise(n, sampleRate, 0, 5, sampleRate / 2.0, rms, seed);
    }

    public static float[] sine(int n, int sampleRate, double freqHz, double amplitude) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = (float) (amplitude * Math.sin(2 * Math.PI * freqHz * i / sampleRate));
        return out;
    }

    public static float[] scaled(float[] x, double gain) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) out[i] = (float) (x[i] * gain);
        return out;
    }

    public static float[] negated(float[] x) {
        return scaled(x, -1);
    }

    public static float[] sum(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] + b[i];
        return out;
    }
}
