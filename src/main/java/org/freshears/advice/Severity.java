package org.freshears.advice;

import org.freshears.analysis.Finding;

/**
 * The severity rule for findings judged against a percentile profile. {@code d} is how far the value lies
 * beyond the nearer edge of the profile's 10–90 % range, in units of that range's width (p90 − p10):
 * <ul>
 *   <li>inside the range ({@code d = 0}): no finding;</li>
 *   <li>{@code 0 < d < 0.5}: low — unusual, worth a listen;</li>
 *   <li>{@code 0.5 ≤ d < 1}: medium — clearly outside what the comparison set does;</li>
 *   <li>{@code d ≥ 1}: high — further out than the whole usual range is wide.</li>
 * </ul>
 * For a normally distributed feature the 10–90 % range is 2.56 σ wide, so {@code d = 0.5} sits 2.56 σ from the
 * median (about 1 master in 200 on that side) and {@code d = 1} sits 3.8 σ out. Loudness and peak findings are
 * judged against the platform instead and state their own thresholds in {@link Advisor}.
 */
public final class Severity {
    public static final double MEDIUM_FROM = 0.5;
    public static final double HIGH_FROM = 1.0;

    private Severity() {}

    /** Severity for a distance beyond the range (absolute value is used); null when inside. */
    public static String ofDistance(double d) {
        double a = Math.abs(d);
        if (a <= 0) return null;
        if (a >= HIGH_FROM) return Finding.HIGH;
        if (a >= MEDIUM_FROM) return Finding.MEDIUM;
        return Finding.LOW;
    }

    /** Severity from an amount and two thresholds in the amount's unit (low below {@code medium}). */
    public static String ofAmount(double amount, double medium, double high) {
        if (amount >= high) return Finding.HIGH;
        if (amount >= medium) return Finding.MEDIUM;
        return Finding.LOW;
    }
}
