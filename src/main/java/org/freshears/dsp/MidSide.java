package org.freshears.dsp;

/**
 * Mid/side matrix: M = (L + R) / 2, S = (L − R) / 2; L = M + S, R = M − S, computed in double. Because M and
 * S are stored as floats, the round trip L/R → M/S → L/R is exact to within one float rounding of the larger
 * channel (|error| ≤ 2⁻²⁴·max(|L|, |R|)), not bit-exact.
 */
public final class MidSide {
    private MidSide() {
    }

    /** Converts {@code left/right} in place into {@code mid/side}. */
    public static void encode(float[] left, float[] right, int off, int n) {
        for (int i = off, end = off + n; i < end; i++) {
            double l = left[i], r = right[i];
            left[i] = (float) ((l + r) * 0.5);
            right[i] = (float) ((l - r) * 0.5);
        }
    }

    /** Converts {@code mid/side} in place back into {@code left/right}. */
    public static void decode(float[] mid, float[] side, int off, int n) {
        for (int i = off, end = off + n; i < end; i++) {
            double m = mid[i], s = side[i];
            mid[i] = (float) (m + s);
            side[i] = (float) (m - s);
        }
    }
}
