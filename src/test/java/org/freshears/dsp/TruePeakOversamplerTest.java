package org.freshears.dsp;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class TruePeakOversamplerTest {
    @Test
    void factorByRate() {
        assertEquals(4, TruePeakOversampler.factorFor(44_100));
        assertEquals(4, TruePeakOversampler.factorFor(48_000));
        assertEquals(4, TruePeakOversampler.factorFor(88_200));
        assertEquals(2, TruePeakOversampler.factorFor(96_000));
        assertEquals(2, TruePeakOversampler.factorFor(176_400));
        assertEquals(1, TruePeakOversampler.factorFor(192_000));
    }

    /** Every interpolating phase must be flat to well inside the +0.2/-0.4 dB true-peak tolerance up to 0.35 fs. */
    @Test
    void passbandOfEveryPhase() {
        for (int fs : new int[] {48_000, 96_000}) {
            float[][] ph = new TruePeakOversampler(fs).coefficients();
            for (int p = 1; p < ph.length; p++) {
                for (double f = 0; f <= 0.35; f += 0.01) {
                    double re = 0, im = 0;
                    for (int k = 0; k < ph[p].length; k++) {
                        re += ph[p][k] * Math.cos(2 * Math.PI * f * k);
                        im -= ph[p][k] * Math.sin(2 * Math.PI * f * k);
                    }
                    double db = 10 * Math.log10(re * re + im * im);
                    assertEquals(0, db, 0.05, "phase " + p + " at " + f + " fs (fs " + fs + ")");
                }
            }
        }
    }

    @Test
    void blockSizeInvarianceAndTail() {
        float[] x = new float[5000];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.9 * Math.sin(i * 2 * Math.PI / 4 + 0.7) * Math.sin(i * 0.001));
        TruePeakOversampler whole = new TruePeakOversampler(44_100);
        float a = Math.max(whole.process(x, 0, x.length), whole.tailPeak());
        TruePeakOversampler parts = new TruePeakOversampler(44_100);
        float b = 0;
        for (int pos = 0; pos < x.length; pos += 17) b = Math.max(b, parts.process(x, pos, Math.min(17, x.length - pos)));
        b = Math.max(b, parts.tailPeak());
        assertEquals(a, b, 0f);
        assertEquals(whole.overs(), parts.overs());
    }

    @Test
    void isolatedFullScaleSampleInterpolatesBelowIt() {
        float[] x = new float[64];
        x[32] = 1f;
        TruePeakOversampler os = new TruePeakOversampler(48_000);
        float between = Math.max(os.process(x, 0, x.length), os.tailPeak());
        assertTrue(between > 0.5f && between < 1f, "interpolated " + between);
    }

    @Test
    void skippingProvablyQuietStretchesChangesNeitherTheMaximumNorTheOvers() {
        for (int rate : new int[] {44100, 96000}) {
            java.util.Random rnd = new java.util.Random(rate);
            float[] sig = new float[rate * 4];
            for (int i = 0; i < sig.length; i++) {
                // loud bursts (some over full scale between samples) among quiet passages
                double env = (i / 5000) % 7 == 3 ? 1.15 : 0.05 + 0.3 * rnd.nextDouble();
                sig[i] = (float) (env * Math.sin(2 * Math.PI * 0.23 * i + rnd.nextDouble() * 0.2));
                // the last second: noise whose level creeps up, so that stretch after stretch just tops the
                // running maximum (a skip that is not provably safe would miss these)
                if (i >= sig.length - rate) sig[i] = (float) ((0.3 + 1.1 * (i - sig.length + rate) / rate) * (2 * rnd.nextDouble() - 1));
            }
            TruePeakOversampler all = new TruePeakOversampler(rate);
            TruePeakOversampler skip = new TruePeakOversampler(rate);
            // as the true-peak meter feeds it: at most 1024 samples at a time, with their largest magnitude
            TruePeakOversampler known = new TruePeakOversampler(rate);
            float pAll = 0, pSkip = 0, pKnown = 0;
            for (int off = 0; off < sig.length; off += 3000) {
                int n = Math.min(3000, sig.length - off);
                pAll = Math.max(pAll, all.process(sig, off, n));
                pSkip = Math.max(pSkip, skip.process(sig, off, n, pSkip));
            }
            for (int off = 0; off < sig.length; off += 1000) {
                int n = Math.min(1000, sig.length - off);
                float max = 0;
                for (int i = off; i < off + n; i++) max = Math.max(max, Math.abs(sig[i]));
                pKnown = Math.max(pKnown, known.process(sig, off, n, pKnown, max));
            }
            // every interpolated value computed directly from the coefficients, nothing skipped
            float[][] h = all.coefficients();
            float direct = 0, directTail = 0;
            long directOvers = 0;
            for (int m = 0; m < sig.length + h[0].length - 1; m++) {
                if (m < sig.length && Math.abs(sig[m]) > 1f) directOvers++;
                for (int p = 1; p < h.length; p++) {
                    float a = h[p][0] * (m < sig.length ? sig[m] : 0f);
                    for (int k = 1; k < h[p].length; k++) a += h[p][k] * (m - k >= 0 && m - k < sig.length ? sig[m - k] : 0f);
                    if (m < sig.length) {
                        direct = Math.max(direct, Math.abs(a));
                        if (Math.abs(a) > 1f) directOvers++;
                    } else {
                        directTail = Math.max(directTail, Math.abs(a));
                    }
                }
            }
            // the oversampler evaluates the same taps folded on their symmetry: the same values up to float rounding
            assertEquals(direct, pAll, 2e-6f, "maximum without a floor at " + rate);
            assertEquals(pAll, pSkip, 0f, "running maximum at " + rate);
            assertEquals(directOvers, all.overs(), "overs without a floor at " + rate);
            assertEquals(directOvers, skip.overs(), "overs at " + rate);
            assertEquals(directTail, all.tailPeak(), 2e-6f, "tail at " + rate);
            assertEquals(all.tailPeak(), skip.tailPeak(), 0f, "tail at " + rate);
            assertEquals(pAll, pKnown, 0f, "running maximum, largest magnitude given, at " + rate);
            assertEquals(directOvers, known.overs(), "overs, largest magnitude given, at " + rate);
            assertEquals(all.tailPeak(), known.tailPeak(), 0f, "tail, largest magnitude given, at " + rate);
            org.junit.jupiter.api.Assertions.assertTrue(all.overs() > 0, "the test signal must have overs");
        }
    }

    @Test
    void samplesTooLargeForSinglePrecisionInterpolationStillGiveTheirPeakAndOvers() {
        // garbage in a float file: twelve samples of 3e38 in a row overflow the float sums (Inf - Inf = NaN)
        // and a long steady stretch of them in the pattern + + - -, where every folded sum meets +Inf and -Inf (NaN)
        for (int pattern = 0; pattern < 2; pattern++) {
        int rate = 48000;
        float[] sig = new float[4000];
        if (pattern == 0) {
            for (int i = 1000; i < 1012; i++) sig[i] = 3e38f;
        } else {
            for (int i = 500; i < 3500; i++) sig[i] = (i / 2) % 2 == 0 ? 3e38f : -3e38f;
        }
        TruePeakOversampler os = new TruePeakOversampler(rate);
        float peak = Math.max(os.process(sig, 0, sig.length), os.tailPeak());
        // every interpolated value in double precision, from the coefficients
        float[][] h = os.coefficients();
        double direct = 0;
        long directOvers = 0;
        for (int m = 0; m < sig.length; m++) {
            if (Math.abs(sig[m]) > 1f) directOvers++;
            for (int p = 1; p < h.length; p++) {
                double a = 0;
                for (int k = 0; k < h[p].length; k++) a += h[p][k] * (m - k >= 0 ? (double) sig[m - k] : 0);
                direct = Math.max(direct, Math.abs(a));
                if (Math.abs(a) > 1) directOvers++;
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(Float.isFinite(peak), "finite peak, got " + peak);
        org.junit.jupiter.api.Assertions.assertTrue(peak >= 3e38f, "at least the sample peak, got " + peak);
        assertEquals((float) Math.min(direct, Float.MAX_VALUE), peak, 1e-5f * peak, "peak");
        assertEquals(directOvers, os.overs(), "overs");
        }
    }

    @Test
    void moreThanOneChunkWithAGivenMaximumIsRefused() {
        TruePeakOversampler os = new TruePeakOversampler(48000);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> os.process(new float[1025], 0, 1025, 0f, 0f));
    }

    @Test
    void aStretchThatJustTopsTheFloorIsNotSkipped() {
        // the worst case for the skip bound: twelve samples whose signs match one phase's taps, so that phase's value
        // is the input level times the phase's sum of |taps|, with the floor just under it
        TruePeakOversampler probe = new TruePeakOversampler(48_000);
        float[][] h = probe.coefficients();
        int p = 1;
        for (int q = 2; q < h.length; q++) if (absSum(h[q]) > absSum(h[p])) p = q;
        float[] sig = new float[300];
        int m0 = 150;
        for (int k = 0; k < h[p].length; k++) sig[m0 - k] = Math.copySign(0.5f, h[p][k]);
        float worst = 0;
        for (int k = 0; k < h[p].length; k++) worst += h[p][k] * sig[m0 - k];
        assertTrue(Math.abs(worst - 0.5f * absSum(h[p])) < 1e-5f, "the pattern meets the bound");
        TruePeakOversampler os = new TruePeakOversampler(48_000);
        float got = os.process(sig, 0, sig.length, worst * 0.999f);
        assertTrue(got >= worst * 0.9999f, "the peak " + worst + " above the floor must be found, got " + got);
    }

    private static float absSum(float[] h) {
        float s = 0;
        for (float v : h) s += Math.abs(v);
        return s;
    }
}
