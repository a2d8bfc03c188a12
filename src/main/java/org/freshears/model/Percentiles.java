package org.freshears.model;

import java.util.Arrays;

/** Percentiles by linear interpolation between order statistics (Hyndman and Fan type 7, as R and NumPy). */
final class Percentiles {
    private Percentiles() {}

    /** The finite values of {@code x}, sorted. */
    static double[] sortedFinite(double[] x) {
        return Arrays.stream(x).filter(Double::isFinite).sorted().toArray();
    }

    /** The {@code p}-th percentile (0–100) of sorted values; NaN when there are none. */
    static double of(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        double h = (sorted.length - 1) * p / 100.0;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
