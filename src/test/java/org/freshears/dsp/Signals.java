package org.freshears.dsp;

import java.util.SplittableRandom;

/** Seeded test signals. */
public final class Signals {
    private Signals() {
    }

    public static float[] white(long seed, int n, double amplitude) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (amplitude * (2 * r.nextDouble() - 1));
        return x;
    }

    /** Gaussian-ish noise through a 2nd-order low-pass at {@code cutoffHz}, scaled to the given RMS. */
    public static float[] lowPassNoise(long seed, int n, double sampleRate, double cutoffHz, double rms) {
        float[] x = white(seed, n, 1);
        new BiquadFilter(BiquadDesign.lowPass(sampleRate, cutoffHz, 0.7071),
                BiquadDesign.lowPass(sampleRate, cutoffHz, 0.7071)).process(x, 0, n);
        double s = 0;
        for (float v : x) s += v * v;
        double k = rms / Math.sqrt(s / n);
        for (int i = 0; i < n; i++) x[i] = (float) (x[i] * k);
        return x;
    }

    /** Music-like: noise whose level swings (drum-like bursts) plus a few sines. */
    public static float[] bursts(long seed, int n, double sampleRate, double peak) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = lowPassNoise(seed, n, sampleRate, 12000, 0.1);
        double f1 = 50 + 200 * r.nextDouble(), f2 = 1000 + 8000 * r.nextDouble();
        for (int i = 0; i < n; i++) {
            double env = Math.pow(Math.abs(Math.sin(Math.PI * i / (0.25 * sampleRate))), 8);
            x[i] = (float) (x[i] * (1 + 6 * env) + 0.3 * env * Math.sin(2 * Math.PI * f1 * i / sampleRate)
                    + 0.05 * Math.sin(2 * Math.PI * f2 * i / sampleRate));
        }
        double m = 0;
        for (float v : x) m = Math.max(m, Math.abs(v));
        for (int i = 0; i < n; i++) x[i] = (float) (x[i] * peak / m);
        return x;
    }

    public static float[] sine(int n, double sampleRate, double freqHz, double amplitude, double phase) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (amplitude * Math.sin(2 * Math.PI * freqHz * i / sampleRate + phase));
        return x;
    }
}
