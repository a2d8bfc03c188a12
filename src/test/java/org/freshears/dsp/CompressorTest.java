package org.freshears.dsp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompressorTest {
    static final double FS = 44100;

    /** A long steady sine settles on the static curve: gain = curve(level) − level + makeup. */
    @ParameterizedTest
    @CsvSource({
            "true, -35", "true, -22", "true, -20", "true, -18", "true, -6",
            "false, -35", "false, -22", "false, -19", "false, -3"})
    void steadySineFollowsTheStaticCurve(boolean rms, double levelDb) {
        double thr = -20, ratio = 4, knee = 6, makeup = 3;
        double amplitude = Math.pow(10, levelDb / 20) * (rms ? Math.sqrt(2) : 1);
        int n = (int) (3 * FS);
        float[] x = Signals.sine(n, FS, 1000, amplitude, 0.1);
        float[][] buf = {x.clone(), x.clone()};
        new Compressor(FS, 2, thr, ratio, 10, 200, knee, makeup, rms, true).process(buf, 0, n);
        double expected = Compressor.staticOutputDb(levelDb, thr, ratio, knee) - levelDb + makeup;
        double measured = 20 * Math.log10(CrossoverAndMidSideTest.rms(buf[0], 2 * n / 3, n) / CrossoverAndMidSideTest.rms(x, 2 * n / 3, n));
        assertEquals(expected, measured, 0.1, "gain at " + levelDb + " dB");
    }

    @Test
    void staticCurveIsContinuousThroughTheKnee() {
        double prev = Compressor.staticOutputDb(-40, -20, 3, 8);
        for (double in = -39.9; in < 0; in += 0.1) {
            double out = Compressor.staticOutputDb(in, -20, 3, 8);
            assertTrue(out > prev && out - prev <= 0.1 + 1e-9, "curve must rise, with slope <= 1, at " + in);
            prev = out;
        }
        assertEquals(-20 + 10.0 / 3, Compressor.staticOutputDb(-10, -20, 3, 8), 1e-12);
    }

    @Test
    void linkedGainKeepsTheStereoImageAndBlocksDoNotMatter() {
        int n = 30000;
        float[] l = Signals.bursts(8, n, FS, 0.9), r = Signals.bursts(9, n, FS, 0.5);
        float[][] whole = {l.clone(), r.clone()}, parts = {l.clone(), r.clone()};
        new Compressor(FS, 2, -24, 3, 5, 100, 6, 2, true, true).process(whole, 0, n);
        Compressor c = new Compressor(FS, 2, -24, 3, 5, 100, 6, 2, true, true);
        for (int off = 0; off < n; off += 333) c.process(parts, off, Math.min(333, n - off));
        assertArrayEquals(whole[0], parts[0]);
        assertArrayEquals(whole[1], parts[1]);
        for (int i = 1000; i < n; i += 997) {
            if (Math.abs(l[i]) > 1e-3 && Math.abs(r[i]) > 1e-3) {
                assertEquals(whole[0][i] / l[i], whole[1][i] / r[i], 1e-4, "same gain on both channels");
            }
        }
    }

    @Test
    void silenceStaysSilent() {
        float[][] buf = {new float[1000]};
        new Compressor(FS, 1, -20, 4, 10, 100, 6, 0, false, true).process(buf, 0, 1000);
        assertArrayEquals(new float[1000], buf[0]);
    }
}
