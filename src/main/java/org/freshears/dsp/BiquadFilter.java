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

    /**
     * Filters a channel pair in place: {@code left} through {@code a} and {@code right} through {@code b}, two
     * cascades of the same sections (the same coefficients, each with its own state). Each section runs over both
     * channels in one loop, so the CPU overlaps twice as many feedback chains; every output is bit for bit what
     * {@code a.process(left…)} and {@code b.process(right…)} give.
     */
    public static void processStereo(BiquadFilter a, BiquadFilter b, float[] left, float[] right, int off, int n) {
        if (a.sections != b.sections) throw new IllegalArgumentException("the two cascades differ in length");
        for (int k = 0; k < a.sections; k++) {
            if (a.b0[k] != b.b0[k] || a.b1[k] != b.b1[k] || a.b2[k] != b.b2[k] || a.a1[k] != b.a1[k] || a.a2[k] != b.a2[k]) {
                throw new IllegalArgumentException("the two cascades differ in section " + k);
            }
        }
        int k = 0;
        for (; k + 1 < a.sections; k += 2) stereoPair(a, b, k, left, right, off, n);
        if (k < a.sections) stereoSingle(a, b, k, left, right, off, n);
    }

    /** {@link #processPair} of sections k and k+1 on both channels in one loop. */
    private static void stereoPair(BiquadFilter a, BiquadFilter b, int k, float[] left, float[] right, int off, int n) {
        double p0 = a.b0[k], p1 = a.b1[k], p2 = a.b2[k], q1 = a.a1[k], q2 = a.a2[k];
        double r0 = a.b0[k + 1], r1 = a.b1[k + 1], r2 = a.b2[k + 1], t1 = a.a1[k + 1], t2 = a.a2[k + 1];
        double lu1 = a.s1[k], lu2 = a.s2[k], lv1 = a.s1[k + 1], lv2 = a.s2[k + 1];
        double ru1 = b.s1[k], ru2 = b.s2[k], rv1 = b.s1[k + 1], rv2 = b.s2[k + 1];
        for (int i = off, end = off + n; i < end; i++) {
            double xl = left[i], xr = right[i];
            double yl = p0 * xl + lu1;
            double yr = p0 * xr + ru1;
            lu1 = p1 * xl - q1 * yl + lu2;
            ru1 = p1 * xr - q1 * yr + ru2;
            lu2 = p2 * xl - q2 * yl;
            ru2 = p2 * xr - q2 * yr;
            double zl = r0 * yl + lv1;
            double zr = r0 * yr + rv1;
            lv1 = r1 * yl - t1 * zl + lv2;
            rv1 = r1 * yr - t1 * zr + rv2;
            lv2 = r2 * yl - t2 * zl;
            rv2 = r2 * yr - t2 * zr;
            left[i] = (float) zl;
            right[i] = (float) zr;
        }
        a.s1[k] = lu1;
        a.s2[k] = lu2;
        a.s1[k + 1] = lv1;
        a.s2[k + 1] = lv2;
        b.s1[k] = ru1;
        b.s2[k] = ru2;
        b.s1[k + 1] = rv1;
        b.s2[k + 1] = rv2;
    }

    /** {@link #processSingle} of section k on both channels in one loop. */
    private static void stereoSingle(BiquadFilter a, BiquadFilter b, int k, float[] left, float[] right, int off, int n) {
        double c0 = a.b0[k], c1 = a.b1[k], c2 = a.b2[k], d1 = a.a1[k], d2 = a.a2[k];
        double l1 = a.s1[k], l2 = a.s2[k], r1 = b.s1[k], r2 = b.s2[k];
        for (int i = off, end = off + n; i < end; i++) {
            double xl = left[i], xr = right[i];
            double yl = c0 * xl + l1;
            double yr = c0 * xr + r1;
            l1 = c1 * xl - d1 * yl + l2;
            r1 = c1 * xr - d1 * yr + r2;
            l2 = c2 * xl - d2 * yl;
            r2 = c2 * xr - d2 * yr;
            left[i] = (float) yl;
            right[i] = (float) yr;
        }
        a.s1[k] = l1;
        a.s2[k] = l2;
        b.s1[k] = r1;
        b.s2[k] = r2;
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
