package org.freshears.report;

import java.util.List;

/**
 * The stereo cloud: a density plot of (side, mid) sample pairs. A mono signal is a vertical line, wide material
 * spreads sideways, anything leaning towards the horizontal axis is out of phase.
 */
public final class SvgGoniometer {
    private SvgGoniometer() {}

    /**
     * @param size  cells per side
     * @param cells row-major densities 0…255 (row 0 = top = +mid, column 0 = left = −side... as measured)
     * @return the plot, or null when there is no histogram
     */
    public static String draw(int size, List<Integer> cells, Double correlation) {
        if (size <= 0 || cells == null || cells.size() < size * size) return null;
        double box = 260;
        Svg s = new Svg(300, 300, 20, 20, 20, 20, "Goniometer: stereo cloud of side against mid");
        double cx = s.left + box / 2, cy = s.top + box / 2;
        s.raw("<circle cx=\"" + Svg.f(cx) + "\" cy=\"" + Svg.f(cy) + "\" r=\"" + Svg.f(box / 2)
                + "\" fill=\"#101317\" stroke=\"" + Svg.GRID + "\"/>");
        s.line(cx, s.top, cx, s.top + box, Svg.GRID, 1, null).line(s.left, cy, s.left + box, cy, Svg.GRID, 1, null);
        double d = box / 2 * Math.sqrt(0.5);
        s.line(cx - d, cy - d, cx + d, cy + d, Svg.GRID, 1, "stroke-dasharray=\"3 3\"");
        s.line(cx + d, cy - d, cx - d, cy + d, Svg.GRID, 1, "stroke-dasharray=\"3 3\"");
        double cell = box / size;
        StringBuilder g = new StringBuilder("<g fill=\"" + Svg.MIX + "\">");
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                Integer v = cells.get(row * size + col);
                if (v == null || v <= 0) continue;
                double a = Math.min(1, 0.15 + Math.sqrt(v / 255.0) * 0.85);
                g.append("<rect x=\"").append(Svg.f(s.left + col * cell)).append("\" y=\"")
                        .append(Svg.f(s.top + row * cell)).append("\" width=\"").append(Svg.f(cell + 0.3))
                        .append("\" height=\"").append(Svg.f(cell + 0.3)).append("\" fill-opacity=\"")
                        .append(Svg.f(a)).append("\"/>");
            }
        }
        s.raw(g.append("</g>").toString());
        s.text(cx, s.top - 6, "M", "middle", Svg.AXIS, null);
        s.text(cx - d - 6, cy - d - 2, "L", "end", Svg.AXIS, null);
        s.text(cx + d + 6, cy - d - 2, "R", "start", Svg.AXIS, null);
        s.text(s.left + box + 4, cy + 4, "S", "start", Svg.AXIS, null);
        if (correlation != null) {
            s.text(cx, s.top + box + 16, "correlation " + Fmt.num(correlation, 2), "middle", Svg.TEXT, null);
        }
        return s.done();
    }
}
