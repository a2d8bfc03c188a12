package org.freshears.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Analytic signals through the whole {@link Analyzer}; every reference comes from the signal's math. */
class MixFeaturesTest {
    static final int FS = 44100;

    static MixFeatures analyze(int fs, int blockFrames, float[]... channels) throws IOException {
        return Analyzer.analyze(new MemorySource(fs, channels), "memory", new Analyzer.Options(blockFrames, 2),
                ProgressListener.NONE);
    }

    static MixFeatures analyze(float[]... channels) throws IOException {
        return analyze(FS, 8192, channels);
    }

    static boolean has(MixFeatures f, String code) {
        return f.findings().stream().anyMatch(x -> x.code().equals(code));
    }

    static Finding find(MixFeatures f, String code) {
        return f.findings().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void pinkNoiseHasMinusThreeDbPerOctaveTiltAndTheContractBandLevels() throws IOException {
        int n = 1 << 21;
        MixFeatures f = analyze(Signals.pink(n, FS, 0.1, 1), Signals.pink(n, FS, 0.1, 2));
        assertEquals(-10 * Math.log10(2), f.spectrum().tiltDbPerOctave(), 0.3);
        List<SpectrumBand> bands = f.spectrum().bands();
        assertEquals(7, bands.size());
        double total = Math.log(20000 / 20.0);
        for (int b = 0; b < 7; b++) {
            SpectrumBand band = bands.get(b);
            assertEquals(SpectralBands.NAMES[b], band.name());
            double expected = 10 * Math.log10(Math.log(band.highHz() / band.lowHz()) / total); // pink: power ∝ ln(hi/lo)
            assertEquals(expected, band.levelDb(), 0.5, band.name());
        }
        // pink noise: equal power in every 1/3 octave, 10·log10(ln(10^0.1)/ln(1000)) below the total
        double third = 10 * Math.log10(Math.log(Math.pow(10, 0.1)) / total);
        for (ThirdOctaveBand t : f.spectrum().thirdOctaves()) {
            if (t.centerHz() >= 31.5 && t.centerHz() <= 16000) assertEquals(third, t.levelDb(), 1.0, "band " + t.centerHz());
        }
        assertFalse(f.technical().bandLimited());
    }

    @Test
    void aSineFallsInItsOwnBand() throws IOException {
        for (int b = 0; b < 7; b++) {
            double freq = Math.sqrt(SpectralBands.LOW_HZ[b] * SpectralBands.HIGH_HZ[b]);
            float[] x = Signals.sine(FS * 4, FS, freq, 0.5);
            MixFeatures f = analyze(x, x);
            for (int o = 0; o < 7; o++) {
                Double level = f.spectrum().bands().get(o).levelDb();
                if (o == b) assertEquals(0.0, level, 0.05, "own band " + SpectralBands.NAMES[b]);
                else assertTrue(level == null || level < -30, SpectralBands.NAMES[o] + " for a " + freq + " Hz sine: " + level);
            }
        }
    }

    @Test
    void identicalChannelsAreMono() throws IOException {
        float[] x = Signals.pink(1 << 19, FS, 0.1, 3);
        MixFeatures f = analyze(x, x);
        assertEquals(1.0, f.stereo().correlation(), 1e-4);
        assertEquals(0.0, f.stereo().width(), 1e-4);
        assertEquals(0.0, f.stereo().monoLoudnessDropLu(), 0.02);
        assertEquals(0.0, f.stereo().balanceDb(), 1e-6);
        assertFalse(f.stereo().polarityInverted());
        assertFalse(has(f, "stereo.phaseProblem"));
        for (BandStereo b : f.stereo().bands()) assertEquals(0.0, b.width(), 1e-4, b.band());
    }

    @Test
    void anInvertedChannelHasCorrelationMinusOneWidthOneAndAPhaseFinding() throws IOException {
        float[] x = Signals.pink(1 << 19, FS, 0.1, 4);
        MixFeatures f = analyze(x, Signals.negated(x));
        assertEquals(-1.0, f.stereo().correlation(), 1e-4);
        assertEquals(1.0, f.stereo().width(), 1e-4);
        assertTrue(f.stereo().polarityInverted());
        Finding phase = find(f, "stereo.phaseProblem");
        assertEquals(Finding.HIGH, phase.severity());
        assertEquals(-1.0, phase.measured(), 1e-4);
    }

    @Test
    void independentNoisesAreHalfWide() throws IOException {
        int n = 1 << 20;
        MixFeatures f = analyze(Signals.pink(n, FS, 0.1, 5), Signals.pink(n, FS, 0.1, 6));
        assertEquals(0.5, f.stereo().width(), 0.02);
        assertEquals(0.0, f.stereo().correlation(), 0.03);
        assertEquals(10 * Math.log10(2), f.stereo().monoLoudnessDropLu(), 0.2); // half the power cancels on average
        assertFalse(has(f, "stereo.phaseProblem"));
    }

    @Test
    void monoBelow120HzAndWideAboveReadsSoPerBand() throws IOException {
        int n = 1 << 20;
        float[] low = Signals.shapedNoise(n, FS, 0, 20, 100, 0.1, 7);
        float[] l = Signals.sum(low, Signals.shapedNoise(n, FS, 0, 300, 18000, 0.1, 8));
        float[] r = Signals.sum(low, Signals.shapedNoise(n, FS, 0, 300, 18000, 0.1, 9));
        MixFeatures f = analyze(l, r);
        assertEquals(0.0, f.stereo().lowEndWidth(), 0.01);
        assertEquals(0.0, f.stereo().bands().get(0).width(), 0.01, "sub");
        assertEquals(1.0, f.stereo().bands().get(0).correlation(), 0.02, "sub");
        for (int b = 3; b < 7; b++) assertEquals(0.5, f.stereo().bands().get(b).width(), 0.03, SpectralBands.NAMES[b]);
    }

    @Test
    void aHardClippedSineIsCountedExactly() throws IOException {
        int fs = 48000, n = fs * 2;
        double amp = 1.5, freq = 100; // 480 samples per period
        float[] x = new float[n];
        int expectedSamples = 0, expectedRuns = 0, run = 0;
        for (int i = 0; i < n; i++) {
            double v = amp * Math.sin(2 * Math.PI * freq * i / fs);
            x[i] = (float) Math.max(-1, Math.min(1, v));
            boolean clipped = Math.abs(v) >= 1;
            if (clipped) run++;
            if (!clipped || i == n - 1) {
                if (run >= 3) {
                    expectedRuns++;
                    expectedSamples += run;
                }
                if (!clipped) run = 0;
            }
        }
        assertTrue(expectedRuns > 300);
        MixFeatures f = analyze(fs, 8192, x, x);
        assertEquals(2L * expectedRuns, f.technical().clippedRuns());
        assertEquals(2L * expectedSamples, f.technical().clippedSamples());
        assertEquals(20, f.technical().clipTimesSeconds().size());
        Finding clip = find(f, "peaks.clipping");
        assertEquals(Finding.HIGH, clip.severity());
        assertEquals(2.0 * expectedRuns, clip.measured());
    }

    @Test
    void dcOffsetIsMeasuredAndFound() throws IOException {
        float[] noise = Signals.white(1 << 18, FS, 0.1, 10); // synthesised without a DC bin: mean 0
        float[] l = new float[noise.length];
        for (int i = 0; i < l.length; i++) l[i] = noise[i] + 0.02f;
        MixFeatures f = analyze(l, noise);
        assertEquals(0.02, f.technical().dcOffsetPerChannel().get(0), 2e-6);
        assertEquals(0.0, f.technical().dcOffsetPerChannel().get(1), 2e-6);
        Finding dc = find(f, "technical.dcOffset");
        assertEquals(20 * Math.log10(0.02), dc.measured(), 0.01);
        assertEquals(Finding.MEDIUM, dc.severity());
    }

    @Test
    void paddedSilenceIsFoundAtBothEnds() throws IOException {
        int head = 2 * FS, body = 5 * FS, tail = 3 * FS;
        float[] x = new float[head + body + tail];
        float[] tone = Signals.sine(body, FS, 440, 0.5);
        System.arraycopy(tone, 0, x, head, body);
        // the sine starts at phase 0: its first sample at or above 0.001 is where sin reaches 0.002
        int firstLoud = head + (int) Math.ceil(Math.asin(0.002) / (2 * Math.PI * 440 / FS));
        MixFeatures f = analyze(x, x);
        assertEquals(firstLoud / (double) FS, f.technical().leadingSilenceSeconds(), 0.001);
        assertEquals(3.0, f.technical().trailingSilenceSeconds(), 0.001);
        List<Finding> pads = f.findings().stream().filter(x2 -> x2.code().equals("technical.silencePadding")).toList();
        assertEquals(2, pads.size());
        assertEquals(2.0, pads.get(0).measured(), 0.001);
        assertEquals(3.0, pads.get(1).measured(), 0.002);
        assertEquals(7.0, pads.get(1).startSeconds(), 0.002);
    }

    @Test
    void sixteenKilohertzLowPassIsBandLimitedAndFullBandIsNot() throws IOException {
        int n = 1 << 19;
        float[] lp = Signals.shapedNoise(n, FS, 0, 5, 16000, 0.1, 11);
        MixFeatures limited = analyze(lp, lp);
        assertEquals(16000, limited.technical().bandwidthHz(), 300);
        assertTrue(limited.technical().bandLimited());
        assertTrue(has(limited, "technical.bandLimited"));

        float[] full = Signals.white(n, FS, 0.1, 12);
        MixFeatures wide = analyze(full, full);
        assertTrue(wide.technical().bandwidthHz() > 21000, "full band: " + wide.technical().bandwidthHz());
        assertFalse(wide.technical().bandLimited());
        assertFalse(has(wide, "technical.bandLimited"));
    }

    @Test
    void blockSizeDoesNotChangeAnything() throws IOException {
        int n = 10 * FS + 1234;
        float[] l = Signals.scaled(Signals.pink(1 << 19, FS, 0.3, 13), 1), r = Signals.pink(1 << 19, FS, 0.3, 14);
        l = java.util.Arrays.copyOf(l, n);
        r = java.util.Arrays.copyOf(r, n);
        for (int i = 0; i < 2000; i++) l[FS + i] = Math.max(-0.9999f, Math.min(0.9999f, l[FS + i] * 8)); // some clipping
        MixFeatures a = analyze(FS, 1000, l, r), b = analyze(FS, 8192, l, r), c = analyze(FS, 777, l, r);
        assertTrue(a.technical().clippedRuns() > 0);
        assertEquals(a, b);
        assertEquals(a, c);
    }

    @Test
    void minusSixDbMovesOnlyLevels() throws IOException {
        int n = 1 << 20;
        float[] l = Signals.pink(n, FS, 0.1, 15), r = Signals.sum(Signals.scaled(l, 0.5), Signals.pink(n, FS, 0.05, 16));
        double g = Math.pow(10, -6 / 20.0);
        MixFeatures a = analyze(l, r), b = analyze(Signals.scaled(l, g), Signals.scaled(r, g));
        assertEquals(a.loudness().integratedLufs() - 6, b.loudness().integratedLufs(), 0.02);
        assertEquals(a.loudness().truePeakDbtp() - 6, b.loudness().truePeakDbtp(), 0.02);
        assertEquals(a.spectrum().tiltDbPerOctave(), b.spectrum().tiltDbPerOctave(), 0.002);
        for (int i = 0; i < 7; i++) {
            assertEquals(a.spectrum().bands().get(i).levelDb(), b.spectrum().bands().get(i).levelDb(), 0.011);
        }
        for (int i = 0; i < 31; i++) {
            assertEquals(a.spectrum().thirdOctaves().get(i).sideDb(), b.spectrum().thirdOctaves().get(i).sideDb(), 0.011);
        }
        assertEquals(a.stereo().width(), b.stereo().width(), 1e-4);
        assertEquals(a.stereo().correlation(), b.stereo().correlation(), 1e-4);
        assertEquals(a.stereo().monoLoudnessDropLu(), b.stereo().monoLoudnessDropLu(), 0.011);
        assertEquals(a.dynamics().crestFactorDb(), b.dynamics().crestFactorDb(), 0.011);
        assertEquals(a.dynamics().plrDb(), b.dynamics().plrDb(), 0.03);
        assertEquals(a.spectrum().bandwidthHz(), b.spectrum().bandwidthHz(), 10);
    }

    @Test
    void monoFilesReadOneZeroZero() throws IOException {
        MixFeatures f = analyze(Signals.pink(1 << 18, FS, 0.1, 17));
        assertEquals(1.0, f.stereo().correlation());
        assertEquals(0.0, f.stereo().width());
        assertEquals(0.0, f.stereo().monoLoudnessDropLu());
        assertEquals(1, f.technical().dcOffsetPerChannel().size());
    }

    @Test
    void silenceAndTinyInputGiveNullsNotExceptions() throws IOException {
        MixFeatures silent = analyze(new float[FS * 4], new float[FS * 4]);
        assertNull(silent.loudness().integratedLufs());
        assertNull(silent.stereo().correlation());
        assertNull(silent.spectrum().bands().get(3).levelDb());
        assertEquals(4.0, silent.technical().leadingSilenceSeconds());
        assertEquals(Finding.HIGH, find(silent, "technical.silencePadding").severity());

        MixFeatures tiny = analyze(Signals.sine(100, FS, 1000, 0.5), Signals.sine(100, FS, 1000, 0.5));
        assertEquals(100, tiny.file().frames());
        assertNull(tiny.loudness().integratedLufs());
        assertEquals(1, tiny.sections().size());
    }

    @Test
    void sectionsCoverTheTrackInThreeSecondSteps() throws IOException {
        int n = 10 * FS;
        float[] x = Signals.pink(1 << 19, FS, 0.1, 18);
        x = java.util.Arrays.copyOf(x, n);
        for (int i = 6 * FS; i < n; i++) x[i] *= 0.5f; // -6 dB from 6 s
        MixFeatures f = analyze(x, x);
        List<Section> s = f.sections();
        assertEquals(4, s.size());
        assertEquals(9.0, s.get(3).startSeconds());
        assertEquals(10.0, s.get(3).endSeconds());
        assertEquals(s.get(0).loudnessLufs() - 20 * Math.log10(2), s.get(2).loudnessLufs(), 0.3);
        assertEquals(7, s.get(0).bandsDb().size());
        assertEquals(0.0, s.get(1).width(), 1e-6);
        assertEquals(0.1, f.timeline().stepSeconds());
        assertEquals(100, f.timeline().shortTermLufs().size());
    }

    @Test
    void nanAndInfinitySamplesAreCountedInEveryBlockThatReportsThem() throws IOException {
        float[] l = Signals.pink(1 << 17, FS, 0.1, 5), r = Signals.pink(1 << 17, FS, 0.1, 6);
        l[1000] = Float.NaN;
        r[2000] = Float.POSITIVE_INFINITY;
        l[90000] = Float.NEGATIVE_INFINITY;
        MixFeatures f = analyze(l, r);
        assertEquals(3, f.file().nonFiniteSamples());
        assertEquals(3, f.technical().nonFiniteSamples());
        assertEquals(3, f.loudness().nonFiniteSamples(), "the loudness block agrees with the file block");
        assertEquals(3, Analyzer.measureLoudness(new MemorySource(FS, l, r), Analyzer.Options.DEFAULT).nonFiniteSamples(),
                "the loudness-only pass counts them too");
        assertTrue(Double.isFinite(f.loudness().integratedLufs()), "measured, with those samples as silence");
        assertTrue(f.warnings().stream().anyMatch(w -> w.contains("3 NaN/Inf samples")), f.warnings().toString());
    }
}
