package org.freshears.model;

import java.util.List;

/**
 * The {@code genre} block: the target genre (the user's choice, else the top prediction) and the sorted
 * predictions.
 */
public record GenreAssessment(String target, List<GenrePrediction> predicted) {
}
