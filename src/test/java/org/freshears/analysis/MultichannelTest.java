package org.freshears.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import org.freshears.audio.AudioDecoder;
import org.freshears.audio.AudioSource;
import org.freshears.audio.ChannelLayout;
import org.junit.jupiter.api.Test;

/**
 * Surround files through the whole {@link Analyzer}: the stereo measures take the front left and right channels and
 * the mono fold-down is compared with that pair, so in-phase content drops 0 LU whatever the other channels hold.
 */
class MultichannelTest {
    static final int FS = 48_000;

    static MixFeatures analyze(ChannelLayout layout, float[]... channels) throws IOException {
        return Analyzer.analyze(new MemorySource(FS, layout, channels), "memory", new Analyzer.Options(8192, 2),
                ProgressListener.NONE);
    }

    static boolean hasPhaseProblem(MixFeatures f) {
        return f.findings().stream().anyMatch(x -> x.code().equals("stereo.phaseProblem"));
    }

    @Test
    void inPhaseToneInEveryChannelDropsNothing() throws IOException {
        // L = R: the fold-down (L+R)/2 on two speakers is exactly the pair, so the drop is 0 by definition (it was
        // 4.6 LU for 5.1 and 8.3 LU for 8 channels when compared with the loudness of all channels)
        float[] t = Signals.sine(FS * 6, FS, 1000, 0.1);
        MixFeatures six = analyze(ChannelLayout.byCount(6), t, t, t, t, t, t);
        assertEquals(0.0, six.stereo().monoLoudnessDropLu(), 0.011);
        assertEquals(1.0, six.stereo().correlation(), 1e-4);
        assertFalse(hasPhaseProblem(six));
        MixFeatures eight = analyze(ChannelLayout.fromWaveMask(0x63F, 8), t, t, t, t, t, t, t, t);
        assertEquals(0.0, eight.stereo().monoLoudnessDropLu(), 0.011);
        assertFalse(hasPhaseProblem(eight));
        MixFeatures eightUnknown = analyze(ChannelLayout.byCount(8), t, t, t, t, t, t, t, t);
        assertEquals(0.0, eightUnknown.stereo().monoLoudnessDropLu(), 0.011);
        assertFalse(hasPhaseProblem(eightUnknown));
    }

    @Test
    void silentFrontPairHasNoDropAndNoPhaseFinding() throws IOException {
        // content in the surrounds only: there is no fold-down to compare (it read 51.5 LU, "partly cancel")
        float[] t = Signals.sine(FS * 6, FS, 1000, 0.1);
        float[] z = new float[t.length];
        MixFeatures f = analyze(ChannelLayout.byCount(6), z, z, z, z, t, t);
        assertNotNull(f.loudness().integratedLufs());
        assertNull(f.stereo().monoLoudnessDropLu());
        assertFalse(hasPhaseProblem(f));
    }

    @Test
    void invertedFrontPairStillGetsItsPhaseFinding() throws IOException {
        float[] t = Signals.sine(FS * 6, FS, 1000, 0.1);
        MixFeatures f = analyze(ChannelLayout.byCount(6), t, Signals.negated(t), t, t, t, t);
        assertEquals(-1.0, f.stereo().correlation(), 1e-4);
        assertTrue(hasPhaseProblem(f));
    }

    @Test
    void vorbisOrderMeasuresTheRealFrontPair() throws IOException {
        // L C R: with the centre taken as right (as before), an unrelated centre read as a wide, decorrelated mix
        float[] l = Signals.pink(FS * 6, FS, 0.1, 11), c = Signals.pink(FS * 6, FS, 0.1, 12);
        MixFeatures f = analyze(ChannelLayout.vorbis(3), l, c, l);
        assertEquals(1.0, f.stereo().correlation(), 1e-4);
        assertEquals(0.0, f.stereo().width(), 1e-4);
        assertEquals(0.0, f.stereo().monoLoudnessDropLu(), 0.011);
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
            assertEquals(0.0, f.stereo().monoLoudnessDropLu(), 0.011);
            assertFalse(hasPhaseProblem(f));
        }
    }
}
