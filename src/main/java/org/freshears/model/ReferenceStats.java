package org.freshears.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is derived from the training rows alone, the same way after fitting and after loading: imputation
 * medians, standardisation (mean and standard deviation per feature), per-genre profiles, and the
 * nearest-neighbour index.
 */
record ReferenceStats(List<String> names, int[] vectorIndex, double[] fill, double[] mean, double[] sd,
                      List<FeatureTable.Row> references, Map<String, GenreProfile> profiles) {

    static ReferenceStats of(FeatureTable table, List<String> genres, int thinBelow) {
        List<FeatureTable.Row> train = table.trainRows();
        List<String> names = table.featureNames();
        double[][] x = new double[train.size()][];
        for (int i = 0; i < x.length; i++) x[i] = train.get(i).values();
        int p = names.size();
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            double s2 = 0;
            int n = 0;
            for (double[] row : x) {
                if (Double.isFinite(row[j])) {
                    s += row[j];
                    s2 += row[j] * row[j];
                    n++;
                }
            }
            mean[j] = n == 0 ? 0 : s / n;
            double var = n < 2 ? 0 : (s2 - n * mean[j] * mean[j]) / (n - 1);
            sd[j] = var > 1e-18 ? Math.sqrt(var) : 1;
        }
        Map<String, GenreProfile> profiles = new LinkedHashMap<>();
        for (String g : genres) {
            List<double[]> rows = train.stream().filter(r -> r.genre().equals(g)).map(FeatureTable.Row::values).toList();
            profiles.put(g, GenreProfile.of(g, names, rows, thinBelow));
        }
        int[] index = new int[p];
        for (int j = 0; j < p; j++) index[j] = FeatureVector.NAMES.indexOf(names.get(j));
        return new ReferenceStats(List.copyOf(names), index, Imputation.medians(x), mean, sd, List.copyOf(train),
                java.util.Collections.unmodifiableMap(profiles));
    }

    /** The mix's values in this table's feature order (NaN for features the vector does not have). */
    double[] align(FeatureVector mix) {
        double[] out = new double[vectorIndex.length];
        for (int j = 0; j < out.length; j++) out[j] = vectorIndex[j] < 0 ? Double.NaN : mix.get(vectorIndex[j]);
        return out;
    }

    /**
     * Standardised Euclidean distance over the features both tracks have, scaled up to the full feature count
     * so that tracks missing a few bands are not favoured; +∞ when they share none.
     */
    double distance(double[] a, double[] b) {
        double sum = 0;
        int common = 0;
        for (int j = 0; j < a.length; j++) {
            if (Double.isFinite(a[j]) && Double.isFinite(b[j])) {
                double d = (a[j] - b[j]) / sd[j];
                sum += d * d;
                common++;
            }
        }
        return common == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(sum * a.length / common);
    }

    List<NearestReference> nearest(double[] mix, int k) {
        List<NearestReference> all = new ArrayList<>();
        for (FeatureTable.Row r : references) all.add(new NearestReference(r.path(), r.genre(), distance(mix, r.values())));
        all.sort(Comparator.comparingDouble(NearestReference::distance).thenComparing(NearestReference::path));
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }
}
