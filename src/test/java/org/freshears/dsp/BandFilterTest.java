package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fused loop (two filters at once) must give bit for bit what each filter gives alone, and a
 * band-pass must measure a sine in its pass band at the crest factor worked out for it.
 */
class BandFilterTest {
    private static final int RATE = 44100;

    private static BandFilter[] bank() {
        return new BandFilter[] {BandFilter.bandPass(RATE, 60, 250), BandFilter.bandPass(RATE, 500, 2000),
                BandFilter.lowPass(RATE, 120), BandFilter.highPass(RATE, 120), BandFilter.bandPass(RATE, 6000, 20000)};
    }

    @Test
    void fusedLoopsMatchSingleFiltersExactly() {
        float[] x = new float[50_000];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextGaussian() * 0.2);
        BandFilter[] single = bank(), fused = bank();
        for (int from = 0; from < x.length; from += 4096) {
            int n = Math.min(4096, x.length - from);
            float[] block = java.util.Arrays.copyOfRange(x, from, from + n);
            for (BandFilter f : single) f.measure(block, n);
            BandFilter.measurePair(fused[0], fused[1], block, n);
            BandFilter.measurePair(fused[2], fused[3], block, n);
            fused[4].measure(block, n);
        }
        for (int i = 0; i < single.length; i++) {
            assertEquals(single[i].energy(), fused[i].energy(), 0.0, "energy of filter " + i);
            assertEquals(single[i].peak(), fused[i].peak(), 0.0, "peak of filter " + i);
            assertEquals(single[i].count(), fused[i].count());
        }
    }

    @Test
    void aSineInThePassBandHasTheCrestOfASine() {
        // 1 s raised-cosine fade-in (so the filters ring no overshoot), then 4 s steady: the mean power is
        // A²/2 · (3/8 · 1 s + 4 s) / 5 s, so the crest factor is 10·log10(2 / 0.875) = 3.59 dB, whatever the
        // pass-band gain (peak and RMS scale alike)
        int n = RATE * 5;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double fade = i < RATE ? 0.5 - 0.5 * Math.cos(Math.PI * i / RATE) : 1;
            x[i] = (float) (0.5 * fade * Math.sin(2 * Math.PI * 1000 * i / RATE));
        }
        BandFilter a = BandFilter.bandPass(RATE, 500, 2000), b = BandFilter.bandPass(RATE, 60, 250),
                c = BandFilter.highPass(RATE, 120);
        BandFilter.measurePair(a, b, x, n);
        c.measure(x, n);
        assertNotNull(a.crestDb());
        double expected = 10 * Math.log10(2 / 0.875);
        assertEquals(expected, a.crestDb(), 0.05);
        assertEquals(expected, c.crestDb(), 0.05);
    }
}
