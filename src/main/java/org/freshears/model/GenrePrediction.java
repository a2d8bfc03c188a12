package org.freshears.model;

/** One entry of {@code genre.predicted[]}. */
public record GenrePrediction(String genre, double probability) {
}
