package org.freshears.analysis;

/** Rounding for the document: enough digits for every use, few enough to keep it compact. */
final class Num {
    private Num() {}

    /** {@code v} rounded to {@code decimals} places; non-finite values become null. */
    static Double round(double v, int decimals) {
        if (!Double.isFinite(v)) return null;
        double s = Math.pow(10, decimals);
        return Math.round(v * s) / s;
    }

    static Double round(Double v, int decimals) {
        return v == null ? null : round(v.doubleValue(), decimals);
    }
}
