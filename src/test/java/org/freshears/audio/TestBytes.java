package org.freshears.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Test-only builders for WAV, RF64 and AIFF/AIFF-C bytes, valid or deliberately broken. */
final class TestBytes {
    private TestBytes() {
    }

    /** Interleaved integer samples as little- or big-endian two's complement of {@code bytes} width. */
    static byte[] ints(int bytes, ByteOrder order, int... samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * bytes).order(order);
        for (int v : samples) {
            for (int k = 0; k < bytes; k++) {
                int shift = order == ByteOrder.LITTLE_ENDIAN ? 8 * k : 8 * (bytes - 1 - k);
                b.put((byte) (v >> shift));
            }
        }
        return b.array();
    }

    static byte[] floats(ByteOrder order, float... samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 4).order(order);
        for (float v : samples) b.putFloat(v);
        return b.array();
    }

    static byte[] doubles(ByteOrder order, double... samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 8).order(order);
        for (double v : samples) b.putDouble(v);
        return b.array();
    }

    /** A RIFF/WAVE file built chunk by chunk. */
    static final class Wav {
        private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        private String riff = "RIFF";
        private boolean pad = true;

        /** A plain PCM (tag 1) or float (tag 3) {@code fmt } chunk. */
        Wav fmt(int tag, int channels, int rate, int bits) {
            int align = channels * ((bits + 7) / 8);
            ByteBuffer b = le(16).putShort((short) tag).putShort((short) channels).putInt(rate)
                    .putInt(rate * align).putShort((short) align).putShort((short) bits);
            return chunk("fmt ", b.array());
        }

        /** A WAVE_FORMAT_EXTENSIBLE {@code fmt } chunk whose sub-format GUID starts with {@code subTag}; mask 0x3. */
        Wav fmtExtensible(int subTag, int channels, int rate, int bits, int validBits) {
            return fmtExtensible(subTag, channels, rate, bits, validBits, 3);
        }

        /** A WAVE_FORMAT_EXTENSIBLE {@code fmt } chunk with the given channel mask. */
        Wav fmtExtensible(int subTag, int channels, int rate, int bits, int validBits, int channelMask) {
            int align = channels * bits / 8;
            ByteBuffer b = le(40).putShort((short) 0xFFFE).putShort((short) channels).putInt(rate)
                    .putInt(rate * align).putShort((short) align).putShort((short) bits)
                    .putShort((short) 22).putShort((short) validBits).putInt(channelMask)
                    .putShort((short) subTag)
                    .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
            return chunk("fmt ", b.array());
        }

        Wav data(byte[] data) {
            return chunk("data", data);
        }

        /** A data chunk whose size field says {@code declared} whatever the bytes that follow. */
        Wav dataDeclaring(long declared, byte[] data) {
            return raw("data", declared, data);
        }

        /** Any chunk, padded to even length unless {@link #noPadding()} was called. */
        Wav chunk(String id, byte[] body) {
            return raw(id, body.length, body);
        }

        Wav noPadding() {
            pad = false;
            return this;
        }

        Wav rf64(long dataSize) {
            riff = "RF64";
            ByteBuffer ds64 = le(28).putLong(0).putLong(dataSize).putLong(0).putInt(0);
            return chunk("ds64", ds64.array());
        }

        private Wav raw(String id, long size, byte[] body) {
            chunks.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
            chunks.writeBytes(le(4).putInt((int) size).array());
            chunks.writeBytes(body);
            if (pad && (body.length & 1) == 1) chunks.write(0);
            return this;
        }

        byte[] bytes() {
            byte[] body = chunks.toByteArray();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(riff.getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(le(4).putInt(riff.equals("RIFF") ? body.length + 4 : -1).array());
            out.writeBytes("WAVE".getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(body);
            return out.toByteArray();
        }
    }

    /** An AIFF or AIFF-C file built chunk by chunk. */
    static final class Aiff {
        private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        private final boolean aifc;

        Aiff(boolean aifc) {
            this.aifc = aifc;
        }

        /** A COMM chunk; {@code compression} is ignored for plain AIFF. */
        Aiff comm(int channels, long frames, int bits, double rate, String compression) {
            ByteBuffer b = be(aifc ? 24 : 18).putShort((short) channels).putInt((int) frames).putShort((short) bits)
                    .put(extended(rate));
            if (aifc) b.put(compression.getBytes(StandardCharsets.ISO_8859_1)).put((byte) 0).put((byte) 0);
            return chunk("COMM", b.array());
        }

        Aiff ssnd(byte[] data) {
            ByteBuffer b = be(8 + data.length).putInt(0).putInt(0).put(data);
            return chunk("SSND", b.array());
        }

        Aiff chunk(String id, byte[] body) {
            chunks.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
            chunks.writeBytes(be(4).putInt(body.length).array());
            chunks.writeBytes(body);
            if ((body.length & 1) == 1) chunks.write(0);
            return this;
        }

        byte[] bytes() {
            byte[] body = chunks.toByteArray();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("FORM".getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(be(4).putInt(body.length + 4).array());
            out.writeBytes((aifc ? "AIFC" : "AIFF").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(body);
            return out.toByteArray();
        }
    }

    /** Encodes a positive integer-valued rate as an 80-bit IEEE extended float. */
    static byte[] extended(double value) {
        long integer = (long) value;
        int exponent = 63 - Long.numberOfLeadingZeros(integer);
        long mantissa = integer << (63 - exponent);
        return be(10).putShort((short) (16383 + exponent)).putLong(mantissa).array();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer be(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.BIG_ENDIAN);
    }
}
