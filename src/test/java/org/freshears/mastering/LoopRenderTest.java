package org.freshears.mastering;

import org.freshears.audio.ArrayAudioSource;
import org.freshears.audio.AudioSource;
import org.freshears.dsp.ReferenceTruePeak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mastering loop's split render: the cached head plus a tail pass against the whole-chain {@link Renderer}. */
class LoopRenderTest {
    static final int FS = RendererTest.FS;

    /** The full chain of {@link MasteringChainTest} (EQ with mid/side bands, compressor, stereo, trim, limiter). */
    static MasteringChain full(double trimDb) {
        return withTrim(MasteringChain.fromJson(MasteringChainTest.FULL), trimDb);
    }

    static MasteringChain withTrim(MasteringChain chain, double trimDb) {
        List<Stage> st = new ArrayList<>(chain.stages());
        for (int i = 0; i < st.size(); i++) if (st.get(i) instanceof GainStage) st.set(i, new GainStage(trimDb, "trim"));
        return new MasteringChain(st, chain.amount());
    }

    /** Reads a whole source, in blocks of {@code block} frames. */
    static float[][] drain(AudioSource src, int block) throws IOException {
        MemorySink sink = new MemorySink(src.info().channels());
        float[][] buf = new float[src.info().channels()][block];
        int n;
        while ((n = src.read(buf, block)) > 0) sink.write(buf, 0, n);
        float[][] out = new float[sink.data.length][];
        for (int c = 0; c < out.length; c++) out[c] = sink.channel(c);
        return out;
    }

    static float[][] whole(MasteringChain chain, float[][] x) throws IOException {
        MemorySink s = RendererTest.render(chain, Renderer.DEFAULT_BLOCK, x[0].clone(), x[1].clone());
        return new float[][] {s.channel(0), s.channel(1)};
    }

    static LoopRender prepare(MasteringChain chain, float[][] x, Path dir) throws IOException {
        return LoopRender.prepare(new ArrayAudioSource(FS, x[0].clone(), x[1].clone()), chain, dir);
    }

    @Test
    void aTailBeyondTrimAndLimiterRendersBitForBitAsTheWholeChainAtEveryTrim(@TempDir Path dir) throws IOException {
        // a compressor after the trim: the tail runs its processors as the renderer does (no envelope)
        MasteringChain base = MasteringChain.fromJson("""
                [{"type": "eq", "bands": [{"kind": "bell", "freqHz": 300, "gainDb": 3, "q": 1},
                                          {"kind": "highShelf", "freqHz": 8000, "gainDb": -2, "channel": "side"}]},
                 {"type": "gain", "gainDb": 6},
                 {"type": "compressor", "thresholdDb": -12, "ratio": 3, "attackMs": 5, "releaseMs": 100},
                 {"type": "limiter", "ceilingDbtp": -1}]""");
        float[][] x = RendererTest.stereoMaterial(21, 70001, 0.7);
        try (LoopRender cache = prepare(base, x, dir)) {
            for (double trim : new double[] {6, 9.5, -3}) {
                MasteringChain chain = withTrim(base, trim);
                assertTrue(cache.fits(chain));
                float[][] split = drain(cache.tail(chain, "wav", "pcm24"), 3000);
                float[][] ref = whole(chain, x);
                assertArrayEquals(ref[0], split[0], "trim " + trim);
                assertArrayEquals(ref[1], split[1], "trim " + trim);
            }
        }
    }

    @Test
    void theEnvelopeTailMatchesTheWholeChainToRoundingAndKeepsTheCeiling(@TempDir Path dir) throws IOException {
        // loud bursts: the limiter works hard, so the cached detector envelope decides almost every gain
        float[][] x = RendererTest.stereoMaterial(22, 90000, 0.9);
        try (LoopRender cache = prepare(full(4.5), x, dir)) {
            for (double trim : new double[] {4.5, 8, 1}) {
                MasteringChain chain = full(trim);
                float[][] split = drain(cache.tail(chain, "wav", "pcm24"), 4096);
                float[][] ref = whole(chain, x);
                double worst = 0;
                for (int c = 0; c < 2; c++) {
                    assertEquals(ref[c].length, split[c].length);
                    for (int i = 0; i < ref[c].length; i++) worst = Math.max(worst, Math.abs(ref[c][i] - split[c][i]));
                }
                // the envelope is the same detection rounded up to float: a relative 6e-8 on a gain, at most
                assertTrue(worst < 1e-6, "trim " + trim + ": largest difference " + worst);
                assertTrue(ReferenceTruePeak.truePeakDb(split) <= -1.0 + 0.02, "true peak at trim " + trim);
            }
        }
    }

    @Test
    void aTrimBeyondTheEnvelopesHeadroomDetectsAfreshAndIsBitExact(@TempDir Path dir) throws IOException {
        float[][] x = RendererTest.stereoMaterial(23, 50000, 0.3);
        try (LoopRender cache = prepare(full(0), x, dir)) {
            MasteringChain chain = full(12);  // 12 dB over the trim the envelope was measured for (headroom 6 dB)
            assertFalse(cache.limiterIdleAt(12));
            float[][] split = drain(cache.tail(chain, "wav", "pcm24"), 1000);
            float[][] ref = whole(chain, x);
            assertArrayEquals(ref[0], split[0]);
            assertArrayEquals(ref[1], split[1]);
        }
    }

    @Test
    void anExpectedTrimExtendsTheEnvelopeSoAFarTrimScalesItAndStillMatchesTheWholeChain(@TempDir Path dir)
            throws IOException {
        // the chain says 0 dB, the loop will set about +12 dB (a hand-written chain on a quiet mix)
        float[][] x = RendererTest.stereoMaterial(23, 50000, 0.3);
        MasteringChain quiet = MasteringChain.fromJson("""
                [{"type": "gain", "gainDb": 0}, {"type": "limiter", "ceilingDbtp": -1}]""");
        try (LoopRender cache = LoopRender.prepare(new ArrayAudioSource(FS, x[0].clone(), x[1].clone()), quiet, dir,
                null, 12.0)) {
            // idle at +1 dB (peaks near -10 dBFS), and the envelope's range now reaches 6 dB above +12 dB
            assertTrue(cache.limiterIdleAt(1));
            assertFalse(cache.limiterIdleAt(12), "the limiter works at +12 dB");
            MasteringChain chain = withTrim(quiet, 12);
            float[][] split = drain(cache.tail(chain, "wav", "pcm24"), 1000);
            float[][] ref = whole(chain, x);
            double worst = 0;
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < ref[c].length; i++) worst = Math.max(worst, Math.abs(ref[c][i] - split[c][i]));
            }
            assertTrue(worst < 1e-6, "largest difference " + worst);
            assertTrue(worst > 0, "a pass at +12 dB scales the envelope (rounded up to float) instead of detecting afresh");
            assertTrue(ReferenceTruePeak.truePeakDb(split) <= -1.0 + 0.02);
        }
        try (LoopRender cache = prepare(quiet, x, dir)) {
            // without the expected trim, +12 dB is beyond the envelope and the pass detects afresh: bit-exact
            float[][] split = drain(cache.tail(withTrim(quiet, 12), "wav", "pcm24"), 1000);
            float[][] ref = whole(withTrim(quiet, 12), x);
            assertArrayEquals(ref[0], split[0]);
        }
    }

    @Test
    void anIdleLimiterIsRecognisedAndTheRenderIsThenTheTrimmedHead(@TempDir Path dir) throws IOException {
        MasteringChain quiet = MasteringChain.fromJson("""
                [{"type": "gain", "gainDb": 2}, {"type": "limiter", "ceilingDbtp": -1}]""");
        float[][] x = RendererTest.stereoMaterial(24, 40000, 0.25);   // peaks near -12 dBFS
        try (LoopRender cache = prepare(quiet, x, dir)) {
            assertTrue(cache.limiterIdleAt(2));
            assertTrue(cache.limiterIdleAt(7.5));
            assertFalse(cache.limiterIdleAt(8.5), "over 6 dB above the trim is beyond the envelope's headroom");
            float[][] split = drain(cache.tail(quiet, "wav", "pcm24"), 4096);
            double g = Math.pow(10, 2 / 20.0);
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < x[c].length; i++) assertEquals((float) (x[c][i] * g), split[c][i], 0f);
            }
        }
        float[][] loud = RendererTest.stereoMaterial(25, 40000, 0.95);
        try (LoopRender cache = prepare(quiet, loud, dir)) {
            assertFalse(cache.limiterIdleAt(2));
        }
    }

    @Test
    void aChangedHeadDoesNotFitAndTheCacheLeavesNoFile(@TempDir Path dir) throws IOException {
        float[][] x = RendererTest.stereoMaterial(26, 20000, 0.5);
        MasteringChain chain = full(3);
        LoopRender cache = prepare(chain, x, dir);
        try (Stream<Path> files = Files.list(dir)) {
            // opened DELETE_ON_CLOSE, which on Linux unlinks it at once: even a crash leaves nothing behind
            assertEquals(0, files.count(), "no cache file visible, even while it is open");
        }
        assertEquals(full(3).stages().size(), chain.stages().size());
        float[][] again = drain(cache.tail(chain, "wav", "pcm24"), 4096);
        assertEquals(x[0].length, again[0].length, "the unlinked cache still reads");
        assertTrue(cache.fits(full(-7)), "a new trim keeps the head");
        assertFalse(cache.fits(chain.withAmount(50)), "another amount scales the EQ, so the head differs");
        assertNotEquals(0, cache.frames());
        cache.close();
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
