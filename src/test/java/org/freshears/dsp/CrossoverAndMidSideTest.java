package org.freshears.dsp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrossoverAndMidSideTest {
    static final double FS = 44100;

    @Test
    void lr4BranchesAreMinus6DbAtTheCrossoverAndSumToTheAllPass() {
        double fc = 250;
        BiquadCoefficients lp = LinkwitzRiley.lowPass(FS, fc).getFirst(), hp = LinkwitzRiley.highPass(FS, fc).getFirst();
        assertEquals(-6.0206, 2 * lp.magnitudeDb(fc, FS), 0.001);
        assertEquals(-6.0206, 2 * hp.magnitudeDb(fc, FS), 0.001);
        float[] x = Signals.white(3, 20000, 0.5);
        float[] low = x.clone(), high = x.clone(), ap = x.clone();
        new BiquadFilter(LinkwitzRiley.lowPass(FS, fc)).process(low, 0, x.length);
        new BiquadFilter(LinkwitzRiley.highPass(FS, fc)).process(high, 0, x.length);
        new BiquadFilter(LinkwitzRiley.allPass(FS, fc)).process(ap, 0, x.length);
        double worst = 0;
        for (int i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(low[i] + high[i] - ap[i]));
        assertTrue(worst < 1e-6, "LP + HP differs from the all-pass by " + worst);
    }

    @Test
    void midSideRoundTripsWithinOneFloatRounding() {
        float[] l = Signals.white(4, 50000, 1), r = Signals.white(5, 50000, 1e-3);
        float[] a = l.clone(), b = r.clone();
        MidSide.encode(a, b, 0, a.length);
        MidSide.decode(a, b, 0, a.length);
        for (int i = 0; i < l.length; i++) {
            double tol = Math.max(Math.abs(l[i]), Math.abs(r[i])) * 0x1p-23;
            assertEquals(l[i], a[i], tol);
            assertEquals(r[i], b[i], tol);
        }
    }

    @Test
    void widthOneEverywhereIsTheSameAllPassOnMidAndSide() {
        double[] cuts = {120, 1500, 6000};
        int n = 20000;
        float[] m = Signals.white(6, n, 0.5), s = Signals.white(7, n, 0.5);
        float[] m2 = m.clone(), s2 = s.clone(), mRef = m.clone(), sRef = s.clone();
        new MultibandWidth(FS, cuts, new double[]{1, 1, 1, 1}, 512).process(m2, s2, 0, n);
        BiquadFilter apM = new BiquadFilter(LinkwitzRiley.allPass(FS, 120), LinkwitzRiley.allPass(FS, 1500), LinkwitzRiley.allPass(FS, 6000));
        BiquadFilter apS = new BiquadFilter(LinkwitzRiley.allPass(FS, 120), LinkwitzRiley.allPass(FS, 1500), LinkwitzRiley.allPass(FS, 6000));
        apM.process(mRef, 0, n);
        apS.process(sRef, 0, n);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(mRef[i], m2[i], 0f);
            worst = Math.max(worst, Math.abs(sRef[i] - s2[i]));
        }
        assertTrue(worst < 1e-5, "side differs from the common all-pass by " + worst);
    }

    @Test
    void widthZeroBelowACrossoverRemovesLowSide() {
        int n = 44100;
        float[] m = new float[n], lowSide = Signals.sine(n, FS, 40, 0.5, 0), highSide = Signals.sine(n, FS, 5000, 0.5, 0);
        MultibandWidth w = new MultibandWidth(FS, new double[]{150}, new double[]{0, 1}, 4096);
        w.process(m.clone(), lowSide, 0, n);
        MultibandWidth w2 = new MultibandWidth(FS, new double[]{150}, new double[]{0, 1}, 4096);
        w2.process(m.clone(), highSide, 0, n);
        assertTrue(rms(lowSide, n / 2, n) < 0.5 / Math.sqrt(2) * 0.02, "40 Hz side should be down > 34 dB");
        assertEquals(0.5 / Math.sqrt(2), rms(highSide, n / 2, n), 0.002);
    }

    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += (double) x[i] * x[i];
        return Math.sqrt(s / (to - from));
    }
}
