package org.freshears.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The texture block (rhythm and timbre) on signals whose answer is known: a click track at a set tempo, stationary
 * noise, a sine, and a signal whose brightness jumps by a known number of octaves.
 */
class TextureTest {
    static final int FS = 44100;

    static Texture texture(float[] x) throws IOException {
        return MixFeaturesTest.analyze(x, x).texture();
    }

    /** Decaying 30 ms white-noise bursts every {@code periodSeconds}, silence between. */
    static float[] clicks(double seconds, double periodSeconds, double amplitude, long seed) {
        int n = (int) (seconds * FS);
        float[] x = new float[n];
        Random r = new Random(seed);
        int burst = (int) (0.03 * FS);
        for (double t = 0.25; t * FS + burst < n; t += periodSeconds) {
            int start = (int) Math.round(t * FS);
            for (int i = 0; i < burst; i++) {
                x[start + i] = (float) (amplitude * (2 * r.nextDouble() - 1) * Math.exp(-i / (0.006 * FS)));
            }
        }
        return x;
    }

    @Test
    void aClickTrackAt120BpmReadsItsTempoAndOnsetRate() throws IOException {
        Texture t = texture(clicks(30, 0.5, 0.5, 1));
        assertEquals(120, t.tempoBpm(), 2.0);
        assertTrue(t.pulseClarity() > 0.8, "a metronome is periodic: " + t.pulseClarity());
        // 60 clicks, 0.25 s to 29.75 s: two per second from the first sound to the last (the last one's decay
        // stretches the span by a few hundredths of a second)
        assertEquals(2.0, t.onsetsPerSecond(), 0.05);
    }

    @Test
    void otherTempiAreFoundWithoutOctaveErrorsNearTheMiddleOfTheRange() throws IOException {
        for (double bpm : new double[] {90, 140, 174}) {
            Texture t = texture(clicks(30, 60 / bpm, 0.5, 2));
            assertEquals(bpm, t.tempoBpm(), bpm * 0.02, "tempo " + bpm);
        }
    }

    @Test
    void theTextureDoesNotDependOnLevel() throws IOException {
        float[] x = Signals.sum(clicks(20, 0.5, 0.5, 3), Signals.pink(20 * FS, FS, 0.02, 4));
        Texture loud = texture(x);
        Texture quiet = texture(Signals.scaled(x, 0.01)); // −40 dB
        assertEquals(loud.tempoBpm(), quiet.tempoBpm(), 0.11);
        assertEquals(loud.pulseClarity(), quiet.pulseClarity(), 0.002);
        assertEquals(loud.onsetsPerSecond(), quiet.onsetsPerSecond(), 0.06);
        assertEquals(loud.onsetStrength(), quiet.onsetStrength(), 0.002);
        assertEquals(loud.flatnessDb(), quiet.flatnessDb(), 0.02);
        assertEquals(loud.brightnessSpreadOctaves(), quiet.brightnessSpreadOctaves(), 0.002);
    }

    @Test
    void steadyNoiseHasNoPulseAndTheFlatnessOfAnExponentialPeriodogram() throws IOException {
        Texture t = texture(Signals.white(30 * FS, FS, 0.1, 5));
        assertTrue(t.pulseClarity() < 0.15, "noise has no beat: " + t.pulseClarity());
        // each bin of one segment's periodogram of white noise is exponentially distributed: E[ln X] = ln E[X] − γ
        // (Euler–Mascheroni), so the flatness reads 10·log10(e^−γ) = −2.507 dB
        double eulerGamma = 0.5772156649;
        assertEquals(-10 * eulerGamma / Math.log(10), t.flatnessDb(), 0.1);
        assertTrue(t.brightnessSpreadOctaves() < 0.05, "steady noise keeps its brightness: " + t.brightnessSpreadOctaves());
    }

    @Test
    void aSineIsTonal() throws IOException {
        Texture t = texture(Signals.sine(10 * FS, FS, 1000, 0.5));
        assertTrue(t.flatnessDb() < -40, "a sine is as tonal as it gets: " + t.flatnessDb());
        assertEquals(0.0, t.brightnessSpreadOctaves(), 0.01);
    }

    @Test
    void brightnessThatJumpsFourOctavesHasASpreadOfTwo() throws IOException {
        // equal-power sines at 200 and 3200 Hz, alternating every 3 s: the centroid sits at log2(200) half the
        // time and log2(3200) the other half, so its standard deviation is 2 octaves (segments across a switch
        // pull it in a little)
        int n = 30 * FS, seg = 3 * FS;
        float[] low = Signals.sine(n, FS, 200, 0.3), high = Signals.sine(n, FS, 3200, 0.3);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (i / seg) % 2 == 0 ? low[i] : high[i];
        assertEquals(2.0, texture(x).brightnessSpreadOctaves(), 0.1);
    }

    @Test
    void silenceAndShortInputGiveNulls() throws IOException {
        Texture silent = texture(new float[5 * FS]);
        assertNull(silent.tempoBpm());
        assertNull(silent.pulseClarity());
        assertNull(silent.onsetsPerSecond());
        assertNull(silent.flatnessDb());
        Texture shortOne = texture(Signals.white(FS, FS, 0.1, 6));
        assertNull(shortOne.onsetsPerSecond(), "one second is too short for a rate");
        assertNull(shortOne.tempoBpm());
    }

    @Test
    void theTextureIsTheSameForAnyBlockSize() throws IOException {
        float[] x = Signals.sum(clicks(12, 0.4, 0.5, 7), Signals.pink(12 * FS, FS, 0.02, 8));
        Texture a = MixFeaturesTest.analyze(FS, 8192, x, x).texture();
        Texture b = MixFeaturesTest.analyze(FS, 777, x, x).texture();
        assertEquals(a, b);
    }
}
