package org.freshears.analysis;

import java.util.List;

/**
 * Features of one stretch of the track (2–4 s windows, longer for very long files so that the document stays
 * compact), so that advice can say where a problem lives.
 *
 * @param loudnessLufs loudness of the stretch (BS.1770, ungated)
 * @param bandsDb      the seven named band levels of this stretch, relative to this stretch's total, same order
 *                     as spectrum.bands
 * @param width        stereo width of the stretch
 */
public record Section(double startSeconds, double endSeconds, Double loudnessLufs, List<Double> bandsDb,
                      Double width) {
}
