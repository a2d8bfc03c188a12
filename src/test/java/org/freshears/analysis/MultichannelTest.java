package org.freshears.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import org.freshears.audio.AudioDecoder;
import org.freshears.audio.AudioSource;
import org.freshears.audio.ChannelLayout;
import org.junit.jupiter.api.Test;

/**
 * Surround files through the whole {@link Analyzer}: the channel layout decides the loudness weights and which
 * channels the stereo measures take (the front left and right).
 */
class MultichannelTest {
    static final int FS = 48_000;

    static MixFeatures analyze(ChannelLayout layout, float[]... channels) throws IOException {
        return Analyzer.analyze(new MemorySource(FS, layout, channels), "memory", new Analyzer.Options(8192, 2),
                ProgressListener.NONE);
    }

    @Test
    void vorbisOrderMeasuresTheRealFrontPair() throws IOException {
        // L C R: with the centre taken as right (as before), an unrelated centre read as a wide, decorrelated mix
        float[] l = Signals.pink(FS * 6, FS, 0.1, 11), c = Signals.pink(FS * 6, FS, 0.1, 12);
        MixFeatures f = analyze(ChannelLayout.vorbis(3), l, c, l);
        assertEquals(1.0, f.stereo().correlation(), 1e-4);
        assertEquals(0.0, f.stereo().width(), 1e-4);
        assertEquals(0.0, f.stereo().balanceDb(), 1e-6);
    }

    @Test
    void vorbis51FixtureMatchesLibebur128() throws Exception {
        // src/test/resources/audio/surround51.ogg: front pair and surrounds 1 kHz in phase, silent centre, 60 Hz in
        // the LFE. libebur128 1.2.6 with the BS.1770-4 map (surrounds 1.41, LFE unused) reads -8.14 LUFS.
        try (AudioSource src = AudioDecoder.open(Path.of("src/test/resources/audio/surround51.ogg"))) {
            MixFeatures f = Analyzer.analyze(src, "surround51.ogg", new Analyzer.Options(8192, 2),
                    ProgressListener.NONE);
            assertEquals(-8.14, f.loudness().integratedLufs(), 0.015);
            assertEquals(1.0, f.stereo().correlation(), 1e-3);
        }
    }
}
