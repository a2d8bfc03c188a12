package org.freshears.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.freshears.advice.Platform;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.ProgressListener;
import org.freshears.audio.OutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The closed loop: normalise-then-measure hits the target; reference matching removes an injected bell. */
class MasterLoopTest {
    static final int RATE = 44100;

    @TempDir
    Path dir;

    MasterResult master(Path in, Platform p, List<Path> refs) throws Exception {
        Pipeline.MasterRequest req = new Pipeline.MasterRequest(in, dir.resolve("out-" + System.nanoTime() + ".wav"),
                null, refs, p, null, null, OutputFormat.PCM24);
        return new Pipeline().master(req, ProgressListener.NONE);
    }

    @Test
    void normaliseThenMeasureHitsMinus14AndMinus16() throws Exception {
        Path in = MusicLike.write(dir.resolve("mix.wav"), MusicLike.scale(MusicLike.make(RATE, 20, 1), -8), RATE);
        for (Platform p : List.of(Platform.SPOTIFY, Platform.APPLE)) {
            MasterResult r = master(in, p, List.of());
            MixFeatures after = new Pipeline().measure(Path.of(r.output().path()), "after", ProgressListener.NONE);
            double lufs = after.loudness().integratedLufs();
            assertEquals(p.integratedLufs(), lufs, 0.2, "integrated loudness of the render, passes " + r.loop().passes());
            assertTrue(after.loudness().truePeakDbtp() <= p.truePeakCeilingDbtp() + 1e-6);
            assertTrue(r.loop().passes().size() <= 5);
            assertTrue(r.checks().get(0).passed() && r.checks().get(1).passed(), r.checks().toString());
        }
    }

    @Test
    void digitalSilenceIsRenderedAndItsLoudnessIsReportedAsNotMeasurable() throws Exception {
        Path in = MusicLike.write(dir.resolve("silence.wav"), new float[2][RATE * 3], RATE);
        MasterResult r = master(in, Platform.SPOTIFY, List.of());
        MasterResult.Check loud = r.checks().get(0);
        assertEquals("loudness on target", loud.name());
        assertTrue(!loud.passed() && String.valueOf(loud.measured()).startsWith("not measurable"), loud.toString());
        assertEquals(RATE * 3L, r.after().file().frames(), "length preserved");
    }

    @Test
    void loudMixIsLimitedIntoTheTargetAndCeiling() throws Exception {
        // +8 dB over a −14 target forces the gain stage down; a quiet, peaky mix forces the limiter to work
        Path quiet = MusicLike.write(dir.resolve("quiet.wav"), MusicLike.scale(MusicLike.make(RATE, 20, 2), -20), RATE);
        MasterResult r = master(quiet, Platform.SPOTIFY, List.of());
        assertNotNull(r.after().loudness().integratedLufs());
        assertEquals(-14, r.after().loudness().integratedLufs(), 0.2, r.loop().passes().toString());
        assertTrue(r.after().loudness().truePeakDbtp() <= -1 + 1e-6);
    }

    @Test
    void referenceMatchingRemovesA10DbBellAt350() throws Exception {
        float[][] clean = MusicLike.make(RATE, 20, 3);
        Path ref = MusicLike.write(dir.resolve("ref.wav"), clean, RATE);
        Path mix = MusicLike.write(dir.resolve("bell.wav"), MusicLike.bell(MusicLike.make(RATE, 20, 3), RATE, 350, 10), RATE);
        MasterResult r = master(mix, null, List.of(ref));
        MasterResult.Check spectral = r.checks().stream().filter(c -> c.name().startsWith("spectral match")).findFirst()
                .orElseThrow();
        double err = (Double) spectral.measured();
        assertTrue(err < 0.3, "mean 1/3-octave error after matching: " + err + " dB; passes " + r.loop().passes());
        assertTrue(r.before().findings().stream().anyMatch(f -> f.code().equals("tonal.lowMids.excess")),
                r.before().findings().toString());
    }
}
