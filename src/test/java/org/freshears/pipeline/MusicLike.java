package org.freshears.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.freshears.audio.OutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.dsp.BiquadDesign;
import org.freshears.dsp.BiquadFilter;

/**
 * A seeded, music-like stereo signal: a four-on-the-floor kick, a bass line, chord tones, hi-hat noise bursts
 * and a wide pad in the side signal (mono below ~150 Hz). Not music, but it has the spectrum, the crest and the
 * stereo layout a mastering chain reacts to.
 */
final class MusicLike {
    private MusicLike() {}

    static float[][] make(int rate, double seconds, long seed) {
        int n = (int) (rate * seconds);
        float[] l = new float[n], r = new float[n];
        Random rnd = new Random(seed);
        double[] chord = {220, 277.18, 329.63, 440, 554.37};
        double[] bassNotes = {55, 55, 73.42, 65.41};
        BiquadFilter hatHp = new BiquadFilter(BiquadDesign.highPass(rate, 6000, 0.707));
        BiquadFilter padHp = new BiquadFilter(BiquadDesign.highPass(rate, 200, 0.707), BiquadDesign.lowPass(rate, 9000, 0.707));
        float[] hat = new float[n], pad = new float[n];
        for (int i = 0; i < n; i++) {
            hat[i] = (float) rnd.nextGaussian();
            pad[i] = (float) rnd.nextGaussian();
        }
        hatHp.process(hat, 0, n);
        padHp.process(pad, 0, n);
        double beat = 0.5;
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double tb = t % beat;
            int bar = (int) (t / (beat * 4));
            double kick = Math.exp(-tb * 18) * Math.sin(2 * Math.PI * (45 + 90 * Math.exp(-tb * 40)) * tb);
            double bf = bassNotes[bar % bassNotes.length];
            double bass = 0.35 * Math.tanh(2 * Math.sin(2 * Math.PI * bf * t)) * (0.6 + 0.4 * Math.exp(-tb * 6));
            double ch = 0;
            for (double f : chord) ch += Math.sin(2 * Math.PI * f * t + f);
            ch *= 0.05 * (0.7 + 0.3 * Math.sin(2 * Math.PI * 0.125 * t));
            double th = (t + beat / 2) % beat;
            double hats = 0.08 * hat[i] * Math.exp(-th * 30);
            double swell = 0.8 + 0.2 * Math.sin(2 * Math.PI * t / 8);   // sections get louder and quieter
            double mid = swell * (0.6 * kick + bass + ch + hats);
            double side = swell * (0.05 * pad[i] + 0.3 * hats * (rnd.nextBoolean() ? 1 : -1) * 0.3);
            l[i] = (float) (0.5 * (mid + side));
            r[i] = (float) (0.5 * (mid - side));
        }
        return new float[][] {l, r};
    }

    /** Applies a bell of {@code gainDb} at {@code hz} (Q 1) to both channels, in place. */
    static float[][] bell(float[][] x, int rate, double hz, double gainDb) {
        for (float[] ch : x) new BiquadFilter(BiquadDesign.bell(rate, hz, gainDb, 1.0)).process(ch, 0, ch.length);
        return x;
    }

    static float[][] scale(float[][] x, double db) {
        float g = (float) Math.pow(10, db / 20);
        for (float[] ch : x) for (int i = 0; i < ch.length; i++) ch[i] *= g;
        return x;
    }

    static Path write(Path p, float[][] x, int rate) throws IOException {
        try (WavWriter w = new WavWriter(p, rate, x.length, OutputFormat.FLOAT32)) {
            w.write(x, 0, x[0].length);
        }
        return p;
    }
}
