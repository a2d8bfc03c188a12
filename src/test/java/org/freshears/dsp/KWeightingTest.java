package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KWeightingTest {
    /** ITU-R BS.1770-4 Annex 1, Tables 1 and 2: the published 48 kHz coefficients {b0, b1, b2, a1, a2}. */
    static final double[] BS1770_STAGE1_48K = {1.53512485958697, -2.69169618940638, 1.19839281085285,
        -1.69065929318241, 0.73248077421585};
    static final double[] BS1770_STAGE2_48K = {1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621};

    @Test
    void reproducesThePublished48kCoefficients() {
        KWeighting k = new KWeighting(48_000);
        assertArrayEquals(BS1770_STAGE1_48K, k.shelf(), 1e-12);
        assertArrayEquals(BS1770_STAGE2_48K, k.highPass(), 1e-12);
    }

    static double bs1770ResponseDb(double f) {
        return Biquad.magnitudeDb(BS1770_STAGE1_48K, f, 48_000) + Biquad.magnitudeDb(BS1770_STAGE2_48K, f, 48_000);
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000, 192_000})
    void responseMatchesBs1770AtAnyRate(int fs) {
        KWeighting k = new KWeighting(fs);
        double worst = 0;
        for (double f : new double[] {20, 25, 50, 100, 500, 997, 1000, 2000, 5000, 10_000, 15_000}) {
            double err = k.responseDb(f, fs) - bs1770ResponseDb(f);
            worst = Math.max(worst, Math.abs(err));
            assertEquals(0, err, 0.05, "K-weighting at " + f + " Hz, fs " + fs);
        }
        System.out.printf("K-weighting @%d: worst deviation from the BS.1770 48 kHz response %.4f dB%n", fs, worst);
        assertTrue(worst < 0.01, "worst " + worst);
    }

    @Test
    void responseShape() {
        // Landmarks of the BS.1770 curve: ~0 dB at 100 Hz..500 Hz (+0.04 dB passband), +0.69 dB at 1 kHz, ~+4 dB at 10 kHz, high-pass below 40 Hz.
        assertEquals(0.69, bs1770ResponseDb(1000), 0.01);
        assertTrue(bs1770ResponseDb(20) < -10);
        assertEquals(4.0, bs1770ResponseDb(10_000), 0.1);
    }

    @Test
    void biquadBlockInvariance() {
        double[] c = new KWeighting(44_100).shelf();
        float[] x = new float[1000];
        for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(i * 0.37) * (i % 7 == 0 ? 1 : 0.3f);
        double[] whole = new double[x.length];
        new Biquad(c).process(x, whole, x.length);
        Biquad b = new Biquad(c);
        double[] parts = new double[x.length], tmp = new double[17];
        float[] in = new float[17];
        for (int pos = 0; pos < x.length; pos += 17) {
            int n = Math.min(17, x.length - pos);
            System.arraycopy(x, pos, in, 0, n);
            b.process(in, tmp, n);
            System.arraycopy(tmp, 0, parts, pos, n);
        }
        assertArrayEquals(whole, parts, 0.0);
    }
}
