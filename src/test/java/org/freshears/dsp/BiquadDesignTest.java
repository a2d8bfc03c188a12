package org.freshears.dsp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BiquadDesignTest {

    /** Steady-state gain of the filter for a sine at {@code f}, measured by running BiquadFilter. */
    static double measuredGainDb(BiquadCoefficients c, double fs, double f) {
        int n = (int) fs;   // one second: transients long gone after half of it
        float[] x = Signals.sine(n, fs, f, 0.5, 0.3);
        float[] y = x.clone();
        new BiquadFilter(c).process(y, 0, n);
        double sx = 0, sy = 0;
        int from = n / 2, cycles = (int) Math.floor((n - from) * f / fs), to = from + (int) Math.round(cycles * fs / f);
        for (int i = from; i < to; i++) {
            sx += (double) x[i] * x[i];
            sy += (double) y[i] * y[i];
        }
        return 10 * Math.log10(sy / sx);
    }

    @ParameterizedTest
    @CsvSource({"44100, 1000, 6, 1.0", "44100, 80, -4.5, 0.7", "48000, 12000, 3, 2.0", "96000, 3000, -12, 4", "44100, 18000, 2, 0.5"})
    void bellHasItsGainAtTheCentre(double fs, double f0, double gainDb, double q) {
        BiquadCoefficients c = BiquadDesign.bell(fs, f0, gainDb, q);
        assertEquals(gainDb, c.magnitudeDb(f0, fs), 0.01);
        assertEquals(gainDb, measuredGainDb(c, fs, f0), 0.01);
        assertEquals(0, c.magnitudeDb(f0 / 64, fs), 0.05);
    }

    @ParameterizedTest
    @CsvSource({"44100, 100, 4, 0.707", "48000, 250, -3, 0.5", "44100, 8000, 6, 0.707", "96000, 10000, -2, 1.0"})
    void shelvesHaveHalfTheirGainAtTheShelfFrequencyAndAllOfItAtTheEnd(double fs, double f0, double gainDb, double q) {
        BiquadCoefficients low = BiquadDesign.lowShelf(fs, f0, gainDb, q);
        BiquadCoefficients high = BiquadDesign.highShelf(fs, f0, gainDb, q);
        assertEquals(gainDb / 2, low.magnitudeDb(f0, fs), 0.01);
        assertEquals(gainDb / 2, high.magnitudeDb(f0, fs), 0.01);
        assertEquals(gainDb / 2, measuredGainDb(low, fs, f0), 0.01);
        assertEquals(gainDb / 2, measuredGainDb(high, fs, f0), 0.01);
        assertEquals(gainDb, low.magnitudeDb(1e-3, fs), 0.01);
        assertEquals(gainDb, high.magnitudeDb(fs / 2 - 1e-3, fs), 0.01);
        assertEquals(0, low.magnitudeDb(fs / 2 - 1e-3, fs), 0.01);
        assertEquals(0, high.magnitudeDb(1e-3, fs), 0.01);
    }

    @Test
    void highPassIsQAtItsCornerAndBlocksDc() {
        double fs = 44100;
        BiquadCoefficients c = BiquadDesign.highPass(fs, 30, BiquadDesign.BUTTERWORTH_Q);
        assertEquals(-3.0103, c.magnitudeDb(30, fs), 0.01);
        assertEquals(-3.0103, measuredGainDb(c, fs, 30), 0.01);
        assertEquals(0, c.magnitudeDb(5000, fs), 0.001);
        float[] dc = new float[44100];
        java.util.Arrays.fill(dc, 0.5f);
        new BiquadFilter(c).process(dc, 0, dc.length);
        assertEquals(0, dc[dc.length - 1], 1e-6);
    }

    @Test
    void zeroDbBellAndShelvesAreBitExactIdentity() {
        float[] x = Signals.white(1, 10000, 0.9);
        for (BiquadCoefficients c : new BiquadCoefficients[]{BiquadDesign.bell(44100, 1000, 0, 0.7),
                BiquadDesign.lowShelf(44100, 100, 0, 0.7), BiquadDesign.highShelf(44100, 9000, 0, 0.7)}) {
            float[] y = x.clone();
            new BiquadFilter(c, c).process(y, 0, y.length);
            assertArrayEquals(x, y);
        }
    }

    @Test
    void blockSplitDoesNotChangeTheOutput() {
        float[] x = Signals.white(2, 5000, 0.5);
        BiquadCoefficients c = BiquadDesign.bell(44100, 300, 5, 1);
        float[] whole = x.clone(), parts = x.clone();
        new BiquadFilter(c, c, c).process(whole, 0, whole.length);
        BiquadFilter f = new BiquadFilter(c, c, c);
        for (int off = 0; off < parts.length; off += 37) f.process(parts, off, Math.min(37, parts.length - off));
        assertArrayEquals(whole, parts);
    }

    @Test
    void invalidDesignsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BiquadDesign.bell(44100, 22050, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> BiquadDesign.bell(44100, 1000, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> BiquadDesign.highPass(44100, -5, 0.7));
    }
}
