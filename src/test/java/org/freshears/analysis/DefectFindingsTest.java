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

    @Test
    void nanAndInfSamplesAreAFindingWithTheirCount() throws IOException {
        float[] l = Signals.pink(1 << 17, 44100, 0.1, 4), r = Signals.pink(1 << 17, 44100, 0.1, 5);
        l[1000] = Float.NaN;
        l[2000] = Float.POSITIVE_INFINITY;
        r[3000] = Float.NEGATIVE_INFINITY;
        MixFeatures f = MixFeaturesTest.analyze(44100, 8192, l, r);
        Finding nan = MixFeaturesTest.find(f, "technical.nonFinite");
        assertEquals(Finding.HIGH, nan.severity());
        assertEquals(3.0, nan.measured());
        assertTrue(nan.message().startsWith("3 samples are NaN or infinite"), nan.message());
        float[] clean = Signals.pink(1 << 17, 44100, 0.1, 6);
        assertFalse(MixFeaturesTest.has(MixFeaturesTest.analyze(44100, 8192, clean, clean), "technical.nonFinite"));
    }

    @Test
    void dcOnBothChannelsNamesBothAndAFractionOfASecondIsNotJudged() throws IOException {
        float[] l = Signals.pink(44100, 44100, 0.05, 7), r = Signals.pink(44100, 44100, 0.05, 8);
        for (int i = 0; i < l.length; i++) {
            l[i] += 0.02f;
            r[i] -= 0.03f;
        }
        Finding dc = MixFeaturesTest.find(MixFeaturesTest.analyze(44100, 8192, l, r), "technical.dcOffset");
        assertTrue(dc.message().startsWith("Channels 1 (0.02") && dc.message().contains(" and 2 (-0.03"), dc.message());
        assertEquals(20 * Math.log10(0.03), dc.measured(), 0.2);
        assertTrue(dc.message().contains("they waste headroom and click at edits"), dc.message());
        // one sample of 0.5 is not an offset but the first half-cycle of anything
        MixFeatures one = MixFeaturesTest.analyze(44100, 8192, new float[] {0.5f}, new float[] {0.5f});
        assertFalse(MixFeaturesTest.has(one, "technical.dcOffset"), one.findings().toString());
        assertTrue(one.warnings().stream().anyMatch(w -> w.startsWith("only 0.02 ms of audio")), one.warnings().toString());
    }

    @Test
    void clipsInOneInstantAreSaidToBeAtItAndChannelsAreNamed() throws IOException {
        float[] x = Signals.sine(44100 * 2, 44100, 441, 0.5);
        for (int i = 44100; i < 44100 + 40; i++) x[i] = 1.0f; // one flat run of 40 samples at 1.0 s, in each channel
        Finding clip = MixFeaturesTest.find(MixFeaturesTest.analyze(44100, 8192, x, x), "peaks.clipping");
        assertTrue(clip.message().startsWith("2 clipped runs (80 samples flat at full scale, both channels together)") && clip.message().contains(" at 0:01.0"), clip.message());
        assertFalse(clip.message().contains("between"), clip.message());
    }
}
