package org.freshears.report;

import java.util.List;

/** Stereo width (0…1) and L/R correlation (−1…1) per named band, side by side. */
public final class SvgStereo {
    /** One band's values; either may be null. */
    public record Band(String name, Double width, Double correlation) {
    }

    private SvgStereo() {}

    /** The plot, or null when no band has a value. */
    public static String draw(List<Band> bands) {
        if (bands == null || bands.stream().allMatch(b -> b.width() == null && b.correlation() == null)) return null;
        Svg s = new Svg(620, 300, 40, 30, 8, 34, "Stereo width and correlation per band");
        double half = (s.plotWidth() - 40) / 2;
        int n = bands.size();
        // width panel
        double wl = s.left, wr = s.left + half;
        for (double v = 0; v <= 1.0001; v += 0.25) {
            double y = s.linY(v, 0, 1);
            s.line(wl, y, wr, y, Svg.GRID, 1, null);
            s.text(wl - 6, y + 4, Fmt.num(v, 2), "end", Svg.AXIS, null);
        }
        s.text(wl, 16, "width (side / (mid + side))", "start", Svg.TEXT, null);
        double slot = half / n;
        for (int i = 0; i < n; i++) {
            Band b = bands.get(i);
            double x = wl + i * slot + slot * 0.18;
            if (b.width() != null) {
                double y = s.linY(b.width(), 0, 1);
                String color = b.width() > 0.5 ? Svg.BAD : Svg.MIX;
                s.rect(x, y, slot * 0.64, s.bottom - y, color, "rx=\"2\" fill-opacity=\"0.85\"");
                s.text(x + slot * 0.32, y - 4, Fmt.num(b.width(), 2), "middle", Svg.TEXT, "font-size=\"10\"");
            }
            bandLabel(s, wl + (i + 0.5) * slot, i, b.name());
        }
        // correlation panel
        double cl = wr + 40 + 6, cr = s.right;
        double cs = (cr - cl) / n;
        for (double v = -1; v <= 1.0001; v += 0.5) {
            double y = s.linY(v, -1, 1);
            s.line(cl, y, cr, y, v == 0 ? Svg.AXIS : Svg.GRID, 1, null);
            s.text(cl - 6, y + 4, Fmt.num(v, 1), "end", Svg.AXIS, null);
        }
        s.text(cl, 16, "correlation (L vs R)", "start", Svg.TEXT, null);
        double zero = s.linY(0, -1, 1);
        for (int i = 0; i < n; i++) {
            Band b = bands.get(i);
            double x = cl + i * cs + cs * 0.18;
            if (b.correlation() != null) {
                double y = s.linY(b.correlation(), -1, 1);
                String color = b.correlation() < 0 ? Svg.BAD : b.correlation() < 0.3 ? Svg.TARGET : Svg.MIX;
                s.rect(x, Math.min(y, zero), cs * 0.64, Math.abs(zero - y), color, "rx=\"2\" fill-opacity=\"0.85\"");
                s.text(x + cs * 0.32, (b.correlation() < 0 ? y + 12 : y - 4), Fmt.num(b.correlation(), 2), "middle",
                        Svg.TEXT, "font-size=\"10\"");
            }
            bandLabel(s, cl + (i + 0.5) * cs, i, b.name());
        }
        return s.done();
    }

    /**
     * A band's name under its bar, every other one a line lower: seven names such as "upperMids" do not fit side
     * by side in a half-width panel.
     */
    private static void bandLabel(Svg s, double x, int i, String name) {
        s.text(x, s.bottom + (i % 2 == 0 ? 13 : 26), name, "middle", Svg.AXIS, "font-size=\"10\"");
    }
}
