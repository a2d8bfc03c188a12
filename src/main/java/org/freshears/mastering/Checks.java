package org.freshears.mastering;

/** Validation helpers that throw {@link IllegalArgumentException} with one clear line. */
final class Checks {
    private Checks() {
    }

    static double required(Double v, String what) {
        if (v == null) throw new IllegalArgumentException(what + " is required");
        return finite(v, what);
    }

    static double finite(double v, String what) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException(what + " must be a finite number, got " + v);
        return v;
    }

    static double range(Double v, double def, double lo, double hi, String what) {
        double x = v == null ? def : finite(v, what);
        if (x < lo || x > hi) {
            throw new IllegalArgumentException(what + " must be between " + fmt(lo) + " and " + fmt(hi) + ", got " + fmt(x));
        }
        return x;
    }

    static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
