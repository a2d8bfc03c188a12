package org.freshears.analysis;

import java.util.List;

/**
 * Everything measured from the audio alone, in one streaming pass: the measurement half of the analysis
 * document. No genre, no advice.
 *
 * @param findings the measurable-defect findings that need no genre (clipping, phase, DC, ...)
 * @param warnings decoder and measurement warnings (truncation, NaN samples, ...)
 * @param texture  rhythm and timbre (for the genre model), or null when not measured
 */
public record MixFeatures(FileInfo file, LoudnessStats loudness, DynamicsStats dynamics, SpectralBalance spectrum,
                          StereoImage stereo, TechnicalStats technical, Timeline timeline, List<Section> sections,
                          List<Finding> findings, List<String> warnings, Texture texture) {

    /** Without the texture block (features built by hand, or read from a document that predates it). */
    public MixFeatures(FileInfo file, LoudnessStats loudness, DynamicsStats dynamics, SpectralBalance spectrum,
                       StereoImage stereo, TechnicalStats technical, Timeline timeline, List<Section> sections,
                       List<Finding> findings, List<String> warnings) {
        this(file, loudness, dynamics, spectrum, stereo, technical, timeline, sections, findings, warnings, null);
    }

    /** The same features with {@code warning} added to the warnings. */
    public MixFeatures withWarning(String warning) {
        List<String> w = new java.util.ArrayList<>(warnings == null ? List.of() : warnings);
        w.add(warning);
        return new MixFeatures(file, loudness, dynamics, spectrum, stereo, technical, timeline, sections, findings,
                List.copyOf(w), texture);
    }
}
