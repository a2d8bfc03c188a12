package org.freshears.audio;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AiffDecoderTest {
    @TempDir
    Path dir;

    private Decoded decode(byte[] bytes) throws Exception {
        return Decoded.of(dir, "test.aif", bytes);
    }

    private Decoded aiff(int bits, int frames, byte[] data) throws Exception {
        return decode(new TestBytes.Aiff(false).comm(1, frames, bits, 44100, "").ssnd(data).bytes());
    }

    private Decoded aifc(String compression, int bits, int frames, byte[] data) throws Exception {
        return decode(new TestBytes.Aiff(true).comm(1, frames, bits, 48000, compression).ssnd(data).bytes());
    }

    @Test
    void aiffIntegerDepthsAreBitExact() throws Exception {
        assertArrayEquals(new float[] {-1f, 127f / 128f, 0f}, aiff(8, 3, new byte[] {-128, 127, 0}).samples()[0]);
        assertArrayEquals(new float[] {-1f, 32767f / 32768f},
                aiff(16, 2, TestBytes.ints(2, BIG_ENDIAN, -32768, 32767)).samples()[0]);
        Decoded d24 = aiff(24, 2, TestBytes.ints(3, BIG_ENDIAN, 0x7FFFFF, -0x800000));
        assertArrayEquals(new float[] {8388607f / 8388608f, -1f}, d24.samples()[0]);
        assertEquals(new AudioInfo(44100, 1, "aiff", "pcm24", 2), d24.info());
        assertArrayEquals(new float[] {-1f, 0.5f},
                aiff(32, 2, TestBytes.ints(4, BIG_ENDIAN, Integer.MIN_VALUE, 0x40000000)).samples()[0]);
    }

    @Test
    void aifcEncodings() throws Exception {
        assertArrayEquals(new float[] {-1f, 0.5f}, aifc("NONE", 16, 2, TestBytes.ints(2, BIG_ENDIAN, -32768, 16384)).samples()[0]);
        assertArrayEquals(new float[] {-1f, 0.5f}, aifc("sowt", 16, 2, TestBytes.ints(2, LITTLE_ENDIAN, -32768, 16384)).samples()[0]);
        assertArrayEquals(new float[] {8388607f / 8388608f}, aifc("sowt", 24, 1, TestBytes.ints(3, LITTLE_ENDIAN, 0x7FFFFF)).samples()[0]);
        float[] values = {0.75f, Float.NaN, Float.NEGATIVE_INFINITY};
        for (String fl32 : new String[] {"fl32", "FL32"}) {
            Decoded d = aifc(fl32, 32, 3, TestBytes.floats(BIG_ENDIAN, values));
            assertArrayEquals(values, d.samples()[0], fl32);
            assertEquals("float32", d.info().encoding());
            assertEquals("aifc", d.info().format());
        }
        for (String fl64 : new String[] {"fl64", "FL64"}) {
            Decoded d = aifc(fl64, 64, 3, TestBytes.doubles(BIG_ENDIAN, 0.75, Double.NaN, Double.NEGATIVE_INFINITY));
            assertArrayEquals(values, d.samples()[0], fl64);
        }
    }

    @Test
    void extendedSampleRates() throws Exception {
        for (int rate : new int[] {8000, 22050, 44100, 48000, 88200, 96000, 192000, 384000}) {
            ByteBuffer b = ByteBuffer.wrap(TestBytes.extended(rate));
            assertEquals(rate, AiffParser.extended(b, 0), "rate " + rate);
        }
        // 44100 Hz as written by real tools: 40 0E AC 44 00 00 00 00 00 00
        byte[] real = {0x40, 0x0E, (byte) 0xAC, 0x44, 0, 0, 0, 0, 0, 0};
        assertEquals(44100.0, AiffParser.extended(ByteBuffer.wrap(real), 0));
        Decoded d = decode(new TestBytes.Aiff(false).comm(2, 1, 16, 192000, "").ssnd(new byte[4]).bytes());
        assertEquals(192000, d.info().sampleRate());
    }

    @Test
    void chunksBeforeAndOddSizesAreSkipped() throws Exception {
        byte[] data = TestBytes.ints(2, BIG_ENDIAN, 1000, -1000);
        Decoded d = decode(new TestBytes.Aiff(false).chunk("NAME", "odd".getBytes()).comm(2, 1, 16, 44100, "")
                .chunk("ANNO", new byte[5]).ssnd(data).bytes());
        assertArrayEquals(new float[] {1000 / 32768f}, d.samples()[0]);
        assertArrayEquals(new float[] {-1000 / 32768f}, d.samples()[1]);
    }

    @Test
    void truncatedAiffDecodesWhatIsThere() throws Exception {
        int[] samples = new int[48000];
        Arrays.fill(samples, 256);
        byte[] whole = new TestBytes.Aiff(false).comm(1, 48000, 16, 48000, "").ssnd(TestBytes.ints(2, BIG_ENDIAN, samples)).bytes();
        Decoded d = decode(Arrays.copyOf(whole, whole.length - 48000));
        assertEquals(24000, d.frames());
        assertEquals(256 / 32768f, d.samples()[0][23999]);
        assertTrue(d.warnings().getFirst().startsWith("truncated: decoded 0.5 s of 1.0 s"), d.warnings().toString());
    }

    @Test
    void compressedAifcAndZeroChannelsAreRejected() {
        var e = assertThrows(UnreadableAudioException.class, () -> aifc("ulaw", 16, 1, new byte[2]));
        assertEquals("test.aif: AIFF-C with 'ulaw' compression is not supported; convert to uncompressed AIFF, WAV or FLAC", e.getMessage());
        e = assertThrows(UnreadableAudioException.class,
                () -> decode(new TestBytes.Aiff(false).comm(0, 1, 16, 44100, "").ssnd(new byte[2]).bytes()));
        assertEquals("test.aif: AIFF header declares 0 channels", e.getMessage());
        e = assertThrows(UnreadableAudioException.class,
                () -> decode(new TestBytes.Aiff(false).comm(1, 1, 16, 0, "").ssnd(new byte[2]).bytes()));
        assertEquals("test.aif: AIFF header declares a sample rate of 0 Hz", e.getMessage());
    }
}
