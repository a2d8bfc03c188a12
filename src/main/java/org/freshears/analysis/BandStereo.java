package org.freshears.analysis;

/** Correlation and width of one named band. */
public record BandStereo(String band, Double correlation, Double width) {
}
