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
            }
            TruePeakOversampler all = new TruePeakOversampler(rate);
            TruePeakOversampler skip = new TruePeakOversampler(rate);
            float pAll = 0, pSkip = 0;
            for (int off = 0; off < sig.length; off += 3000) {
                int n = Math.min(3000, sig.length - off);
                pAll = Math.max(pAll, all.process(sig, off, n));
                pSkip = Math.max(pSkip, skip.process(sig, off, n, pSkip));
            }
            assertEquals(pAll, pSkip, 0f, "running maximum at " + rate);
            assertEquals(all.overs(), skip.overs(), "overs at " + rate);
            assertEquals(all.tailPeak(), skip.tailPeak(), 0f, "tail at " + rate);
            org.junit.jupiter.api.Assertions.assertTrue(all.overs() > 0, "the test signal must have overs");
        }
    }
}
