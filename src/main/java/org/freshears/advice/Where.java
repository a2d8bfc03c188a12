package org.freshears.advice;

import java.util.List;
import org.freshears.analysis.Section;
import org.freshears.analysis.Stretch;

/** Finds where in the track a problem is worst, from the per-section features. */
final class Where {
    private Where() {}

    /**
     * The stretch where {@code value(section)} is most extreme in {@code sign}'s direction (+1 highest, −1
     * lowest), grown over neighbouring sections that stay within {@code tolerance} of that extreme. Returns
     * null when the worst stretch is no worse than the whole track by more than {@code minContrast}, i.e. when
     * the problem is everywhere.
     */
    static Stretch worst(List<Section> sections, java.util.function.Function<Section, Double> value, int sign,
                         double trackValue, double tolerance, double minContrast) {
        if (sections == null || sections.size() < 3) return null;
        int best = -1;
        double bestV = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < sections.size(); i++) {
            Double v = value.apply(sections.get(i));
            if (v == null || !Double.isFinite(v)) continue;
            if (sign * v > bestV) {
                bestV = sign * v;
                best = i;
            }
        }
        if (best < 0 || bestV - sign * trackValue < minContrast) return null;
        int lo = best;
        int hi = best;
        while (lo > 0 && within(sections.get(lo - 1), value, sign, bestV, tolerance)) lo--;
        while (hi < sections.size() - 1 && within(sections.get(hi + 1), value, sign, bestV, tolerance)) hi++;
        if (hi - lo + 1 > sections.size() * 0.6) return null;
        return new Stretch(sections.get(lo).startSeconds(), sections.get(hi).endSeconds(), sign * bestV);
    }

    private static boolean within(Section s, java.util.function.Function<Section, Double> value, int sign,
                                  double bestV, double tolerance) {
        Double v = value.apply(s);
        return v != null && Double.isFinite(v) && bestV - sign * v <= tolerance;
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return (s / 60) + ":" + String.format("%02d", s % 60);
    }

    static String phrase(Stretch s) {
        if (s == null) return "";
        String from = clock(s.startSeconds()), to = clock(s.endSeconds());
        return from.equals(to) ? ", worst at " + from : ", worst from " + from + " to " + to;
    }
}
