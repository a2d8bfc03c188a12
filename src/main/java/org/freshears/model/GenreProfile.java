package org.freshears.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of reference tracks summarised per feature by percentiles. {@code thin} when it rests on fewer tracks
 * than the model's threshold (5 by default): then its percentiles are a rough sketch, not a norm.
 */
public record GenreProfile(String genre, int tracks, boolean thin, List<FeatureStats> features) {

    public GenreProfile {
        features = List.copyOf(features);
    }

    /** The profile of the given rows (feature vectors, one per track) over the given feature names. */
    public static GenreProfile of(String genre, List<String> names, List<double[]> rows, int thinBelow) {
        List<FeatureStats> stats = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            double[] column = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) column[i] = rows.get(i)[j];
            stats.add(FeatureStats.of(names.get(j), column));
        }
        return new GenreProfile(genre, rows.size(), rows.size() < thinBelow, stats);
    }

    /** The position of each of a mix's features within this profile, in this profile's feature order. */
    public List<FeaturePosition> positions(FeatureVector mix) {
        List<FeaturePosition> out = new ArrayList<>();
        for (FeatureStats s : features) {
            int i = FeatureVector.NAMES.indexOf(s.feature());
            out.add(s.position(i < 0 ? Double.NaN : mix.get(i)));
        }
        return out;
    }
}
