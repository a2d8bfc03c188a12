package org.freshears.web;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A streaming RIFF/WAVE writer for the renders: 16-bit (TPDF-dithered) or 24-bit PCM, or 32-bit float. The sizes
 * in the header are patched when the writer is closed. Interim, until the audio package has an encoder.
 */
final class WavWriter implements AutoCloseable {
    /** The download formats. */
    enum Format {
        PCM16(16, 1), PCM24(24, 1), FLOAT32(32, 3);

        final int bits;
        final int tag;

        Format(int bits, int tag) {
            this.bits = bits;
            this.tag = tag;
        }

        static Format of(String s) {
            if (s == null || s.isBlank()) return PCM24;
            for (Format f : values()) if (f.name().equalsIgnoreCase(s.trim())) return f;
            throw new ApiException(400, "unknown format '" + s + "'; choose pcm24, pcm16 or float32");
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Path path;
    private final OutputStream out;
    private final int channels;
    private final Format format;
    private final SplittableRandom dither = new SplittableRandom(1);
    private byte[] buf = new byte[0];
    private long frames;

    WavWriter(Path path, int sampleRate, int channels, Format format) throws IOException {
        this.path = path;
        this.channels = channels;
        this.format = format;
        this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        out.write(header(sampleRate, channels, format, 0));
    }

    static byte[] header(int sampleRate, int channels, Format format, long frames) {
        int block = channels * format.bits / 8;
        long data = frames * block;
        byte[] h = new byte[44];
        put(h, 0, "RIFF");
        le(h, 4, (int) Math.min(0xffffffffL, 36 + data), 4);
        put(h, 8, "WAVE");
        put(h, 12, "fmt ");
        le(h, 16, 16, 4);
        le(h, 20, format.tag, 2);
        le(h, 22, channels, 2);
        le(h, 24, sampleRate, 4);
        le(h, 28, sampleRate * block, 4);
        le(h, 32, block, 2);
        le(h, 34, format.bits, 2);
        put(h, 36, "data");
        le(h, 40, (int) Math.min(0xffffffffL, data), 4);
        return h;
    }

    private static void put(byte[] h, int at, String s) {
        for (int i = 0; i < 4; i++) h[at + i] = (byte) s.charAt(i);
    }

    private static void le(byte[] h, int at, long v, int n) {
        for (int i = 0; i < n; i++) h[at + i] = (byte) (v >>> (8 * i));
    }

    /** Writes {@code n} frames of planar samples (full scale ±1). */
    void write(float[][] block, int n) throws IOException {
        int bytes = format.bits / 8;
        int need = n * channels * bytes;
        if (buf.length < need) buf = new byte[need];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                float x = block[c][i];
                if (!Float.isFinite(x)) x = 0;
                switch (format) {
                    case PCM16 -> {
                        double d = x * 32767.0 + (dither.nextDouble() - dither.nextDouble());
                        int v = (int) Math.max(-32768, Math.min(32767, Math.round(d)));
                        buf[p++] = (byte) v;
                        buf[p++] = (byte) (v >> 8);
                    }
                    case PCM24 -> {
                        int v = (int) Math.max(-8388608, Math.min(8388607, Math.round(x * 8388607.0)));
                        buf[p++] = (byte) v;
                        buf[p++] = (byte) (v >> 8);
                        buf[p++] = (byte) (v >> 16);
                    }
                    case FLOAT32 -> {
                        int v = Float.floatToRawIntBits(x);
                        buf[p++] = (byte) v;
                        buf[p++] = (byte) (v >> 8);
                        buf[p++] = (byte) (v >> 16);
                        buf[p++] = (byte) (v >> 24);
                    }
                }
            }
        }
        out.write(buf, 0, p);
        frames += n;
    }

    long frames() {
        return frames;
    }

    @Override
    public void close() throws IOException {
        out.close();
        long data = frames * channels * (format.bits / 8);
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
            byte[] four = new byte[4];
            le(four, 0, Math.min(0xffffffffL, 36 + data), 4);
            f.seek(4);
            f.write(four);
            le(four, 0, Math.min(0xffffffffL, data), 4);
            f.seek(40);
            f.write(four);
        }
    }
}
