package org.freshears.analysis;

/** A stretch of the track and its level, e.g. the loudest 10 s. */
public record Stretch(double startSeconds, double endSeconds, Double lufs) {
}
