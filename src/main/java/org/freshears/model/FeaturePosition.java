package org.freshears.model;

/**
 * Where a mix's feature value sits among reference tracks (a genre's, or the user's own references).
 *
 * @param value      the mix's value (NaN, written as {@code null}, when the mix lacks it, e.g. above its bandwidth)
 * @param percentile approximate percentile rank among the references, 0–100
 * @param outside    0 inside the 10–90 % band, else how far beyond it in units of the band's width (signed)
 */
public record FeaturePosition(String feature, double value, double p10, double p25, double p50, double p75,
                              double p90, double percentile, double outside) {
}
