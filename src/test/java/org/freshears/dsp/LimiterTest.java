package org.freshears.dsp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LimiterTest {
    static final double FS = 44100;
    static final int N = 1 << 15;

    /** Seeded band-limited test material, faded in and out over 5 ms as real programme is. */
    static float[][] material(int kind, long seed, double gainDb) {
        float[] l, r;
        switch (kind) {
            case 0 -> { l = Signals.lowPassNoise(seed, N, FS, 8000, 0.3); r = Signals.lowPassNoise(seed + 50, N, FS, 15000, 0.3); }
            case 1 -> { l = Signals.bursts(seed, N, FS, 1); r = Signals.bursts(seed + 50, N, FS, 0.8); }
            case 2 -> { l = Signals.sine(N, FS, FS / 4, 1, Math.PI / 4 + seed * 0.01); r = l.clone(); }   // +3 dB inter-sample peaks
            default -> { l = multiSine(seed, 0.4 * FS); r = multiSine(seed + 50, 0.3 * FS); }
        }
        double g = Math.pow(10, gainDb / 20);
        int fade = (int) (0.005 * FS);
        for (float[] x : new float[][]{l, r}) {
            for (int i = 0; i < N; i++) {
                double e = Math.min(1, Math.min(i, N - 1 - i) / (double) fade);
                x[i] = (float) (x[i] * g * (0.5 - 0.5 * Math.cos(Math.PI * e)));
            }
        }
        return new float[][]{l, r};
    }

    static float[] multiSine(long seed, double maxHz) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        float[] x = new float[N];
        for (int k = 0; k < 12; k++) {
            double f = 30 + rnd.nextDouble() * (maxHz - 30), a = rnd.nextDouble() / 6, ph = rnd.nextDouble() * 2 * Math.PI;
            for (int i = 0; i < N; i++) x[i] += (float) (a * Math.sin(2 * Math.PI * f * i / FS + ph));
        }
        return x;
    }

    @ParameterizedTest(name = "kind {0}, drive {1} dB, ceiling {2} dBTP")
    @CsvSource({"0, 0, -1", "0, 12, -1", "1, 6, -1", "1, 14, -2", "2, 0, -1", "2, 9, -0.1", "3, 3, -1", "3, 12, -1"})
    void truePeakNeverExceedsTheCeiling(int kind, double driveDb, double ceiling) {
        double worst = -100, input = -100;
        for (long seed = 1; seed <= 3; seed++) {
            float[][] x = material(kind, seed, driveDb);
            input = Math.max(input, ReferenceTruePeak.truePeakDb(x));
            LookaheadLimiter lim = new LookaheadLimiter(FS, 2, ceiling, 3, 60);
            float[][] y = {x[0].clone(), x[1].clone()};
            lim.process(y, 0, N);
            // flush the look-ahead so the whole signal is measured
            float[][] tail = {new float[lim.latency()], new float[lim.latency()]};
            lim.process(tail, 0, lim.latency());
            float[][] all = {concat(y[0], tail[0]), concat(y[1], tail[1])};
            worst = Math.max(worst, ReferenceTruePeak.truePeakDb(all));
        }
        assertTrue(input > ceiling, "the test must drive the limiter (input " + input + " dBTP)");
        assertTrue(worst <= ceiling, "output true peak " + worst + " dBTP over the " + ceiling + " dBTP ceiling");
    }

    @ParameterizedTest(name = "kind {0}, drive {1} dB, block {2}")
    @CsvSource({"1, 6, 4096", "1, 14, 333", "3, 3, 1024", "3, 12, 77", "0, 9, 5000"})
    void theIdleShortcutIsBitIdenticalToTheSampleLoop(int kind, double driveDb, int block) {
        // bursts between quiet stretches: the limiter keeps leaving and re-entering its idle state
        float[][] x = material(kind, 9, driveDb);
        for (int c = 0; c < 2; c++) for (int i = 0; i < N; i++) if ((i / 20000) % 3 == 1) x[c][i] *= 0.05f;
        LookaheadLimiter fast = new LookaheadLimiter(FS, 2, -1, 3, 60), slow = new LookaheadLimiter(FS, 2, -1, 3, 60);
        slow.idleShortcut = false;
        float[][] a = {x[0].clone(), x[1].clone()}, b = {x[0].clone(), x[1].clone()};
        for (int off = 0; off < N; off += block) {
            int n = Math.min(block, N - off);
            fast.process(a, off, n);
            slow.process(b, off, n);
        }
        assertTrue(slow.minGainDb() < -0.5, "the material must make the limiter work");
        assertEquals(slow.minGainDb(), fast.minGainDb(), 0);
        assertArrayEquals(b[0], a[0]);
        assertArrayEquals(b[1], a[1]);
    }

    @Test
    void quietSignalPassesUnchangedButDelayed() {
        float[][] x = material(1, 4, -12);
        LookaheadLimiter lim = new LookaheadLimiter(FS, 2, -1, 3, 60);
        float[][] y = {x[0].clone(), x[1].clone()};
        lim.process(y, 0, N);
        int d = lim.latency();
        assertEquals(0, lim.minGainDb(), 0);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(java.util.Arrays.copyOfRange(x[c], 0, N - d), java.util.Arrays.copyOfRange(y[c], d, N));
        }
    }

    @Test
    void oversamplerFindsTheInterSamplePeakOfAQuarterRateSine() {
        float[] x = Signals.sine(4000, FS, FS / 4, 0.5, Math.PI / 4);
        PeakOversampler o = new PeakOversampler(4, 16, 6, 0);
        double peak = 0, samplePeak = 0;
        for (int i = 0; i < x.length; i++) {
            double p = o.push(x[i]);
            if (i > 100 && i < x.length - 100) {
                peak = Math.max(peak, p);
                samplePeak = Math.max(samplePeak, Math.abs(x[i]));
            }
        }
        assertEquals(20 * Math.log10(0.5), 20 * Math.log10(peak), 0.02);
        assertEquals(-3.01, 20 * Math.log10(samplePeak / 0.5), 0.01);
    }

    @Test
    void referenceMeterAgreesOnAFadedSineAndSeesTheEdgesOfAnAbruptOne() {
        float[] abrupt = Signals.sine(8192, FS, 1000, 0.5, 0.2), faded = abrupt.clone();
        for (int i = 0; i < 441; i++) {
            double e = 0.5 - 0.5 * Math.cos(Math.PI * i / 441);
            faded[i] *= (float) e;
            faded[faded.length - 1 - i] *= (float) e;
        }
        assertEquals(20 * Math.log10(0.5), ReferenceTruePeak.truePeakDb(faded), 0.01);
        // a sine switched on at full level rings (Gibbs) above its amplitude: that is a real inter-sample peak
        assertTrue(ReferenceTruePeak.truePeakDb(abrupt) > 20 * Math.log10(0.5) + 0.5);
    }

    static float[] concat(float[] a, float[] b) {
        float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
