package org.freshears.advice;

/** Five percentiles of one feature across a set of masters (a genre, or the user's references). */
public record Percentiles(double p10, double p25, double p50, double p75, double p90) {
    public Percentiles {
        if (!(p10 <= p25 && p25 <= p50 && p50 <= p75 && p75 <= p90)) {
            throw new IllegalArgumentException("percentiles must be ordered: " + p10 + ", " + p25 + ", " + p50
                    + ", " + p75 + ", " + p90);
        }
    }

    /** A symmetric profile around {@code median}: p25/p75 at ±half, p10/p90 at ±{@code spread}. */
    public static Percentiles around(double median, double spread) {
        return new Percentiles(median - spread, median - spread / 2, median, median + spread / 2, median + spread);
    }

    /** Width of the 10–90 % range; never below a tiny epsilon so that distances stay finite. */
    public double width() {
        return Math.max(1e-9, p90 - p10);
    }

    /**
     * How far {@code value} lies outside the 10–90 % range, in units of that range's width: 0 inside, positive
     * above p90, negative below p10.
     */
    public double outside(double value) {
        if (value > p90) return (value - p90) / width();
        if (value < p10) return (value - p10) / width();
        return 0;
    }
}
