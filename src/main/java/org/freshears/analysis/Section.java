package org.freshears.analysis;

import java.util.List;

/**
 * Features of one stretch of the track, so that advice can say where a problem lives: consecutive 3 s sections, or
 * 3·k s with k = ⌈(duration / 3 s) / 300⌉ so that a long file has at most about 300; the last one may be shorter.
 *
 * @param loudnessLufs loudness of the stretch (BS.1770, ungated): power mean of its consecutive 3 s short-term
 *                     windows; a stretch shorter than 3 s takes the 3 s window ending at its end
 * @param bandsDb      the seven named band levels of this stretch (dB, 0.1 dB steps), relative to this stretch's
 *                     20 Hz–20 kHz total, same order as spectrum.bands (Welch segments whose centre falls inside)
 * @param width        stereo width (side over mid+side energy) of the stretch
 */
public record Section(double startSeconds, double endSeconds, Double loudnessLufs, List<Double> bandsDb,
                      Double width) {
}
