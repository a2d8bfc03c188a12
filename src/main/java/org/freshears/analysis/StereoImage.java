package org.freshears.analysis;

/** The {@code stereo} block as CONTRACT.md defines it. Mono files read 1, 0 and 0. */
public record StereoImage(Double correlation, Double width, Double monoLoudnessDropLu) {
}
