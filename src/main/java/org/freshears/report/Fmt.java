package org.freshears.report;

import java.util.Locale;

/** Number formatting for people: one decimal, a real minus sign, "–" for a value that does not exist. */
public final class Fmt {
    public static final String NONE = "–";

    private Fmt() {}

    /** "version 1" → "Version 1". */
    public static String capitalise(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static String num(Double v, int decimals) {
        if (v == null || !Double.isFinite(v)) return NONE;
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.matches("-0(\\.0+)?")) s = s.substring(1);
        return s.replace('-', '\u2212');
    }

    public static String num(Double v, int decimals, String unit) {
        return v == null || !Double.isFinite(v) ? NONE : num(v, decimals) + "\u202f" + unit;
    }

    /** Signed, e.g. "+2.5". */
    public static String signed(Double v, int decimals) {
        if (v == null || !Double.isFinite(v)) return NONE;
        return (v > 0 ? "+" : "") + num(v, decimals);
    }

    public static String percent(Double fraction) {
        return fraction == null ? NONE : Math.round(fraction * 100) + "\u202f%";
    }

    /** m:ss for a time in seconds. */
    public static String clock(Double seconds) {
        if (seconds == null || !Double.isFinite(seconds)) return NONE;
        long s = Math.round(Math.max(0, seconds));
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Hz as "80 Hz" or "2.5 kHz". */
    public static String hz(double hz) {
        if (hz >= 1000) {
            double k = hz / 1000;
            return (k == Math.rint(k) ? String.valueOf((long) k) : String.format(Locale.ROOT, "%.1f", k)) + "k";
        }
        return String.valueOf(Math.round(hz));
    }
}
