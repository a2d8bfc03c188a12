package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BiquadFilterTest {

    private static float[] noise(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (r.nextDouble() - 0.5);
        return x;
    }

    @Test
    void theStereoLoopGivesEachChannelExactlyWhatItsOwnCascadeGives() {
        // odd and even cascade lengths (a lone last section, pairs), and blocks cut anywhere
        for (int sections = 1; sections <= 5; sections++) {
            List<BiquadCoefficients> all = List.of(BiquadDesign.highPass(44_100, 25, 0.707),
                    BiquadDesign.lowShelf(44_100, 60, 3, 0.707), BiquadDesign.bell(44_100, 400, -2.5, 1),
                    BiquadDesign.bell(44_100, 3000, 1.5, 2), BiquadDesign.highShelf(44_100, 10_000, -2, 0.707));
            List<BiquadCoefficients> cascade = all.subList(0, sections);
            float[] l = noise(20_000, 1), r = noise(20_000, 2);
            float[] l1 = l.clone(), r1 = r.clone();
            new BiquadFilter(cascade).process(l1, 0, l1.length);
            new BiquadFilter(cascade).process(r1, 0, r1.length);
            float[] l2 = l.clone(), r2 = r.clone();
            BiquadFilter a = new BiquadFilter(cascade), b = new BiquadFilter(cascade);
            for (int off = 0; off < l2.length; ) {
                int n = Math.min(777, l2.length - off);
                BiquadFilter.processStereo(a, b, l2, r2, off, n);
                off += n;
            }
            assertArrayEquals(l1, l2, 0f, sections + " sections, left");
            assertArrayEquals(r1, r2, 0f, sections + " sections, right");
        }
    }

    @Test
    void cascadesThatDifferAreRefused() {
        BiquadFilter a = new BiquadFilter(BiquadDesign.bell(48_000, 400, -2, 1));
        BiquadFilter b = new BiquadFilter(BiquadDesign.bell(48_000, 500, -2, 1));
        assertThrows(IllegalArgumentException.class, () -> BiquadFilter.processStereo(a, b, new float[4], new float[4], 0, 4));
    }
}
