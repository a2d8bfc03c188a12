package org.freshears.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A mix against a handful of the user's own reference tracks: the references' percentile profile of every
 * feature and where the mix sits in it. All features are relative to each track's own level, so the comparison
 * is loudness-matched by construction. {@code thin} below {@code thinBelow} references (5 by default): with so
 * few, the percentiles are a sketch.
 */
public record ReferenceComparison(int references, boolean thin, GenreProfile profile, List<FeaturePosition> positions) {

    public static final int THIN_BELOW = 5;

    public ReferenceComparison {
        positions = List.copyOf(positions);
    }

    public static ReferenceComparison of(FeatureVector mix, List<FeatureVector> references) {
        if (references.isEmpty()) throw new ModelException("compare needs at least one reference track");
        List<double[]> rows = new ArrayList<>();
        for (FeatureVector r : references) rows.add(r.values());
        GenreProfile profile = GenreProfile.of("references", FeatureVector.NAMES, rows, THIN_BELOW);
        return new ReferenceComparison(references.size(), profile.thin(), profile, profile.positions(mix));
    }
}
