package org.freshears.model;

import java.util.List;

/**
 * The {@code genre} block: the target genre (the user's choice, else the top prediction) and the sorted
 * predictions, the nearest reference tracks, and where each of the mix's features sits in the target genre's
 * profile.
 *
 * @param target    the genre the mix is judged against
 * @param predicted genre probabilities, most probable first (empty without a model)
 * @param nearest   the reference tracks nearest to the mix (z-scored features, Euclidean)
 * @param positions per feature: the mix's value, the target's p10/p25/p50/p75/p90, percentile and
 *                  {@code outside} (0 inside the 10–90 % band, else signed distance in band widths)
 * @param source    {@code user} when the user named the genre, else {@code predicted}
 * @param thin      the target's profile rests on too few tracks to be a norm
 * @param modelAccuracy the classifier's package-grouped cross-validated top-1 accuracy (0–1), so that a reader can
 *                  weigh {@code predicted}; null without a model or a cross-validation
 */
public record GenreAssessment(String target, List<GenrePrediction> predicted, List<NearestReference> nearest,
                              List<FeaturePosition> positions, String source, boolean thin, Double modelAccuracy) {

    public static final String USER = "user";
    public static final String PREDICTED = "predicted";

    public GenreAssessment {
        predicted = predicted == null ? List.of() : List.copyOf(predicted);
        nearest = nearest == null ? List.of() : List.copyOf(nearest);
        positions = positions == null ? List.of() : List.copyOf(positions);
    }

    /** Target and predictions only (no model profile to compare with). */
    public GenreAssessment(String target, List<GenrePrediction> predicted) {
        this(target, predicted, List.of(), List.of(), predicted == null || predicted.isEmpty() ? USER : PREDICTED,
                false, null);
    }
}
