package org.freshears.model;

/**
 * One feature's spread in a set of reference tracks: how many had it ({@code n}; band-limited tracks lack their
 * top bands) and its 10/25/50/75/90th percentiles (NaN, written as {@code null}, when none had it).
 */
public record FeatureStats(String feature, int n, double p10, double p25, double p50, double p75, double p90) {

    static final double[] LEVELS = {10, 25, 50, 75, 90};

    /** The stats of one column; NaN cells are ignored. */
    static FeatureStats of(String feature, double[] column) {
        double[] s = Percentiles.sortedFinite(column);
        return new FeatureStats(feature, s.length, Percentiles.of(s, 10), Percentiles.of(s, 25),
                Percentiles.of(s, 50), Percentiles.of(s, 75), Percentiles.of(s, 90));
    }

    double[] knots() {
        return new double[] {p10, p25, p50, p75, p90};
    }

    /** Where {@code value} sits among these references. */
    public FeaturePosition position(double value) {
        if (n == 0 || !Double.isFinite(value)) {
            return new FeaturePosition(feature, value, p10, p25, p50, p75, p90, Double.NaN, Double.NaN);
        }
        return new FeaturePosition(feature, value, p10, p25, p50, p75, p90, percentile(value), outside(value));
    }

    /** Approximate percentile rank: piecewise linear through the five knots, extrapolated, clamped to 0–100. */
    double percentile(double value) {
        double[] k = knots();
        if (k[4] - k[0] <= 0) return value < k[0] ? 0 : value > k[4] ? 100 : 50;
        int seg;
        if (value <= k[0]) seg = 0;
        else if (value >= k[4]) seg = 3;
        else {
            seg = 0;
            while (seg < 3 && value > k[seg + 1]) seg++;
        }
        int a = seg;
        int b = seg + 1;
        while (k[b] - k[a] <= 0 && (a > 0 || b < 4)) {
            if (a > 0) a--;
            else b++;
        }
        double p = LEVELS[a] + (value - k[a]) * (LEVELS[b] - LEVELS[a]) / (k[b] - k[a]);
        return Math.clamp(p, 0, 100);
    }

    /**
     * How far outside the 10–90 % band, in units of that band's width: 0 inside it, +1 one band-width above p90,
     * −0.5 half a band-width below p10. Capped at ±99 (references that all share one value).
     */
    double outside(double value) {
        double spread = Math.max(p90 - p10, 1e-9);
        double z = value > p90 ? (value - p90) / spread : value < p10 ? (value - p10) / spread : 0;
        return Math.clamp(z, -99, 99);
    }
}
