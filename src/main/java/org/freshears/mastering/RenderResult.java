package org.freshears.mastering;

import org.freshears.audio.OutputFormat;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Renderer#render} produced.
 *
 * @param output                the written file, or null when rendering into a sink
 * @param frames                frames written (always the number of input frames)
 * @param latencyFrames         the chain's delay that was compensated
 * @param limiterMaxReductionDb deepest limiter gain reduction (0 without a limiter)
 * @param warnings              notes from the source and the chain (e.g. stereo stage skipped on mono input)
 */
public record RenderResult(Path output, OutputFormat format, int sampleRate, int channels, long frames,
                           int latencyFrames, double limiterMaxReductionDb, List<String> warnings) {
    public RenderResult {
        warnings = List.copyOf(warnings);
    }
}
