package org.freshears.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded synthetic feature tables: genres separated along a few features, grouped in packages. */
final class SyntheticTables {
    private SyntheticTables() {}

    /**
     * {@code genres} genres × {@code packages} packages × {@code tracks} tracks; genre g shifts feature g by
     * {@code separation} standard deviations (and each package adds a small offset of its own).
     */
    static FeatureTable table(int genres, int packages, int tracks, double separation, long seed) {
        Random random = new Random(seed);
        int p = FeatureVector.NAMES.size();
        List<FeatureTable.Row> rows = new ArrayList<>();
        for (int g = 0; g < genres; g++) {
            for (int k = 0; k < packages; k++) {
                double[] offset = new double[p];
                for (int j = 0; j < p; j++) offset[j] = 0.3 * random.nextGaussian();
                for (int t = 0; t < tracks; t++) {
                    double[] v = new double[p];
                    for (int j = 0; j < p; j++) v[j] = offset[j] + random.nextGaussian();
                    v[g] += separation;
                    rows.add(new FeatureTable.Row("genre" + g, "pkg" + g + "_" + k,
                            "genre" + g + "/pkg" + g + "_" + k + "__t" + t + ".wav", FeatureTable.TRAIN, v));
                }
            }
        }
        return FeatureTable.of(rows);
    }

    /** A vector with {@code value} everywhere except feature {@code g}, which is {@code value + shift}. */
    static FeatureVector vector(int g, double shift) {
        double[] v = new double[FeatureVector.NAMES.size()];
        v[g] = shift;
        return new FeatureVector(v);
    }

    static ReferenceModel.Options fast() {
        return new ReferenceModel.Options(ReferenceModel.Algorithm.RANDOM_FOREST, 30, 4, 2, 7L, 5, 2, 3);
    }
}
