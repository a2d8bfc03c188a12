package org.freshears.analysis;

import java.util.List;

/**
 * The {@code stereo} block as CONTRACT.md defines it. Mono files read correlation 1, width 0, drop 0. With more
 * than two channels, L and R are the front left and right channels of the file's channel layout
 * ({@link org.freshears.audio.ChannelLayout#left()}), and every figure here is of that pair.
 *
 * @param correlation        Pearson correlation of L and R (−1…1), time domain, means removed
 * @param width              side energy over mid-plus-side energy (0 mono, 0.5 uncorrelated, 1 inverted)
 * @param monoLoudnessDropLu how much quieter (LU) the mono fold-down (L+R)/2, played on both speakers, reads than the
 *                           stereo track (BS.1770 integrated): L = R gives 0, uncorrelated L and R 3.0; when the
 *                           fold-down cancels below −70 LUFS the drop is taken against −70 LUFS (a lower bound).
 *                           With more than two channels the fold-down is compared with the front pair alone (the
 *                           same gated measurement of L and R, weight 1.0 each), not with the loudness of all
 *                           channels, and the drop is null when that pair is silent
 * @param bands              correlation and width per named band, from the Welch cross-spectrum of L and R:
 *                           width = S/(M+S), correlation = ΣRe(L·R*)/√(Σ|L|²·Σ|R|²) over the band's bins
 * @param lowEndWidth        width 20–120 Hz (is the low end mono?)
 * @param balanceDb          left energy over right energy, dB (positive = leans left; ±60 dB when one side is silent)
 * @param polarityInverted   correlation ≤ −0.5 overall or between 20 and 250 Hz, where mixes are nearly mono
 * @param goniometer         a compact histogram of (side, mid) sample pairs for a plot
 */
public record StereoImage(Double correlation, Double width, Double monoLoudnessDropLu, List<BandStereo> bands,
                          Double lowEndWidth, Double balanceDb, boolean polarityInverted, Goniometer goniometer) {
}
