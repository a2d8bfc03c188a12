package org.freshears.analysis;

import static org.freshears.analysis.EbuSignals.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.freshears.audio.ChannelLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoudnessMeterTest {

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000})
    void sine997AtMinus23ReadsMinus23(int fs) {
        // BS.1770: -0.691 dB cancels the K-weighting gain at 997 Hz, so a -23 dBFS stereo sine reads -23.00.
        float[] s = sequence(fs, 997, new double[] {10}, new double[] {-23});
        LoudnessStats r = loudness(fs, stereo(s), 4096).result();
        assertEquals(-23.0, r.integratedLufs(), 0.01);
        assertEquals(-23.0, r.momentaryMaxLufs(), 0.01);
        assertEquals(-23.0, r.shortTermMaxLufs(), 0.01);
        assertEquals(0.0, r.loudnessRangeLu(), 0.01);
        assertEquals(-23.0, r.samplePeakDbfs(), 0.01);
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000})
    void sine1000AtMinus23ReadsMinus22_99(int fs) {
        float[] s = sequence(fs, 1000, new double[] {10}, new double[] {-23});
        assertEquals(-22.99, loudness(fs, stereo(s), 4096).result().integratedLufs(), 0.01);
    }

    @Test
    void silenceGivesNullsWithoutThrowing() {
        float[][] silent = new float[2][48_000 * 5];
        LoudnessMeter m = loudness(48_000, silent, 4096);
        LoudnessStats r = m.result();
        assertNull(r.integratedLufs());
        assertNull(r.momentaryMaxLufs());
        assertNull(r.shortTermMaxLufs());
        assertNull(r.loudnessRangeLu());
        assertNull(r.samplePeakDbfs());
        assertNull(r.truePeakDbtp());
        for (double v : m.shortTermSeriesLufs()) assertEquals(Double.NEGATIVE_INFINITY, v);
        TruePeakMeter tp = truePeak(48_000, silent, 4096);
        assertEquals(Double.NEGATIVE_INFINITY, tp.truePeakDbtp());
        assertNull(r.withPeaks(tp).truePeakDbtp());
    }

    @Test
    void emptyAndOneSampleInputGiveNulls() {
        LoudnessMeter empty = new LoudnessMeter(44_100, 2);
        assertNull(empty.result().integratedLufs());
        assertEquals(0, empty.momentarySeriesLufs().length);
        LoudnessMeter one = new LoudnessMeter(44_100, 2);
        one.accept(new float[][] {{0.5f}, {0.5f}}, 1);
        LoudnessStats r = one.result();
        assertNull(r.integratedLufs());
        assertNull(r.momentaryMaxLufs());
        assertNull(r.shortTermMaxLufs());
        assertNull(r.loudnessRangeLu());
        assertEquals(0, one.shortTermSeriesLufs().length);
    }

    @Test
    void shortInputHasIntegratedButNoShortTerm() {
        LoudnessStats r = loudness(48_000, stereo(tone(48_000, 1.0, -23)), 4096).result();
        assertEquals(-23.0, r.integratedLufs(), 0.1);
        assertNull(r.shortTermMaxLufs());
        assertNull(r.loudnessRangeLu());
    }

    @Test
    void surroundWeightsAndLfeExclusion() {
        int fs = 48_000;
        float[] t = tone(fs, 5, -20);
        float[] z = new float[t.length];
        double left = loudness(fs, new float[][] {t, z, z, z, z, z}, 4096).result().integratedLufs();
        double ls = loudness(fs, new float[][] {z, z, z, z, t, z}, 4096).result().integratedLufs();
        double rs5 = loudness(fs, new float[][] {z, z, z, z, t}, 4096).result().integratedLufs();
        assertEquals(10 * Math.log10(1.41), ls - left, 1e-9);
        assertEquals(10 * Math.log10(1.41), rs5 - left, 1e-9);
        assertNull(loudness(fs, new float[][] {z, z, z, t, z, z}, 4096).result().integratedLufs(), "LFE only");
        double withLfe = loudness(fs, new float[][] {t, z, z, t, z, z}, 4096).result().integratedLufs();
        assertEquals(left, withLfe, 1e-12);
    }

    @Test
    void weightsFollowTheChannelLayout() {
        // BS.1770-4 Table 3: 1.41 at azimuth 60°…120° (the surrounds), 1.0 elsewhere; the LFE is left out
        assertArrayEquals(new double[] {1, 1, 1, 0, 1.41, 1.41},
                LoudnessMeter.channelWeights(ChannelLayout.fromWaveMask(0x3F, 6)), 0.0, "5.1, back surrounds");
        assertArrayEquals(new double[] {1, 1, 1, 0, 1.41, 1.41},
                LoudnessMeter.channelWeights(ChannelLayout.fromWaveMask(0x60F, 6)), 0.0, "5.1, side surrounds");
        // 7.1: the sides are the surrounds; the backs (±135…150°) are outside 60°…120°
        assertArrayEquals(new double[] {1, 1, 1, 0, 1, 1, 1.41, 1.41},
                LoudnessMeter.channelWeights(ChannelLayout.fromWaveMask(0x63F, 8)), 0.0, "7.1");
        assertArrayEquals(new double[] {1, 1, 1, 1.41, 1.41, 0},
                LoudnessMeter.channelWeights(ChannelLayout.vorbis(6)), 0.0, "Vorbis 5.1: FL FC FR RL RR LFE");
        assertArrayEquals(new double[] {1, 1, 1, 0, 1, 1.41, 1.41},
                LoudnessMeter.channelWeights(ChannelLayout.flac(7)), 0.0, "FLAC 6.1: back centre 1.0");
        // without a layout: the channel-count rule as before
        assertArrayEquals(new double[] {1, 1, 1, 0, 1.41, 1.41}, LoudnessMeter.channelWeights(6), 0.0);
        assertArrayEquals(new double[] {1, 1, 1, 1.41, 1.41}, LoudnessMeter.channelWeights(5), 0.0);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1}, LoudnessMeter.channelWeights(8), 0.0);
    }

    @Test
    void sevenOneByItsMask() {
        int fs = 48_000;
        ChannelLayout l71 = ChannelLayout.fromWaveMask(0x63F, 8);
        float[] t = tone(fs, 5, -20);
        float[] z = new float[t.length];
        // the LFE alone reads as silence (ffmpeg's ebur128: -70 LUFS, nothing passes the gate; libebur128: -inf)
        assertNull(loudnessIn(fs, l71, new float[][] {z, z, z, t, z, z, z, z}).result().integratedLufs(), "LFE only");
        double front = loudnessIn(fs, l71, new float[][] {t, z, z, z, z, z, z, z}).result().integratedLufs();
        double all = loudnessIn(fs, l71, new float[][] {t, t, t, t, t, t, t, t}).result().integratedLufs();
        double backs = loudnessIn(fs, l71, new float[][] {z, z, z, z, t, t, z, z}).result().integratedLufs();
        double sides = loudnessIn(fs, l71, new float[][] {z, z, z, z, z, z, t, t}).result().integratedLufs();
        // Σ G_i: three fronts 1.0, LFE 0, two backs 1.0, two sides 1.41
        assertEquals(10 * Math.log10(3 + 2 + 2 * 1.41), all - front, 1e-9);
        assertEquals(10 * Math.log10(2), backs - front, 1e-9);
        assertEquals(10 * Math.log10(2 * 1.41), sides - front, 1e-9);
    }

    @Test
    void frontPairLoudnessIsTheIntegratedLoudnessOfStereoAndOfThePairAlone() {
        int fs = 48_000;
        float[][] x = testSignal(fs, 6.1);
        LoudnessMeter stereo = loudness(fs, x, 4096);
        assertEquals(stereo.result().integratedLufs(), stereo.frontPairIntegratedLufs()); // bit for bit
        float[] z = new float[x[0].length];
        float[] loud = tone(fs, 6.1, -6);
        LoudnessMeter surround = loudness(fs, new float[][] {x[0], x[1], loud, loud, loud, loud}, 4096);
        assertEquals(stereo.result().integratedLufs(), surround.frontPairIntegratedLufs());
        assertNull(loudness(fs, new float[][] {z, z, loud, z, loud, loud}, 4096).frontPairIntegratedLufs(),
                "silent front pair");
        assertNull(loudness(fs, new float[][] {x[0]}, 4096).frontPairIntegratedLufs(), "mono");
    }

    @Test
    void vorbisOrderTakesTheFrontPairFromChannelsZeroAndTwo() {
        int fs = 48_000;
        float[][] x = testSignal(fs, 6.1);
        float[] c = tone(fs, 6.1, -6);
        LoudnessMeter wavOrder = loudness(fs, new float[][] {x[0], x[1], c}, 4096);
        LoudnessMeter vorbis = loudnessIn(fs, ChannelLayout.vorbis(3), new float[][] {x[0], c, x[1]});
        assertEquals(wavOrder.monoIntegratedLufs(), vorbis.monoIntegratedLufs());
        assertEquals(wavOrder.frontPairIntegratedLufs(), vorbis.frontPairIntegratedLufs());
        assertEquals(wavOrder.result().integratedLufs(), vorbis.result().integratedLufs(), 1e-12);
    }

    private static LoudnessMeter loudnessIn(int fs, ChannelLayout layout, float[][] planar) {
        LoudnessMeter m = new LoudnessMeter(fs, layout);
        feed(planar, 4096, m::accept);
        return m;
    }

    private static float[][] testSignal(int fs, double seconds) {
        SplittableRandom rnd = new SplittableRandom(42);
        int n = (int) (fs * seconds);
        float[][] x = new float[2][n];
        for (int i = 0; i < n; i++) {
            double env = 0.5 + 0.5 * Math.sin(i * 2 * Math.PI / (fs * 1.7));
            x[0][i] = (float) (env * (0.2 * Math.sin(i * 0.05) + 0.1 * (rnd.nextDouble() - 0.5)));
            x[1][i] = (float) (env * 0.3 * (rnd.nextDouble() - 0.5));
        }
        return x;
    }

    @Test
    void blockSizeInvariance() {
        int fs = 44_100;
        float[][] x = testSignal(fs, 7.3);
        LoudnessMeter ref = loudness(fs, x, 4096);
        TruePeakMeter refTp = truePeak(fs, x, 4096);
        for (int block : new int[] {1, 17}) {
            LoudnessMeter m = loudness(fs, x, block);
            assertEquals(ref.result(), m.result(), "block " + block);
            assertArrayEquals(ref.momentarySeriesLufs(), m.momentarySeriesLufs(), 0.0);
            assertArrayEquals(ref.shortTermSeriesLufs(), m.shortTermSeriesLufs(), 0.0);
            assertEquals(ref.monoIntegratedLufs(), m.monoIntegratedLufs(), "block " + block);
            assertEquals(ref.frontPairIntegratedLufs(), m.frontPairIntegratedLufs(), "block " + block);
            TruePeakMeter tp = truePeak(fs, x, block);
            assertArrayEquals(refTp.truePeakPerChannelDbtp(), tp.truePeakPerChannelDbtp(), 0.0);
            assertArrayEquals(refTp.samplePeakPerChannelDbfs(), tp.samplePeakPerChannelDbfs(), 0.0);
        }
        assertNotNull(ref.result().integratedLufs());
        assertNotNull(ref.result().loudnessRangeLu());
    }

    @Test
    void nonFiniteSamplesAreZeroedAndCounted() {
        int fs = 48_000;
        float[][] clean = testSignal(fs, 4);
        float[][] dirty = {clean[0].clone(), clean[1].clone()};
        int[] at = {10, 5000, 77_777, 150_000};
        for (int i : at) {
            clean[0][i] = 0f;
            clean[1][i + 1] = 0f;
        }
        dirty[0][at[0]] = Float.NaN;
        dirty[0][at[1]] = Float.POSITIVE_INFINITY;
        dirty[0][at[2]] = Float.NEGATIVE_INFINITY;
        dirty[0][at[3]] = Float.NaN;
        for (int i : at) dirty[1][i + 1] = Float.NaN;
        LoudnessMeter m = loudness(fs, dirty, 1000);
        assertEquals(8, m.nonFiniteSamples());
        assertEquals(8, m.result().nonFiniteSamples());
        LoudnessStats expected = loudness(fs, clean, 1000).result();
        LoudnessStats got = m.result();
        assertEquals(expected.integratedLufs(), got.integratedLufs());
        assertEquals(expected.loudnessRangeLu(), got.loudnessRangeLu());
        TruePeakMeter tp = truePeak(fs, dirty, 1000);
        assertEquals(8, tp.nonFiniteSamples());
        assertEquals(truePeak(fs, clean, 1000).truePeakDbtp(), tp.truePeakDbtp());
        assertTrue(Double.isFinite(tp.truePeakDbtp()));
    }

    @Test
    void interSampleOversAreCounted() {
        int fs = 48_000;
        // fs/4 at 45 degrees, amplitude 1.41: samples at +-1.0 (not over), true peak +3 dB between them.
        float[] s = peakTone(fs, 4, 1.41, 45);
        TruePeakMeter tp = truePeak(fs, stereo(s), 4096);
        assertTrue(tp.interSampleOvers() > 1000, "overs " + tp.interSampleOvers());
        TruePeakMeter quiet = truePeak(fs, stereo(peakTone(fs, 4, 0.5, 45)), 4096);
        assertEquals(0, quiet.interSampleOvers());
    }

    @Test
    void statsCombineWithPeaks() {
        int fs = 48_000;
        float[][] x = stereo(peakTone(fs, 4, 0.5, 45));
        LoudnessStats r = loudness(fs, x, 4096).result().withPeaks(truePeak(fs, x, 4096));
        assertEquals(-6.0, r.truePeakDbtp(), 0.05);
        assertEquals(20 * Math.log10(0.5 * Math.sin(Math.PI / 4)), r.samplePeakDbfs(), 0.01);
    }

    @Test
    void pairedStereoLoopComputesEachChannelAsTheOneChannelLoop() {
        // channels 0 and 1 run in one loop; with the other channel silent, the stereo meter must read bit for bit
        // what a one-channel meter reads of the same signal (weights are 1.0 either way)
        int fs = 44_100;
        float[][] x = testSignal(fs, 6.1);
        float[] z = new float[x[0].length];
        LoudnessStats mono0 = loudness(fs, new float[][] {x[0]}, 4096).result();
        LoudnessStats mono1 = loudness(fs, new float[][] {x[1]}, 4096).result();
        assertEquals(mono0, loudness(fs, new float[][] {x[0], z}, 4096).result());
        assertEquals(mono1, loudness(fs, new float[][] {z, x[1]}, 4096).result());
        assertNotNull(mono0.integratedLufs());
    }

    @Test
    void monoFoldDownReadsAsAOneChannelMeterOfTheMid() {
        int fs = 48_000;
        float[][] x = testSignal(fs, 6.1);
        float[] mid = new float[x[0].length];
        for (int i = 0; i < mid.length; i++) mid[i] = 0.5f * (x[0][i] + x[1][i]);
        double expected = loudness(fs, new float[][] {mid}, 4096).result().integratedLufs();
        LoudnessMeter stereo = loudness(fs, x, 4096);
        assertEquals(expected, stereo.monoIntegratedLufs(), 1e-6);
        assertNotEquals(stereo.result().integratedLufs(), stereo.monoIntegratedLufs(), 0.5);
        // a polarity-inverted pair cancels completely in the fold-down; one channel has no fold-down
        float[] neg = new float[x[0].length];
        for (int i = 0; i < neg.length; i++) neg[i] = -x[0][i];
        assertNull(loudness(fs, new float[][] {x[0], neg}, 4096).monoIntegratedLufs());
        assertNull(loudness(fs, new float[][] {x[0]}, 4096).monoIntegratedLufs());
        // 5.1: the fold-down is of the front pair only
        float[] z = new float[x[0].length];
        LoudnessMeter surround = loudness(fs, new float[][] {x[0], x[1], x[0], z, x[1], x[1]}, 4096);
        assertEquals(expected, surround.monoIntegratedLufs(), 1e-6);
    }
}
