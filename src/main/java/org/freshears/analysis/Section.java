package org.freshears.analysis;

/** Features of one stretch of the track, so that advice can say where a problem lives. */
public record Section(double startSeconds, double endSeconds, Double shortTermLufs) {
}
