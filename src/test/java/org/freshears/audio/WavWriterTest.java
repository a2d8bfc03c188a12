package org.freshears.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WavWriterTest {
    @TempDir
    Path dir;

    static float[][] noise(long seed, int channels, int n, double amp) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[channels][n];
        for (float[] ch : x) for (int i = 0; i < n; i++) ch[i] = (float) (amp * (2 * r.nextDouble() - 1));
        return x;
    }

    private Path write(OutputFormat fmt, int rate, float[][] x, int block) throws IOException {
        Path p = dir.resolve(fmt + "-" + x.length + ".wav");
        try (WavWriter w = new WavWriter(p, rate, x.length, fmt)) {
            for (int off = 0; off < x[0].length; off += block) w.write(x, off, Math.min(block, x[0].length - off));
        }
        return p;
    }

    @Test
    void pcm24IsBitExactThroughTheJdkReader() throws IOException {
        int n = 10001;
        float[][] x = new float[2][n];
        SplittableRandom r = new SplittableRandom(1);
        for (float[] ch : x) for (int i = 0; i < n; i++) ch[i] = (r.nextInt(1 << 24) - (1 << 23)) / 8388608f;  // exact 24-bit values
        x[0][0] = -1f;
        x[1][0] = 8388607 / 8388608f;
        JdkWav.Wav w = JdkWav.read(write(OutputFormat.PCM24, 44100, x, 333));
        assertEquals(24, w.bits());
        assertEquals(44100, w.sampleRate());
        for (int c = 0; c < 2; c++) {
            assertEquals(n, w.samples()[c].length);
            for (int i = 0; i < n; i++) assertEquals(x[c][i] * 8388608.0, w.samples()[c][i], 0.0);
        }
    }

    @Test
    void integerFormatsClipToFullScale() throws IOException {
        float[][] x = {{1.5f, -2f, 1f, Float.NaN}};
        JdkWav.Wav w = JdkWav.read(write(OutputFormat.PCM24, 48000, x, 4));
        assertEquals(8388607, w.samples()[0][0]);
        assertEquals(-8388608, w.samples()[0][1]);
        assertEquals(8388607, w.samples()[0][2]);
        assertEquals(0, w.samples()[0][3]);
    }

    @Test
    void float32IsExactAndHasAFactChunk() throws IOException {
        float[][] x = noise(2, 2, 5000, 1.5);
        Path p = write(OutputFormat.FLOAT32, 96000, x, 4096);
        JdkWav.Wav w = JdkWav.read(p);
        assertTrue(w.isFloat());
        for (int c = 0; c < 2; c++) for (int i = 0; i < 5000; i++) assertEquals(x[c][i], (float) w.samples()[c][i], 0f);
        ByteBuffer h = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(3, h.getShort(20));
        assertEquals("fact", new String(Files.readAllBytes(p), 38, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(5000, h.getInt(46));
        assertEquals(Files.size(p) - 8, h.getInt(4) & 0xFFFFFFFFL);
    }

    @Test
    void pcm16DitherIsTriangularUnbiasedAndSmall() throws IOException {
        int n = 200000;
        float[][] x = noise(3, 1, n, 0.7);
        JdkWav.Wav w = JdkWav.read(write(OutputFormat.PCM16, 44100, x, 1000));
        double sum = 0, sq = 0, worst = 0;
        for (int i = 0; i < n; i++) {
            double e = w.samples()[0][i] - x[0][i] * 32768.0;
            worst = Math.max(worst, Math.abs(e));
            sum += e;
            sq += e * e;
        }
        // TPDF of ±1 LSB plus rounding: each error within ±1.5 LSB, mean 0, RMS sqrt(1/6 + 1/12) = 0.5 LSB
        assertTrue(worst <= 1.5, "worst error " + worst + " LSB");
        assertEquals(0, sum / n, 0.01);
        assertEquals(0.5, Math.sqrt(sq / n), 0.01);
    }

    @Test
    void pcm16DitherIsSeededAndRepeatable() throws IOException {
        float[][] x = noise(4, 2, 3000, 0.3);
        byte[] a = Files.readAllBytes(write(OutputFormat.PCM16, 44100, x, 100));
        byte[] b = Files.readAllBytes(write(OutputFormat.PCM16, 44100, x, 2999));
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
    }

    @Test
    void sixChannelsUseExtensibleAndReadBack() throws IOException {
        for (OutputFormat fmt : OutputFormat.values()) {
            float[][] x = noise(5, 6, 777, 0.5);
            Path p = write(fmt, 48000, x, 100);
            ByteBuffer h = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals((short) 0xFFFE, h.getShort(20));
            JdkWav.Wav w = JdkWav.read(p);
            assertEquals(6, w.samples().length, fmt.toString());
            assertEquals(777, w.samples()[5].length, fmt.toString());
            double scale = fmt == OutputFormat.FLOAT32 ? 1 : fmt == OutputFormat.PCM24 ? 8388608 : 32768;
            assertEquals(x[5][10] * scale, w.samples()[5][10], fmt == OutputFormat.PCM16 ? 1.5 : 0.5);
        }
    }

    @Test
    void oddLengthMono24BitIsPaddedAndReadable() throws IOException {
        float[][] x = noise(6, 1, 3, 0.5);
        Path p = write(OutputFormat.PCM24, 44100, x, 3);
        assertEquals(44 + 9 + 1, Files.size(p));
        assertEquals(3, JdkWav.read(p).samples()[0].length);
    }
}
