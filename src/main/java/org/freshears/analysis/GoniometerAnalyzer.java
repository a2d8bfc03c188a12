package org.freshears.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Goniometer (Lissajous) histogram of every {@value #STEP}th frame (by absolute frame index, so any block size gives the
 * same histogram; a few million points are plenty for a 32×32 picture). Each frame is the point x = (R−L)/2 (left channel to the left), y = (L+R)/2
 * (mid up). Points are counted on a fine 512×512 grid over [−1, 1]² (values beyond full scale land on the edge);
 * at the end the grid is re-binned, sharing each fine cell by area, to {@value #SIZE}×{@value #SIZE} cells over
 * [−m, m]² where m is the largest |x| or |y| seen, so that quiet tracks still fill the plot. Cells are row-major,
 * row 0 at the top (+mid), and scaled 0…255 on a logarithmic scale: round(255·ln(1+n)/ln(1+max)).
 */
final class GoniometerAnalyzer implements BlockAnalyzer {
    static final int SIZE = 32;
    static final int FINE = 512;
    static final int STEP = 4;

    private final int channels, left, right;
    private final int[] fine = new int[FINE * FINE];
    private long points;
    private long frameIndex;

    /** {@code left} and {@code right}: the front pair's channels ({@link org.freshears.audio.ChannelLayout#left()}). */
    GoniometerAnalyzer(int channels, int left, int right) {
        this.channels = channels;
        this.left = left;
        this.right = right;
    }

    @Override
    public void accept(float[][] block, int n) {
        float[] l = block[left], r = channels > 1 ? block[right] : block[left];
        int[] h = fine;
        final float scale = FINE / 2f;
        int first = (int) ((STEP - frameIndex % STEP) % STEP);
        for (int i = first; i < n; i += STEP) {
            float a = l[i], b = r[i];
            int ix = (int) ((b - a) * 0.5f * scale + scale);
            int iy = (int) (scale - (a + b) * 0.5f * scale);
            ix = Math.min(FINE - 1, Math.max(0, ix));
            iy = Math.min(FINE - 1, Math.max(0, iy));
            h[iy * FINE + ix]++;
            points++;
        }
        frameIndex += n;
    }

    Goniometer result() {
        if (points == 0) return new Goniometer(SIZE, List.of());
        int extent = 1; // in fine cells from the centre
        for (int y = 0; y < FINE; y++) {
            for (int x = 0; x < FINE; x++) {
                if (fine[y * FINE + x] == 0) continue;
                int dx = x < FINE / 2 ? FINE / 2 - x : x - FINE / 2 + 1;
                int dy = y < FINE / 2 ? FINE / 2 - y : y - FINE / 2 + 1;
                extent = Math.max(extent, Math.max(dx, dy));
            }
        }
        double[] coarse = new double[SIZE * SIZE];
        double lo = FINE / 2.0 - extent, cell = 2.0 * extent / SIZE; // fine units per coarse cell
        for (int y = 0; y < FINE; y++) {
            for (int x = 0; x < FINE; x++) {
                int count = fine[y * FINE + x];
                if (count == 0) continue;
                spread(coarse, count, (x - lo) / cell, (x + 1 - lo) / cell, (y - lo) / cell, (y + 1 - lo) / cell);
            }
        }
        double max = 0;
        for (double v : coarse) max = Math.max(max, v);
        List<Integer> cells = new ArrayList<>(SIZE * SIZE);
        double norm = Math.log1p(max);
        for (double v : coarse) cells.add(max > 0 ? (int) Math.round(255 * Math.log1p(v) / norm) : 0);
        return new Goniometer(SIZE, cells);
    }

    /** Shares count over the coarse cells that [x0,x1)×[y0,y1) (coarse units) overlaps, by area. */
    private static void spread(double[] coarse, int count, double x0, double x1, double y0, double y1) {
        double area = (x1 - x0) * (y1 - y0);
        for (int cy = Math.max(0, (int) Math.floor(y0)); cy < Math.min(SIZE, Math.ceil(y1)); cy++) {
            double oy = Math.min(y1, cy + 1) - Math.max(y0, cy);
            if (oy <= 0) continue;
            for (int cx = Math.max(0, (int) Math.floor(x0)); cx < Math.min(SIZE, Math.ceil(x1)); cx++) {
                double ox = Math.min(x1, cx + 1) - Math.max(x0, cx);
                if (ox > 0) coarse[cy * SIZE + cx] += count * ox * oy / area;
            }
        }
    }
}
