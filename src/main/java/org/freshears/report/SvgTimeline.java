package org.freshears.report;

import java.util.ArrayList;
import java.util.List;

/** Short-term loudness over time, with the platform target, the integrated level and the loudest stretch. */
public final class SvgTimeline {
    private SvgTimeline() {}

    /**
     * @param stepSeconds  time between points
     * @param shortTerm    short-term LUFS per step, null where silent
     * @param targetLufs   the platform's integrated target (dashed line), or null
     * @param integrated   the track's integrated loudness, or null
     * @param loudest      {start, end} seconds of the loudest stretch, or null
     * @return the plot, or null when there is no timeline
     */
    public static String draw(double stepSeconds, List<Double> shortTerm, Double targetLufs, Double integrated,
                              double[] loudest, String targetLabel) {
        if (shortTerm == null || shortTerm.stream().noneMatch(v -> v != null) || stepSeconds <= 0) return null;
        double duration = stepSeconds * Math.max(1, shortTerm.size() - 1);
        List<Double> all = new ArrayList<>(shortTerm);
        if (targetLufs != null) all.add(targetLufs);
        double[] r = Svg.range(all, -70, 6, 6, 24);
        Svg s = new Svg(900, 250, 46, 26, 14, 30, "Short-term loudness over time");
        s.yGrid(r[0], r[1], 6, "");
        double tick = niceTick(duration);
        for (double t = 0; t <= duration + 1e-9; t += tick) {
            double x = s.linX(t, 0, duration);
            s.line(x, s.top, x, s.bottom, Svg.GRID, 1, null);
            s.text(x, s.bottom + 15, Fmt.clock(t), "middle", Svg.AXIS, null);
        }
        if (loudest != null) {
            double x0 = s.linX(Math.max(0, loudest[0]), 0, duration), x1 = s.linX(Math.min(duration, loudest[1]), 0, duration);
            s.rect(x0, s.top, x1 - x0, s.plotHeight(), Svg.BAD, "fill-opacity=\"0.14\"");
            s.text((x0 + x1) / 2, s.top + 12, "loudest", "middle", Svg.BAD, null);
        }
        List<double[]> pts = new ArrayList<>();
        List<double[]> upper = new ArrayList<>(), lower = new ArrayList<>();
        for (int i = 0; i < shortTerm.size(); i++) {
            Double v = shortTerm.get(i);
            if (v == null) {
                pts.add(null);
                continue;
            }
            double x = s.linX(i * stepSeconds, 0, duration);
            double y = s.linY(v, r[0], r[1]);
            pts.add(new double[]{x, y});
            upper.add(new double[]{x, y});
            lower.add(new double[]{x, s.bottom});
        }
        s.band(upper, lower, Svg.MIX, 0.10);
        s.polyline(pts, Svg.MIX, 1.8, null);
        if (integrated != null) {
            double y = s.linY(integrated, r[0], r[1]);
            s.line(s.left, y, s.right, y, Svg.TEXT, 1, "stroke-dasharray=\"2 3\" stroke-opacity=\"0.7\"");
        }
        if (targetLufs != null) {
            double y = s.linY(targetLufs, r[0], r[1]);
            s.line(s.left, y, s.right, y, Svg.TARGET, 1.6, "stroke-dasharray=\"6 4\"");
        }
        double lx = s.left + 8;
        s.legend(lx, 16, Svg.MIX, "short-term (3 s)", false);
        if (integrated != null) s.legend(lx + 150, 16, Svg.TEXT, "integrated " + Fmt.num(integrated, 1), true);
        if (targetLufs != null) s.legend(lx + 310, 16, Svg.TARGET, targetLabel, true);
        s.text(s.left - 40, s.top - 6, "LUFS", "start", Svg.AXIS, null);
        return s.done();
    }

    static double niceTick(double duration) {
        double[] ticks = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200};
        for (double t : ticks) if (duration / t <= 12) return t;
        return 1800;
    }
}
