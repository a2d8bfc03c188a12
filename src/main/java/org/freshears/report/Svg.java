package org.freshears.report;

import java.util.List;
import java.util.Locale;

/**
 * A tiny SVG writer for the report's plots: a frame with a plot area, linear and logarithmic axes, and
 * escaped text. Everything is inline (no fonts, no scripts), so a saved report stays self-contained.
 */
final class Svg {
    static final String GRID = "#2b3038";
    static final String AXIS = "#8a93a3";
    static final String TEXT = "#c9d1dc";
    static final String MIX = "#38d6b4";
    static final String TARGET = "#f2b84b";
    static final String BAD = "#ef6461";
    static final String PREVIOUS = "#9aa3b5";
    static final String[] REFERENCES = {"#7aa7ff", "#d68cff", "#ff9f6b", "#9be46b"};

    final StringBuilder out = new StringBuilder(8192);
    final double width;
    final double height;
    final double left;
    final double top;
    final double right;
    final double bottom;

    /** A plot of the given pixel size with margins (left, top, right, bottom) around the plot area. */
    Svg(double width, double height, double left, double top, double right, double bottom, String label) {
        this.width = width;
        this.height = height;
        this.left = left;
        this.top = top;
        this.right = width - right;
        this.bottom = height - bottom;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" viewBox=\"0 0 ")
                .append(f(width)).append(' ').append(f(height)).append("\" role=\"img\" aria-label=\"")
                .append(escape(label)).append("\" font-family=\"system-ui,sans-serif\" font-size=\"11\">");
    }

    double plotWidth() { return right - left; }

    double plotHeight() { return bottom - top; }

    /** x of a value on a log axis from lo to hi. */
    double logX(double v, double lo, double hi) {
        double t = (Math.log(Math.max(v, 1e-9)) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
        return left + t * plotWidth();
    }

    double linX(double v, double lo, double hi) {
        return left + (v - lo) / (hi - lo) * plotWidth();
    }

    double linY(double v, double lo, double hi) {
        double c = Math.max(lo, Math.min(hi, v));
        return bottom - (c - lo) / (hi - lo) * plotHeight();
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double w, String extra) {
        out.append("<line x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1)).append("\" x2=\"").append(f(x2))
                .append("\" y2=\"").append(f(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(f(w)).append('"').append(extra == null ? "" : " " + extra).append("/>");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String extra) {
        out.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"")
                .append(f(Math.max(0, w))).append("\" height=\"").append(f(Math.max(0, h))).append("\" fill=\"")
                .append(fill).append('"').append(extra == null ? "" : " " + extra).append("/>");
        return this;
    }

    Svg text(double x, double y, String s, String anchor, String fill, String extra) {
        out.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" fill=\"").append(fill).append('"')
                .append(extra == null ? "" : " " + extra).append('>').append(escape(s)).append("</text>");
        return this;
    }

    /** A polyline through points, breaking the line where a y is null. */
    Svg polyline(List<double[]> points, String stroke, double w, String extra) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (double[] p : points) {
            if (p == null) {
                pen = false;
                continue;
            }
            d.append(pen ? 'L' : 'M').append(f(p[0])).append(',').append(f(p[1]));
            pen = true;
        }
        if (d.isEmpty()) return this;
        out.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(f(w)).append("\" stroke-linejoin=\"round\"")
                .append(extra == null ? "" : " " + extra).append("/>");
        return this;
    }

    /** A closed band between an upper and a lower edge (same x positions). */
    Svg band(List<double[]> upper, List<double[]> lower, String fill, double opacity) {
        if (upper.isEmpty()) return this;
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < upper.size(); i++) d.append(i == 0 ? 'M' : 'L').append(f(upper.get(i)[0])).append(',').append(f(upper.get(i)[1]));
        for (int i = lower.size() - 1; i >= 0; i--) d.append('L').append(f(lower.get(i)[0])).append(',').append(f(lower.get(i)[1]));
        out.append("<path d=\"").append(d).append("Z\" fill=\"").append(fill).append("\" fill-opacity=\"")
                .append(f(opacity)).append("\" stroke=\"none\"/>");
        return this;
    }

    /** Horizontal grid lines and labels for a linear y axis. */
    Svg yGrid(double lo, double hi, double step, String unit) {
        double first = Math.ceil(lo / step) * step;
        for (double v = first; v <= hi + 1e-9; v += step) {
            double y = linY(v, lo, hi);
            line(left, y, right, y, GRID, 1, null);
            text(left - 6, y + 4, Fmt.num(v, step < 1 ? 1 : 0) + unit, "end", AXIS, null);
        }
        return this;
    }

    /** The frequency grid of a 20 Hz–20 kHz log axis. */
    Svg frequencyGrid(double lo, double hi) {
        double[] marks = {20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000};
        for (double m : marks) {
            if (m < lo || m > hi) continue;
            double x = logX(m, lo, hi);
            line(x, top, x, bottom, GRID, 1, null);
            text(x, bottom + 15, Fmt.hz(m), "middle", AXIS, null);
        }
        return this;
    }

    Svg legend(double x, double y, String color, String label, boolean dashed) {
        line(x, y - 4, x + 18, y - 4, color, 2.5, dashed ? "stroke-dasharray=\"5 3\"" : null);
        return text(x + 24, y, label, "start", TEXT, null);
    }

    Svg raw(String s) {
        out.append(s);
        return this;
    }

    String done() {
        return out.append("</svg>").toString();
    }

    static String f(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Escapes text for XML content and attributes. */
    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** A [lo, hi] range covering the values with some padding, snapped to {@code step}. */
    static double[] range(List<Double> values, double minLo, double maxHi, double step, double minSpan) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Double v : values) {
            if (v == null || !Double.isFinite(v)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo > hi) return new double[]{minLo, maxHi};
        lo = Math.max(minLo, Math.floor((lo - step / 2) / step) * step);
        hi = Math.min(maxHi, Math.ceil((hi + step / 2) / step) * step);
        if (hi - lo < minSpan) {
            double mid = (hi + lo) / 2;
            lo = Math.floor((mid - minSpan / 2) / step) * step;
            hi = lo + minSpan;
        }
        return new double[]{lo, hi};
    }
}
