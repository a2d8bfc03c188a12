package org.freshears.analysis;

/** A value for one named band (e.g. crest factor of {@code bass}). */
public record BandValue(String band, Double value) {
}
