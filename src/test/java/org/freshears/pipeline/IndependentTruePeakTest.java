package org.freshears.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.freshears.advice.Platform;
import org.freshears.analysis.ProgressListener;
import org.freshears.analysis.Signals;
import org.freshears.audio.OutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master's true peak as libebur128 reads it (Debian's {@code loudgain}, installed by the test script): another
 * meter with another interpolation filter must also find the render at or under the platform's ceiling. Pink noise
 * pushed hard into the limiter is the worst case: its inter-sample peaks are everywhere.
 */
class IndependentTruePeakTest {
    static final int RATE = 44100;

    @TempDir
    Path dir;

    private static boolean hasLoudgain() {
        try {
            return new ProcessBuilder("loudgain", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void libebur128ReadsTheMasterAtOrUnderTheCeiling() throws Exception {
        assumeTrue(hasLoudgain(), "loudgain (libebur128) is installed by scripts/test.sh");
        int n = RATE * 20;
        float[] l = Signals.pink(n, RATE, 0.08, 21), r = Signals.pink(n, RATE, 0.08, 22);
        for (int i = 0; i < n; i++) {   // a 2 Hz pulse, as in a beat
            float g = (float) (0.6 + 0.4 * Math.sin(2 * Math.PI * 2 * i / RATE));
            l[i] *= g;
            r[i] *= g;
        }
        Path in = MusicLike.write(dir.resolve("pink.wav"), new float[][] {l, r}, RATE);
        Path out = dir.resolve("master.wav");
        MasterResult res = new Pipeline().master(new Pipeline.MasterRequest(in, out, null, List.of(), Platform.SPOTIFY,
                null, null, OutputFormat.PCM24), ProgressListener.NONE);
        assertTrue(res.checks().get(1).passed(), res.checks().toString());
        Process p = new ProcessBuilder("loudgain", "-O", "-q", out.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), text);
        String[] row = text.strip().lines().reduce((a, b) -> b).orElseThrow().split("\t");
        double lufs = Double.parseDouble(row[1].replace(" LUFS", "").strip());
        double tp = Double.parseDouble(row[4].replace(" dBTP", "").strip());
        assertEquals(-14.0, lufs, 0.2, "libebur128's integrated loudness");
        assertTrue(tp <= Platform.SPOTIFY.truePeakCeilingDbtp(), "libebur128's true peak " + tp + " dBTP: " + text);
    }
}
