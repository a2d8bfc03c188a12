package org.freshears.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioInfo;
import org.freshears.audio.AudioSource;

/**
 * Measures a mix in one streaming pass: every analyser is fed the same blocks, spread over two lanes
 * (threads) so that both cores work. The CLI, the web app and the tests all come through here.
 */
public final class Analyzer {

    /** @param blockFrames frames per block handed to the analysers; @param lanes worker threads */
    public record Options(int blockFrames, int lanes) {
        public static final Options DEFAULT = new Options(8192, 2);

        public Options {
            if (blockFrames < 1) throw new IllegalArgumentException("blockFrames must be at least 1");
            if (lanes < 1) throw new IllegalArgumentException("lanes must be at least 1");
        }
    }

    private Analyzer() {}

    public static MixFeatures analyze(AudioSource source, String displayPath, Options options,
                                      ProgressListener progress) throws IOException {
        AudioInfo info = source.info();
        List<List<BlockAnalyzer>> lanes = new ArrayList<>();
        for (int i = 0; i < options.lanes(); i++) lanes.add(new ArrayList<>());
        BlockFeeder.Result fed = BlockFeeder.feed(source, lanes, options.blockFrames(), progress);
        List<String> warnings = new ArrayList<>(source.warnings());
        if (fed.nonFiniteSamples() > 0) {
            warnings.add(String.format("%d NaN/Inf samples, the first at %.3f s; they were measured as silence",
                    fed.nonFiniteSamples(), fed.firstNonFiniteSeconds()));
        }
        FileInfo file = new FileInfo(displayPath, info.sampleRate(), info.channels(),
                fed.frames() / (double) info.sampleRate(), info.format(), info.encoding(), fed.frames(),
                fed.nonFiniteSamples());
        return new MixFeatures(file, null, null, null, null, new TechnicalStats(fed.nonFiniteSamples(), 0, 0, List.of(), 0, List.of(), null, null, null, false), null,
                List.of(), List.of(), List.copyOf(warnings));
    }
}
