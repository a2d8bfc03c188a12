package org.freshears.model;

/** A reference track near the mix: its path, genre, and standardised Euclidean distance (z-scored features). */
public record NearestReference(String path, String genre, double distance) {
}
