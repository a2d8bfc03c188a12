package org.freshears.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import org.freshears.analysis.Analyzer;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.ProgressListener;
import org.freshears.audio.AudioDecoder;
import org.freshears.audio.AudioSource;
import org.freshears.audio.OutputFormat;
import org.freshears.mastering.LoopRender;
import org.freshears.mastering.MasteringChain;
import org.freshears.util.Json;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The loop's last pass writes the master and measures it at once: its features must be exactly those of decoding
 * the written file and measuring it afterwards, in every output format (16-bit dither included).
 */
class WriteAndMeasureTest {
    static final int RATE = 44100;

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void measuringWhileWritingEqualsMeasuringTheFile(OutputFormat format, @TempDir Path dir) throws Exception {
        Path in = MusicLike.write(dir.resolve("mix.wav"), MusicLike.make(RATE, 12, 7), RATE);
        MasteringChain chain = MasteringChain.fromJson("""
                [{"type": "eq", "bands": [{"kind": "bell", "freqHz": 400, "gainDb": -2, "q": 1}]},
                 {"type": "gain", "gainDb": 9}, {"type": "limiter", "ceilingDbtp": -1}]""");
        Path out = dir.resolve("master.wav");
        MixFeatures during;
        try (AudioSource src = AudioDecoder.open(in); LoopRender cache = LoopRender.prepare(src, chain, dir)) {
            during = Mastering.writeAndMeasure(cache, chain, out, format);
        }
        MixFeatures after;
        try (AudioSource src = AudioDecoder.open(out)) {
            after = Analyzer.analyze(src, out.toString(), Analyzer.Options.DEFAULT, ProgressListener.NONE);
        }
        assertNotNull(during.loudness().integratedLufs());
        assertEquals(Json.write(after), Json.write(during));
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            // the master was written under a temporary name and moved into place; the render cache is gone
            assertEquals(java.util.List.of("master.wav", "mix.wav"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
