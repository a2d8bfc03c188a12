package org.freshears.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Tonal balance: the mix's 1/3-octave levels (relative to its 20 Hz–20 kHz total) against the target genre's
 * 10–90 % and 25–75 % bands, with reference tracks and the previous version overlaid.
 */
public final class SvgTonal {
    /** A named curve of (frequency Hz, level dB) points. */
    public record Curve(String label, List<double[]> points) {
    }

    /** The genre's spread of levels at one frequency: percentiles 10, 25, 50, 75, 90 (dB). */
    public record TargetBand(double freqHz, double p10, double p25, double p50, double p75, double p90) {
    }

    private static final double LO = 20, HI = 20000;

    private SvgTonal() {}

    /** The plot, or null when the mix has no spectrum. */
    public static String draw(Curve mix, List<TargetBand> target, List<Curve> references, Curve previous,
                              String targetLabel) {
        if (mix == null || mix.points().isEmpty()) return null;
        List<Double> all = new ArrayList<>();
        mix.points().forEach(p -> all.add(p[1]));
        for (TargetBand t : target) {
            all.add(t.p10());
            all.add(t.p90());
        }
        references.forEach(r -> r.points().forEach(p -> all.add(p[1])));
        if (previous != null) previous.points().forEach(p -> all.add(p[1]));
        double[] r = Svg.range(all, -80, 20, 5, 20);
        Svg s = new Svg(900, 340, 46, 30, 14, 30, "Tonal balance: 1/3-octave levels against the target");
        s.frequencyGrid(LO, HI).yGrid(r[0], r[1], 5, "");
        if (!target.isEmpty()) {
            List<double[]> p10 = new ArrayList<>(), p25 = new ArrayList<>(), p50 = new ArrayList<>(),
                    p75 = new ArrayList<>(), p90 = new ArrayList<>();
            for (TargetBand t : target) {
                double x = s.logX(t.freqHz(), LO, HI);
                p10.add(new double[]{x, s.linY(t.p10(), r[0], r[1])});
                p25.add(new double[]{x, s.linY(t.p25(), r[0], r[1])});
                p50.add(new double[]{x, s.linY(t.p50(), r[0], r[1])});
                p75.add(new double[]{x, s.linY(t.p75(), r[0], r[1])});
                p90.add(new double[]{x, s.linY(t.p90(), r[0], r[1])});
            }
            s.band(p90, p10, Svg.TARGET, 0.12).band(p75, p25, Svg.TARGET, 0.22);
            s.polyline(p50, Svg.TARGET, 1.2, "stroke-dasharray=\"4 3\" stroke-opacity=\"0.8\"");
        }
        for (int i = 0; i < references.size(); i++) {
            s.polyline(project(s, references.get(i), r), Svg.REFERENCES[i % Svg.REFERENCES.length], 1.5,
                    "stroke-opacity=\"0.85\"");
        }
        if (previous != null) s.polyline(project(s, previous, r), Svg.PREVIOUS, 1.5, "stroke-dasharray=\"5 3\"");
        s.polyline(project(s, mix, r), Svg.MIX, 2.6, null);
        for (double[] p : project(s, mix, r)) if (p != null) s.raw(dot(p));
        double lx = s.left + 8;
        double ly = 18;
        s.legend(lx, ly, Svg.MIX, mix.label(), false);
        lx += 40 + 7 * mix.label().length();
        if (!target.isEmpty()) {
            s.rect(lx, ly - 9, 18, 10, Svg.TARGET, "fill-opacity=\"0.35\"");
            s.text(lx + 24, ly, targetLabel + " 25–75 % / 10–90 %", "start", Svg.TEXT, null);
            lx += 60 + 7 * (targetLabel.length() + 18);
        }
        if (previous != null) {
            s.legend(lx, ly, Svg.PREVIOUS, previous.label(), true);
            lx += 40 + 7 * previous.label().length();
        }
        for (int i = 0; i < references.size() && lx < 820; i++) {
            String label = references.get(i).label();
            s.legend(lx, ly, Svg.REFERENCES[i % Svg.REFERENCES.length], label, false);
            lx += 40 + 7 * label.length();
        }
        s.text(s.left - 40, s.top - 6, "dB", "start", Svg.AXIS, null);
        return s.done();
    }

    private static String dot(double[] p) {
        return "<circle cx=\"" + Svg.f(p[0]) + "\" cy=\"" + Svg.f(p[1]) + "\" r=\"2.2\" fill=\"" + Svg.MIX + "\"/>";
    }

    private static List<double[]> project(Svg s, Curve c, double[] r) {
        List<double[]> out = new ArrayList<>();
        for (double[] p : c.points()) {
            out.add(p == null || !Double.isFinite(p[1]) ? null
                    : new double[]{s.logX(p[0], LO, HI), s.linY(p[1], r[0], r[1])});
        }
        return out;
    }
}
