package org.freshears.analysis;

import java.util.List;

/**
 * Everything measured from the audio alone, in one streaming pass: the measurement half of the analysis
 * document. No genre, no advice.
 *
 * @param findings the measurable-defect findings that need no genre (clipping, phase, DC, ...)
 * @param warnings decoder and measurement warnings (truncation, NaN samples, ...)
 */
public record MixFeatures(FileInfo file, LoudnessStats loudness, DynamicsStats dynamics, SpectralBalance spectrum,
                          StereoImage stereo, TechnicalStats technical, Timeline timeline, List<Section> sections,
                          List<Finding> findings, List<String> warnings) {
}
