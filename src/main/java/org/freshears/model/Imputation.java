package org.freshears.model;

import java.util.Arrays;

/**
 * Fills missing cells for the classifier with the column's median over the training tracks (all genres
 * together), so that a missing band says nothing about the genre. Columns missing everywhere read 0.
 */
final class Imputation {
    private Imputation() {}

    static double[] medians(double[][] x) {
        int p = x.length == 0 ? 0 : x[0].length;
        double[] fill = new double[p];
        for (int j = 0; j < p; j++) {
            double[] col = new double[x.length];
            for (int i = 0; i < x.length; i++) col[i] = x[i][j];
            double m = Percentiles.of(Percentiles.sortedFinite(col), 50);
            fill[j] = Double.isNaN(m) ? 0 : m;
        }
        return fill;
    }

    static double[] apply(double[] row, double[] fill) {
        double[] out = Arrays.copyOf(row, row.length);
        for (int j = 0; j < out.length; j++) if (!Double.isFinite(out[j])) out[j] = fill[j];
        return out;
    }

    static double[][] apply(double[][] x, double[] fill) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = apply(x[i], fill);
        return out;
    }
}
