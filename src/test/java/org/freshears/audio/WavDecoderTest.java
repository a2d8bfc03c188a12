package org.freshears.audio;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavDecoderTest {
    @TempDir
    Path dir;

    private Decoded decode(byte[] bytes) throws Exception {
        return Decoded.of(dir, "test.wav", bytes);
    }

    @Test
    void pcm8IsUnsignedWith128AsZero() throws Exception {
        byte[] data = {(byte) 128, 0, (byte) 255, (byte) 192};
        Decoded d = decode(new TestBytes.Wav().fmt(1, 1, 8000, 8).data(data).bytes());
        assertArrayEquals(new float[] {0f, -1f, 127f / 128f, 0.5f}, d.samples()[0]);
        assertEquals("pcm8", d.info().encoding());
        assertEquals(4, d.info().frameLength());
        assertTrue(d.warnings().isEmpty(), d.warnings().toString());
    }

    @Test
    void pcm16IsBitExactAndPlanar() throws Exception {
        byte[] data = TestBytes.ints(2, LITTLE_ENDIAN, -32768, 32767, 0, 1, 16384, -1);
        Decoded d = decode(new TestBytes.Wav().fmt(1, 2, 44100, 16).data(data).bytes());
        assertArrayEquals(new float[] {-1f, 0f, 0.5f}, d.samples()[0]);
        assertArrayEquals(new float[] {32767f / 32768f, 1f / 32768f, -1f / 32768f}, d.samples()[1]);
        assertEquals(new AudioInfo(44100, 2, "wav", "pcm16", 3), d.info());
    }

    @Test
    void pcm24IsBitExact() throws Exception {
        byte[] data = TestBytes.ints(3, LITTLE_ENDIAN, 0x7FFFFF, -0x800000, 1, -1, 0x400000);
        Decoded d = decode(new TestBytes.Wav().fmt(1, 1, 48000, 24).data(data).bytes());
        assertArrayEquals(new float[] {8388607f / 8388608f, -1f, 1f / 8388608f, -1f / 8388608f, 0.5f}, d.samples()[0]);
        assertEquals("pcm24", d.info().encoding());
    }

    @Test
    void blocksAreFilledAcrossTheReadBufferAndKeepEverySample() throws Exception {
        // 30 000 stereo 24-bit frames (180 000 bytes): the 64 KiB read buffer holds 10 922 frames, so 8192-frame
        // requests straddle buffer refills; each must still come back full, with the samples in order
        int frames = 30_000;
        int[] samples = new int[2 * frames];
        for (int i = 0; i < frames; i++) {
            samples[2 * i] = i * 251 % 0x7FFFFF;
            samples[2 * i + 1] = -(i * 97 % 0x7FFFFF);
        }
        Path file = dir.resolve("blocks.wav");
        java.nio.file.Files.write(file, new TestBytes.Wav().fmt(1, 2, 44100, 24)
                .data(TestBytes.ints(3, LITTLE_ENDIAN, samples)).bytes());
        try (AudioSource src = AudioDecoder.open(file)) {
            float[][] block = new float[2][8192];
            int[] sizes = new int[4];
            int read = 0;
            for (int b = 0; b < 4; b++) {
                sizes[b] = src.read(block, 8192);
                for (int i = 0; i < sizes[b]; i++) {
                    assertEquals(samples[2 * (read + i)] * 0x1p-23f, block[0][i]);
                    assertEquals(samples[2 * (read + i) + 1] * 0x1p-23f, block[1][i]);
                }
                read += sizes[b];
            }
            assertArrayEquals(new int[] {8192, 8192, 8192, 30_000 - 3 * 8192}, sizes);
            assertEquals(-1, src.read(block, 8192));
        }
    }

    @Test
    void pcm32IsExactWhereFloatCanBe() throws Exception {
        byte[] data = TestBytes.ints(4, LITTLE_ENDIAN, Integer.MIN_VALUE, 0x40000000, 0x7FFFFF00, -256);
        Decoded d = decode(new TestBytes.Wav().fmt(1, 1, 48000, 32).data(data).bytes());
        assertArrayEquals(new float[] {-1f, 0.5f, 0x7FFFFF00 / 2147483648f, -256 / 2147483648f}, d.samples()[0]);
    }

    @Test
    void float32AndFloat64PassValuesNaNAndInfinityThrough() throws Exception {
        float[] values = {0.25f, -1.5f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-30f};
        Decoded f32 = decode(new TestBytes.Wav().fmt(3, 1, 44100, 32).data(TestBytes.floats(LITTLE_ENDIAN, values)).bytes());
        assertArrayEquals(values, f32.samples()[0]);
        assertTrue(Float.isNaN(f32.samples()[0][2]));
        double[] doubles = {0.25, -1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-30};
        Decoded f64 = decode(new TestBytes.Wav().fmt(3, 1, 44100, 64).data(TestBytes.doubles(LITTLE_ENDIAN, doubles)).bytes());
        assertArrayEquals(values, f64.samples()[0]);
        assertEquals("float64", f64.info().encoding());
    }

    @Test
    void extensiblePcmAndFloat() throws Exception {
        byte[] pcm = TestBytes.ints(3, LITTLE_ENDIAN, 0x7FFFFF, -0x800000);
        Decoded p = decode(new TestBytes.Wav().fmtExtensible(1, 2, 96000, 24, 24).data(pcm).bytes());
        assertArrayEquals(new float[] {8388607f / 8388608f}, p.samples()[0]);
        assertArrayEquals(new float[] {-1f}, p.samples()[1]);
        assertEquals(96000, p.info().sampleRate());
        Decoded f = decode(new TestBytes.Wav().fmtExtensible(3, 1, 44100, 32, 32).data(TestBytes.floats(LITTLE_ENDIAN, 0.125f, Float.NaN)).bytes());
        assertEquals(0.125f, f.samples()[0][0]);
        assertTrue(Float.isNaN(f.samples()[0][1]));
    }

    @Test
    void extensibleChannelMaskGivesTheLayout() throws Exception {
        // 7.1 as WAVEFORMATEXTENSIBLE states it (KSAUDIO_SPEAKER_7POINT1_SURROUND, 0x63F): FL FR FC LFE BL BR SL SR
        byte[] frame = TestBytes.ints(2, LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6, 7, 8);
        Decoded d = decode(new TestBytes.Wav().fmtExtensible(1, 8, 48000, 16, 16, 0x63F).data(frame).bytes());
        assertEquals(ChannelLayout.fromWaveMask(0x63F, 8), d.info().channelLayout());
        assertEquals(ChannelLayout.Speaker.LOW_FREQUENCY, d.info().channelLayout().speaker(3));
        assertEquals(ChannelLayout.Speaker.SIDE_RIGHT, d.info().channelLayout().speaker(7));
        // a plain PCM header states no positions: the channel-count rule
        byte[] six = TestBytes.ints(2, LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6);
        Decoded plain = decode(new TestBytes.Wav().fmt(1, 6, 48000, 16).data(six).bytes());
        assertEquals(ChannelLayout.byCount(6), plain.info().channelLayout());
    }

    @Test
    void eightChannelsAt192kHz() throws Exception {
        int[] frame = new int[8 * 3];
        for (int i = 0; i < frame.length; i++) frame[i] = (i % 8) * 1000 + i / 8;
        Decoded d = decode(new TestBytes.Wav().fmt(1, 8, 192000, 16).data(TestBytes.ints(2, LITTLE_ENDIAN, frame)).bytes());
        assertEquals(8, d.info().channels());
        assertEquals(192000, d.info().sampleRate());
        for (int c = 0; c < 8; c++) {
            assertArrayEquals(new float[] {c * 1000 / 32768f, (c * 1000 + 1) / 32768f, (c * 1000 + 2) / 32768f}, d.samples()[c], "channel " + c);
        }
    }

    @Test
    void oneSample() throws Exception {
        Decoded d = decode(new TestBytes.Wav().fmt(1, 1, 44100, 16).data(TestBytes.ints(2, LITTLE_ENDIAN, -16384)).bytes());
        assertArrayEquals(new float[] {-0.5f}, d.samples()[0]);
    }

    @Test
    void headerOnlyWavIsAnEmptyStreamNotAnError() throws Exception {
        Decoded d = decode(new TestBytes.Wav().fmt(1, 2, 44100, 16).data(new byte[0]).bytes());
        assertEquals(0, d.frames());
        assertEquals(0, d.info().frameLength());
        assertTrue(d.warnings().isEmpty(), d.warnings().toString());
        Decoded noData = decode(new TestBytes.Wav().fmt(1, 2, 44100, 16).bytes());
        assertEquals(0, noData.frames());
        assertTrue(noData.warnings().getFirst().contains("no data chunk"), noData.warnings().toString());
    }

    @Test
    void unknownChunksAndOddPaddingAreSkipped() throws Exception {
        byte[] data = TestBytes.ints(2, LITTLE_ENDIAN, 100, 200);
        Decoded padded = decode(new TestBytes.Wav().chunk("JUNK", new byte[3]).fmt(1, 1, 44100, 16)
                .chunk("LIST", new byte[7]).data(data).chunk("id3 ", new byte[5]).bytes());
        assertArrayEquals(new float[] {100 / 32768f, 200 / 32768f}, padded.samples()[0]);
        Decoded unpadded = decode(new TestBytes.Wav().noPadding().fmt(1, 1, 44100, 16).chunk("bext", new byte[9]).data(data).bytes());
        assertArrayEquals(new float[] {100 / 32768f, 200 / 32768f}, unpadded.samples()[0]);
    }

    @Test
    void truncatedFileDecodesWhatIsThereAndWarns() throws Exception {
        int[] samples = new int[44100 * 2];
        for (int i = 0; i < samples.length; i++) samples[i] = i % 1000;
        byte[] whole = new TestBytes.Wav().fmt(1, 2, 44100, 16).data(TestBytes.ints(2, LITTLE_ENDIAN, samples)).bytes();
        byte[] cut = java.util.Arrays.copyOf(whole, 44 + 44100 + 3); // half the frames and a partial frame
        Decoded d = decode(cut);
        assertEquals(11025, d.frames());
        assertEquals(999 / 32768f, d.samples()[1][499]);
        assertEquals(1, d.warnings().size(), d.warnings().toString());
        assertTrue(d.warnings().getFirst().startsWith("truncated: decoded 0.3 s of 1.0 s"), d.warnings().getFirst());
    }

    @Test
    void lyingDataSizeBiggerThanTheFileReadsToTheEnd() throws Exception {
        byte[] data = TestBytes.ints(2, LITTLE_ENDIAN, 1, 2, 3, 4);
        Decoded d = decode(new TestBytes.Wav().fmt(1, 1, 8000, 16).dataDeclaring(1_000_000, data).bytes());
        assertEquals(4, d.frames());
        assertEquals(4, d.info().frameLength());
        assertTrue(d.warnings().getFirst().startsWith("truncated:"), d.warnings().toString());
    }

    @Test
    void streamingWriterSizesMeanReadToTheEnd() throws Exception {
        byte[] data = TestBytes.ints(2, LITTLE_ENDIAN, 1, 2, 3, 4);
        for (long size : new long[] {0, 0xFFFFFFFFL}) {
            Decoded d = decode(new TestBytes.Wav().fmt(1, 2, 8000, 16).dataDeclaring(size, data).bytes());
            assertArrayEquals(new float[] {1 / 32768f, 3 / 32768f}, d.samples()[0], "size " + size);
            assertTrue(d.warnings().getFirst().contains("no data size"), d.warnings().toString());
        }
    }

    @Test
    void rf64UsesTheDs64DataSize() throws Exception {
        byte[] data = TestBytes.ints(2, LITTLE_ENDIAN, 7, 8, 9, 10);
        byte[] bytes = new TestBytes.Wav().rf64(6).fmt(1, 1, 8000, 16).dataDeclaring(0xFFFFFFFFL, data).bytes();
        Decoded d = decode(bytes);
        assertArrayEquals(new float[] {7 / 32768f, 8 / 32768f, 9 / 32768f}, d.samples()[0]);
        assertTrue(d.warnings().isEmpty(), d.warnings().toString());
    }

    @Test
    void zeroChannelsOrZeroRateAreRejectedWithAClearLine() {
        byte[] noChannels = new TestBytes.Wav().fmt(1, 0, 44100, 16).data(new byte[4]).bytes();
        var e = assertThrows(UnreadableAudioException.class, () -> decode(noChannels));
        assertEquals("test.wav: WAV header declares 0 channels", e.getMessage());
        byte[] noRate = new TestBytes.Wav().fmt(1, 2, 0, 16).data(new byte[4]).bytes();
        e = assertThrows(UnreadableAudioException.class, () -> decode(noRate));
        assertEquals("test.wav: WAV header declares a sample rate of 0 Hz", e.getMessage());
    }

    @Test
    void compressedWavEncodingsAreNamed() {
        byte[] alaw = new TestBytes.Wav().fmt(6, 1, 8000, 8).data(new byte[8]).bytes();
        var e = assertThrows(UnreadableAudioException.class, () -> decode(alaw));
        assertEquals("test.wav: WAV with A-law encoding is not supported; convert to PCM WAV or FLAC", e.getMessage());
    }

    @Test
    void missingFmtChunkIsAnError() {
        byte[] bytes = new TestBytes.Wav().data(new byte[8]).bytes();
        var e = assertThrows(UnreadableAudioException.class, () -> decode(bytes));
        assertTrue(e.getMessage().contains("no format (fmt) chunk"), e.getMessage());
    }
}
