package org.freshears.dsp;

import java.util.List;

/**
 * A cascade of biquad sections in transposed direct form II, double-precision state, processing {@code float}
 * blocks in place. All sections run inside one per-sample loop so that the CPU overlaps their feedback chains.
 * An empty cascade is the identity.
 */
public final class BiquadFilter {
    private final double[] b0, b1, b2, a1, a2;
    private final double[] s1, s2;
    private final int sections;

    public BiquadFilter(List<BiquadCoefficients> cascade) {
        sections = cascade.size();
        b0 = new double[sections];
        b1 = new double[sections];
        b2 = new double[sections];
        a1 = new double[sections];
        a2 = new double[sections];
        s1 = new double[sections];
        s2 = new double[sections];
        for (int i = 0; i < sections; i++) {
            BiquadCoefficients c = cascade.get(i);
            b0[i] = c.b0();
            b1[i] = c.b1();
            b2[i] = c.b2();
            a1[i] = c.a1();
            a2[i] = c.a2();
        }
    }

    public BiquadFilter(BiquadCoefficients... cascade) {
        this(List.of(cascade));
    }

    public int sections() {
        return sections;
    }

    /**
     * Filters {@code buf[off .. off+n)} in place. Sections run two at a time in one loop with their state in
     * locals, so the CPU overlaps the two feedback chains (the result is the same as one section after another).
     */
    public void process(float[] buf, int off, int n) {
        int k = 0;
        for (; k + 1 < sections; k += 2) processPair(k, buf, off, n);
        if (k < sections) processSingle(k, buf, off, n);
    }

    /** Filters {@code src[off .. off+n)} into {@code dst[off .. off+n)} (may be the same array). */
    public void process(float[] src, float[] dst, int off, int n) {
        if (src != dst) System.arraycopy(src, off, dst, off, n);
        process(dst, off, n);
    }

    private void processSingle(int k, float[] buf, int off, int n) {
        double c0 = b0[k], c1 = b1[k], c2 = b2[k], d1 = a1[k], d2 = a2[k];
        double z1 = s1[k], z2 = s2[k];
        for (int i = off, end = off + n; i < end; i++) {
            double x = buf[i];
            double y = c0 * x + z1;
            z1 = c1 * x - d1 * y + z2;
            z2 = c2 * x - d2 * y;
            buf[i] = (float) y;
        }
        s1[k] = z1;
        s2[k] = z2;
    }

    private void processPair(int k, float[] buf, int off, int n) {
        double p0 = b0[k], p1 = b1[k], p2 = b2[k], q1 = a1[k], q2 = a2[k];
        double r0 = b0[k + 1], r1 = b1[k + 1], r2 = b2[k + 1], t1 = a1[k + 1], t2 = a2[k + 1];
        double u1 = s1[k], u2 = s2[k], v1 = s1[k + 1], v2 = s2[k + 1];
        for (int i = off, end = off + n; i < end; i++) {
            double x = buf[i];
            double y = p0 * x + u1;
            u1 = p1 * x - q1 * y + u2;
            u2 = p2 * x - q2 * y;
            double z = r0 * y + v1;
            v1 = r1 * y - t1 * z + v2;
            v2 = r2 * y - t2 * z;
            buf[i] = (float) z;
        }
        s1[k] = u1;
        s2[k] = u2;
        s1[k + 1] = v1;
        s2[k + 1] = v2;
    }

    public void reset() {
        java.util.Arrays.fill(s1, 0);
        java.util.Arrays.fill(s2, 0);
    }
}
