package org.freshears.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FLAC, MP3 and Ogg Vorbis fixtures made by ffmpeg (see src/test/resources/audio/README.md). */
class CompressedFormatsTest {
    @TempDir
    Path dir;

    @Test
    void flac16IsBitExact() throws Exception {
        Decoded d = Decoded.of(Decoded.resource("pattern16.flac"));
        int[][] expected = FixtureSignals.pattern16();
        assertEquals(new AudioInfo(44100, 2, "flac", "pcm16", 11025), d.info());
        for (int c = 0; c < 2; c++) {
            float[] want = new float[expected[c].length];
            for (int i = 0; i < want.length; i++) want[i] = expected[c][i] / 32768f;
            assertArrayEquals(want, d.samples()[c], "channel " + c);
        }
        assertEquals(-1f, d.samples()[0][0]);
        assertTrue(d.warnings().isEmpty(), d.warnings().toString());
    }

    @Test
    void flac24IsBitExact() throws Exception {
        Decoded d = Decoded.of(Decoded.resource("pattern24.flac"));
        int[] expected = FixtureSignals.pattern24();
        float[] want = new float[expected.length];
        for (int i = 0; i < want.length; i++) want[i] = expected[i] / 8388608f;
        assertEquals(new AudioInfo(48000, 1, "flac", "pcm24", 4800), d.info());
        assertArrayEquals(want, d.samples()[0]);
        assertEquals(8388607f / 8388608f, d.samples()[0][1]);
    }

    @Test
    void flacWithAWavNameStillDecodes() throws Exception {
        Path misnamed = dir.resolve("actually-flac.wav");
        Files.copy(Decoded.resource("pattern16.flac"), misnamed);
        Decoded d = Decoded.of(misnamed);
        assertEquals("flac", d.info().format());
        assertEquals(11025, d.frames());
    }

    @Test
    void truncatedFlacDecodesUpToTheCutAndWarns() throws Exception {
        byte[] whole = Files.readAllBytes(Decoded.resource("pattern16.flac"));
        Path cut = dir.resolve("cut.flac");
        Files.write(cut, Arrays.copyOf(whole, whole.length * 3 / 4)); // inside the second of three FLAC frames
        Decoded d = Decoded.of(cut);
        assertEquals(4608, d.frames());
        assertEquals(FixtureSignals.pattern16()[1][4607] / 32768f, d.samples()[1][4607]);
        assertEquals(List.of("truncated: decoded 0.1 s of 0.3 s"), d.warnings());
    }

    @Test
    void mp3LengthLevelAndPitch() throws Exception {
        Decoded d = Decoded.of(Decoded.resource("sine1k.mp3"));
        assertEquals("mp3", d.info().format());
        assertEquals(22050, d.info().frameLength());
        assertEquals(22050, d.frames(), 44, "length within 1 ms");
        // LAME's output is 0.445 dB below its input here; ffmpeg 5.1 measures -9.476 and -15.497 dB RMS
        assertSine(d, 0.5 * 0.95, 0.25 * 0.95);
        assertTrue(d.warnings().isEmpty(), d.warnings().toString());
    }

    @Test
    void mp3EncoderDelayIsTrimmed() throws Exception {
        // the source sine starts at sample 0 rising; with the delay trimmed the decoded wave is in phase with it
        Decoded d = Decoded.of(Decoded.resource("sine1k.mp3"));
        double dot = 0;
        double norm = 0;
        double power = 0;
        for (int i = 2000; i < 20000; i++) {
            double ref = Math.sin(2 * Math.PI * 1000 * i / 44100.0);
            dot += d.samples()[0][i] * ref;
            norm += ref * ref;
            power += d.samples()[0][i] * (double) d.samples()[0][i];
        }
        double inPhase = (dot / norm) / Math.sqrt(2 * power / 18000);
        // cos(2 pi 1000 k / 44100): 0.990 for an offset of k = 1 sample, 0.913 for 3
        assertTrue(inPhase > 0.997, "in-phase share " + inPhase);
    }

    @Test
    void truncatedMp3DecodesUpToTheCutAndWarns() throws Exception {
        byte[] whole = Files.readAllBytes(Decoded.resource("sine1k.mp3"));
        Path cut = dir.resolve("cut.mp3");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2 + 77));
        Decoded d = Decoded.of(cut);
        assertTrue(d.frames() > 8000 && d.frames() < 14000, "frames " + d.frames());
        assertTrue(d.warnings().stream().anyMatch(w -> w.startsWith("truncated: decoded 0.")), d.warnings().toString());
    }

    @Test
    void oggVorbisLengthLevelAndPitch() throws Exception {
        Decoded d = Decoded.of(Decoded.resource("sine1k.ogg"));
        assertEquals(new AudioInfo(44100, 2, "ogg", "vorbis", d.info().frameLength()), d.info());
        assertEquals(22050, d.frames(), 44 * 3, "length within 3 ms");
        assertEquals(d.info().frameLength(), d.frames());
        // Vorbis reads 0.04 dB above its input here; ffmpeg 5.1 measures -8.991 and -15.004 dB RMS
        assertSine(d, 0.5 * 1.005, 0.25 * 1.005);
        assertTrue(d.warnings().isEmpty(), d.warnings().toString());
    }

    @Test
    void truncatedOggDecodesUpToTheCutAndWarns() throws Exception {
        byte[] whole = Files.readAllBytes(Decoded.resource("sine1k.ogg"));
        Path cut = dir.resolve("cut.ogg");
        Files.write(cut, Arrays.copyOf(whole, whole.length * 9 / 10)); // ffmpeg wrote a page every 0.1 s
        Decoded d = Decoded.of(cut);
        assertTrue(d.frames() > 4000 && d.frames() < 20000, "frames " + d.frames());
        assertTrue(d.warnings().stream().anyMatch(w -> w.startsWith("truncated:")), d.warnings().toString());
    }

    @Test
    void oggVorbis51IsHandedOutInTheWavOrder() throws Exception {
        // made from a WAV in the order FL FR FC LFE BL BR (mask 0x3F); Vorbis I §4.3.9 stores FL FC FR RL RR LFE,
        // and the decoder gives the channels back in the WAV order, as ffmpeg's own decoder does
        Decoded d = Decoded.of(Decoded.resource("surround51.ogg"));
        assertEquals(ChannelLayout.fromWaveMask(0x3F, 6), d.info().channelLayout());
        assertEquals(0x3F, d.info().channelLayout().waveMask());
        assertEquals(48000, d.frames());
        // ffmpeg 5.1 (its own Vorbis decoder) reads FL, FR, BL, BR at -14.979 dB RMS (1 kHz), the centre as digital
        // silence and the LFE at -7.504 dB RMS (60 Hz)
        int[] oneKilohertz = {0, 1, 4, 5};
        for (int c : oneKilohertz) {
            assertEquals(-14.979, rmsDb(d.samples()[c]), 0.01, "RMS of channel " + c);
            assertEquals(1000, frequency(d.samples()[c], 48000), 5, "frequency of channel " + c);
        }
        assertEquals(Double.NEGATIVE_INFINITY, rmsDb(d.samples()[2]), "centre");
        assertEquals(-7.504, rmsDb(d.samples()[3]), 0.01, "LFE");
        assertEquals(60, frequency(d.samples()[3], 48000), 1, "LFE frequency");
    }

    private static double rmsDb(float[] x) {
        double sum = 0;
        for (float v : x) sum += v * (double) v;
        return 10 * Math.log10(sum / x.length);
    }

    /** Frequency from the rising zero crossings between the first and the last. */
    private static double frequency(float[] x, int rate) {
        int crossings = 0, first = -1, last = -1;
        for (int i = 1; i < x.length; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                crossings++;
                if (first < 0) first = i;
                last = i;
            }
        }
        return (crossings - 1) * (double) rate / (last - first);
    }

    /** RMS within 0.03 dB of a sine of the given peak, and 1 kHz within 0.5 % by zero crossings, per channel. */
    private static void assertSine(Decoded d, double... peaks) {
        for (int c = 0; c < peaks.length; c++) {
            float[] x = d.samples()[c];
            int from = 2205;
            int to = x.length - 2205;
            double sum = 0;
            int crossings = 0;
            int first = -1;
            int last = -1;
            for (int i = from; i < to; i++) {
                sum += x[i] * (double) x[i];
                if (x[i - 1] < 0 && x[i] >= 0) {
                    crossings++;
                    if (first < 0) first = i;
                    last = i;
                }
            }
            double rmsDb = 10 * Math.log10(sum / (to - from));
            double wantDb = 20 * Math.log10(peaks[c] / Math.sqrt(2));
            assertEquals(wantDb, rmsDb, 0.03, "RMS of channel " + c);
            double freq = (crossings - 1) * 44100.0 / (last - first);
            assertEquals(1000, freq, 5, "frequency of channel " + c);
        }
    }
}
