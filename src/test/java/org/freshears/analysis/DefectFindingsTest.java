package org.freshears.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefectFindingsTest {
    static final int FS = 48000;

    @Test
    void truePeakIsJudgedAgainstTheCeilingPassedIn() throws IOException {
        // a 997 Hz sine of amplitude 0.95 peaks at 20·log10(0.95) = -0.45 dBTP (within the interpolator's accuracy)
        float[] x = Signals.sine(FS * 5, FS, 997, 0.95);
        MixFeatures f = MixFeaturesTest.analyze(FS, 8192, x, x);
        double expected = 20 * Math.log10(0.95);
        assertEquals(expected, f.loudness().truePeakDbtp(), 0.05);
        Finding over = f.findings().stream().filter(x2 -> x2.code().equals("peaks.truePeakOver")).findFirst().orElseThrow();
        assertEquals(-1.0, over.targetHigh());
        assertEquals("dBTP", over.unit());
        assertEquals(Finding.MEDIUM, over.severity()); // 0.55 dB over -1
        assertTrue(over.message().contains("-0.4") || over.message().contains("-0.5"), over.message());

        assertTrue(DefectFindings.of(f, 0.0).stream().noneMatch(x2 -> x2.code().equals("peaks.truePeakOver")));
        List<Finding> amazon = DefectFindings.of(f, -2.0);
        Finding strict = amazon.stream().filter(x2 -> x2.code().equals("peaks.truePeakOver")).findFirst().orElseThrow();
        assertEquals(Finding.MEDIUM, strict.severity()); // 1.55 dB over -2
        assertEquals(-2.0, strict.targetHigh());
    }

    @Test
    void aQuietCleanSignalHasNoDefects() throws IOException {
        int n = 1 << 19;
        MixFeatures f = MixFeaturesTest.analyze(44100, 8192, Signals.pink(n, 44100, 0.05, 1),
                Signals.pink(n, 44100, 0.05, 2));
        assertEquals(List.of(), f.findings());
    }

    @Test
    void aOneSidedMixIsImbalanced() throws IOException {
        int n = 1 << 18;
        float[] x = Signals.pink(n, 44100, 0.1, 3);
        MixFeatures f = MixFeaturesTest.analyze(44100, 8192, x, Signals.scaled(x, 0.5));
        assertEquals(20 * Math.log10(2), f.stereo().balanceDb(), 0.01);
        Finding im = f.findings().stream().filter(x2 -> x2.code().equals("stereo.imbalance")).findFirst().orElseThrow();
        assertEquals(Finding.HIGH, im.severity());
        assertTrue(im.message().contains("left"), im.message());
    }
}
