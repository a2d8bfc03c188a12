package org.freshears.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Dynamics: crest factor per band (how much the peaks stand above the body in each band) next to the
 * distribution of short-term loudness (a narrow, tall histogram is a flat, squashed track).
 */
public final class SvgDynamics {
    /** A band's crest factor in dB (null when not measured). */
    public record Crest(String band, Double db) {
    }

    private SvgDynamics() {}

    /** The plot, or null when neither crest per band nor a timeline exist. */
    public static String draw(List<Crest> crest, List<Double> shortTerm) {
        boolean hasCrest = crest != null && crest.stream().anyMatch(c -> c.db() != null);
        List<Double> st = shortTerm == null ? List.of() : shortTerm.stream().filter(v -> v != null).toList();
        if (!hasCrest && st.size() < 3) return null;
        Svg s = new Svg(900, 230, 46, 28, 14, 34, "Dynamics: crest factor per band and loudness distribution");
        double half = (s.plotWidth() - 40) / 2;
        if (hasCrest) {
            List<Double> vals = new ArrayList<>();
            crest.forEach(c -> vals.add(c.db()));
            vals.add(0.0);
            double[] r = Svg.range(vals, 0, 40, 5, 15);
            for (double v = r[0]; v <= r[1] + 1e-9; v += 5) {
                double y = s.linY(v, r[0], r[1]);
                s.line(s.left, y, s.left + half, y, Svg.GRID, 1, null);
                s.text(s.left - 6, y + 4, Fmt.num(v, 0), "end", Svg.AXIS, null);
            }
            s.text(s.left, 16, "crest factor per band (dB, peak over RMS)", "start", Svg.TEXT, null);
            double slot = half / crest.size();
            for (int i = 0; i < crest.size(); i++) {
                Crest c = crest.get(i);
                double x = s.left + i * slot + slot * 0.18;
                if (c.db() != null) {
                    double y = s.linY(c.db(), r[0], r[1]);
                    String color = c.db() < 8 ? Svg.BAD : c.db() < 11 ? Svg.TARGET : Svg.MIX;
                    s.rect(x, y, slot * 0.64, s.bottom - y, color, "rx=\"2\" fill-opacity=\"0.85\"");
                    s.text(x + slot * 0.32, y - 4, Fmt.num(c.db(), 1), "middle", Svg.TEXT, "font-size=\"10\"");
                }
                s.text(s.left + (i + 0.5) * slot, s.bottom + 15, c.band(), "middle", Svg.AXIS, "font-size=\"10\"");
            }
        }
        if (st.size() >= 3) {
            double hl = s.left + half + 46, hr = s.right;
            double lo = Math.floor(st.stream().mapToDouble(Double::doubleValue).min().orElse(-40));
            double hi = Math.ceil(st.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            lo = Math.max(lo, hi - 36);
            int bins = (int) Math.max(6, Math.min(36, hi - lo));
            double w = Math.max(1e-9, (hi - lo) / bins);
            int[] count = new int[bins];
            for (double v : st) count[(int) Math.max(0, Math.min(bins - 1, (v - lo) / w))]++;
            int max = 1;
            for (int c : count) max = Math.max(max, c);
            s.text(hl, 16, "time spent at each short-term loudness (LUFS)", "start", Svg.TEXT, null);
            double bw = (hr - hl) / bins;
            for (int i = 0; i < bins; i++) {
                double h = count[i] / (double) max * s.plotHeight();
                s.rect(hl + i * bw + 0.5, s.bottom - h, bw - 1, h, Svg.MIX, "fill-opacity=\"0.75\"");
            }
            s.line(hl, s.bottom, hr, s.bottom, Svg.AXIS, 1, null);
            for (int i = 0; i <= bins; i += Math.max(1, bins / 6)) {
                s.text(hl + i * bw, s.bottom + 15, Fmt.num(lo + i * w, 0), "middle", Svg.AXIS, null);
            }
        }
        return s.done();
    }
}
