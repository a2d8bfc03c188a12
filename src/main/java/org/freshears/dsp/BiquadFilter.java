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

    /** Filters {@code buf[off .. off+n)} in place. */
    public void process(float[] buf, int off, int n) {
        if (sections == 0) return;
        if (sections == 1) {
            processSingle(buf, off, n);
            return;
        }
        for (int i = off, end = off + n; i < end; i++) {
            double x = buf[i];
            for (int k = 0; k < sections; k++) {
                double y = b0[k] * x + s1[k];
                s1[k] = b1[k] * x - a1[k] * y + s2[k];
                s2[k] = b2[k] * x - a2[k] * y;
                x = y;
            }
            buf[i] = (float) x;
        }
    }

    /** Filters {@code src[off .. off+n)} into {@code dst[off .. off+n)} (may be the same array). */
    public void process(float[] src, float[] dst, int off, int n) {
        if (src != dst) System.arraycopy(src, off, dst, off, n);
        process(dst, off, n);
    }

    private void processSingle(float[] buf, int off, int n) {
        double c0 = b0[0], c1 = b1[0], c2 = b2[0], d1 = a1[0], d2 = a2[0];
        double z1 = s1[0], z2 = s2[0];
        for (int i = off, end = off + n; i < end; i++) {
            double x = buf[i];
            double y = c0 * x + z1;
            z1 = c1 * x - d1 * y + z2;
            z2 = c2 * x - d2 * y;
            buf[i] = (float) y;
        }
        s1[0] = z1;
        s2[0] = z2;
    }

    public void reset() {
        java.util.Arrays.fill(s1, 0);
        java.util.Arrays.fill(s2, 0);
    }
}
