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
}
