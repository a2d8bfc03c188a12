package org.freshears.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * Streaming RIFF/WAVE writer. Integer PCM maps full scale ±1.0 to ±2^(bits−1) (rounded to nearest, clipped to
 * [−2^(bits−1), 2^(bits−1) − 1]); 16-bit adds seeded TPDF dither of ±1 LSB before rounding, so each sample's
 * error stays within ±1.5 LSB and averages to zero. Float is WAVE_FORMAT_IEEE_FLOAT with a {@code fact} chunk.
 * More than two channels use WAVE_FORMAT_EXTENSIBLE, with the layout's channel mask when one is given (else 0:
 * positions not claimed). Sizes in the header
 * are filled in on {@link #close()}; output beyond 4 GiB (which needs RF64) is refused.
 */
public final class WavWriter implements AudioSink {
    public static final long DEFAULT_DITHER_SEED = 0x5EEDL;
    private static final int FORMAT_PCM = 1, FORMAT_FLOAT = 3, FORMAT_EXTENSIBLE = 0xFFFE;
    private static final long MAX_RIFF = 0xFFFFFFFFL;

    private final FileChannel out;
    private final int sampleRate, channels;
    private final long channelMask;
    private final OutputFormat format;
    private final int headerSize, frameBytes;
    private final ByteBuffer buffer;
    private final SplittableRandom dither;
    private long frames, clipped;
    private boolean closed;

    public WavWriter(Path path, int sampleRate, int channels, OutputFormat format) throws IOException {
        this(path, sampleRate, channels, format, DEFAULT_DITHER_SEED);
    }

    public WavWriter(Path path, int sampleRate, int channels, OutputFormat format, long ditherSeed) throws IOException {
        this(path, sampleRate, channels, format, ditherSeed, 0);
    }

    /**
     * With the speaker positions of a layout, stated as the WAVE_FORMAT_EXTENSIBLE channel mask when there are more
     * than two channels ({@link ChannelLayout#waveMask()}; 0 claims none).
     */
    public WavWriter(Path path, int sampleRate, int channels, OutputFormat format, ChannelLayout layout) throws IOException {
        this(path, sampleRate, channels, format, DEFAULT_DITHER_SEED,
                layout == null || layout.channels() != channels ? 0 : layout.waveMask());
    }

    private WavWriter(Path path, int sampleRate, int channels, OutputFormat format, long ditherSeed, long channelMask)
            throws IOException {
        this.channelMask = channelMask;
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        if (channels <= 0 || channels > 65535) throw new IllegalArgumentException("bad channel count: " + channels);
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.format = format == null ? OutputFormat.PCM24 : format;
        this.frameBytes = channels * this.format.bytesPerSample();
        this.headerSize = header(0).remaining();
        this.buffer = ByteBuffer.allocate(Math.max(frameBytes, 1 << 16)).order(ByteOrder.LITTLE_ENDIAN);
        this.dither = new SplittableRandom(ditherSeed);
        this.out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        writeFully(header(0), 0);
        out.position(headerSize);
    }

    public long framesWritten() {
        return frames;
    }

    /** Integer samples that were beyond full scale and got clipped. */
    public long clippedSamples() {
        return clipped;
    }

    @Override
    public void write(float[][] src, int offset, int n) throws IOException {
        store(src, offset, n, false);
    }

    /**
     * Writes {@code src[ch][offset .. offset+n)} and replaces each sample there with the value a decoder reads back
     * from the file (the stored integer over 2^(bits−1), exactly as {@link AudioDecoder} converts it; floats are
     * unchanged), so that what is measured is what was written.
     */
    public void writeAndReadBack(float[][] src, int offset, int n) throws IOException {
        store(src, offset, n, true);
    }

    private void store(float[][] src, int offset, int n, boolean readBack) throws IOException {
        if (closed) throw new IOException("WAV writer is closed");
        if (headerSize + (frames + n) * frameBytes - 7 > MAX_RIFF) {
            throw new IOException("WAV output would exceed 4 GiB (RF64 is not supported)");
        }
        for (int i = offset, end = offset + n; i < end; i++) {
            if (buffer.remaining() < frameBytes) flush();
            for (int c = 0; c < channels; c++) {
                float stored = putSample(src[c][i]);
                if (readBack) src[c][i] = stored;
            }
        }
        frames += n;
    }

    /** Stores one sample; returns the value a decoder reads back for it. */
    private float putSample(float x) {
        switch (format) {
            case FLOAT32 -> {
                buffer.putInt(Float.floatToRawIntBits(x));
                return x;
            }
            case PCM24 -> {
                int v = quantise(x * 8388608.0, 8388608);
                buffer.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
                return v * 0x1p-23f;
            }
            case PCM16 -> {
                double tpdf = dither.nextDouble() + dither.nextDouble() - 1;   // triangular on (−1, 1) LSB
                int v = quantise(x * 32768.0 + tpdf, 32768);
                buffer.putShort((short) v);
                return v * 0x1p-15f;
            }
            default -> throw new IllegalStateException("unknown format " + format);
        }
    }

    /** The encoding name a decoder reports for this writer's files ({@code pcm24}, {@code pcm16}, {@code float32}). */
    public static String encodingLabel(OutputFormat format) {
        PcmEncoding written = switch (format) {
            case PCM24 -> PcmEncoding.S24LE;
            case PCM16 -> PcmEncoding.S16LE;
            case FLOAT32 -> PcmEncoding.F32LE;
        };
        return written.label; // the decoder's own name for it, so the two cannot drift apart
    }

    private int quantise(double v, int fullScale) {
        if (v != v) return 0;                                              // NaN
        double r = Math.rint(v);
        if (r > fullScale - 1) {
            clipped++;
            return fullScale - 1;
        }
        if (r < -fullScale) {
            clipped++;
            return -fullScale;
        }
        return (int) r;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) out.write(buffer);
        buffer.clear();
    }

    private void writeFully(ByteBuffer b, long position) throws IOException {
        while (b.hasRemaining()) position += out.write(b, position);
    }

    private ByteBuffer header(long frameCount) {
        boolean isFloat = format == OutputFormat.FLOAT32, extensible = channels > 2;
        int bits = format.bitsPerSample(), blockAlign = channels * format.bytesPerSample();
        int fmtSize = extensible ? 40 : isFloat ? 18 : 16;
        boolean fact = isFloat;
        long dataBytes = frameCount * blockAlign;
        int size = 12 + 8 + fmtSize + (fact ? 12 : 0) + 8;
        ByteBuffer h = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        h.put(ascii("RIFF")).putInt((int) (size - 8 + dataBytes + (dataBytes & 1))).put(ascii("WAVE"));
        h.put(ascii("fmt ")).putInt(fmtSize);
        int code = isFloat ? FORMAT_FLOAT : FORMAT_PCM;
        h.putShort((short) (extensible ? FORMAT_EXTENSIBLE : code)).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        if (extensible) {
            h.putShort((short) 22).putShort((short) bits).putInt((int) channelMask);
            h.putShort((short) code).put(new byte[]{0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        } else if (isFloat) {
            h.putShort((short) 0);
        }
        if (fact) h.put(ascii("fact")).putInt(4).putInt((int) frameCount);
        h.put(ascii("data")).putInt((int) dataBytes);
        return h.flip();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Flushes the samples and writes the final header. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try (FileChannel c = out) {
            if ((frames * frameBytes & 1) != 0) buffer.put((byte) 0);   // RIFF chunks are word-aligned
            flush();
            writeFully(header(frames), 0);
        }
    }
}
