package org.freshears.analysis;

import java.util.List;

/**
 * The {@code stereo} block as CONTRACT.md defines it. Mono files read correlation 1, width 0, drop 0.
 *
 * @param correlation        Pearson correlation of L and R (−1…1)
 * @param width              side energy over mid-plus-side energy (0 mono, 0.5 uncorrelated, 1 inverted)
 * @param monoLoudnessDropLu how much quieter (LU) the mono fold-down (L+R)/2 reads than the stereo track
 * @param bands              correlation and width per named band (same names as spectrum.bands)
 * @param lowEndWidth        width below 120 Hz (is the low end mono?)
 * @param balanceDb          left level minus right level, dB (positive = leans left)
 * @param polarityInverted   true when one channel looks polarity-inverted (strong negative correlation)
 * @param goniometer         a compact histogram of (side, mid) sample pairs for a plot
 */
public record StereoImage(Double correlation, Double width, Double monoLoudnessDropLu, List<BandStereo> bands,
                          Double lowEndWidth, Double balanceDb, boolean polarityInverted, Goniometer goniometer) {
}
