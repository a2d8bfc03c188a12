package org.freshears.audio;

/**
 * Uncompressed sample encodings found in WAV and AIFF files, with the tight conversion loop for each.
 * Integers map to floats by dividing by 2^(bits-1), so the most negative code is exactly -1.0;
 * floats (including NaN and Inf) pass through unchanged.
 */
enum PcmEncoding {
    U8("pcm8", 1), S8("pcm8", 1),
    S16LE("pcm16", 2), S16BE("pcm16", 2),
    S24LE("pcm24", 3), S24BE("pcm24", 3),
    S32LE("pcm32", 4), S32BE("pcm32", 4),
    F32LE("float32", 4), F32BE("float32", 4),
    F64LE("float64", 8), F64BE("float64", 8);

    /** The short name reported in {@link AudioInfo#encoding()}. */
    final String label;
    /** Bytes per sample of one channel. */
    final int bytes;

    PcmEncoding(String label, int bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    /**
     * Converts one channel of {@code frames} interleaved frames.
     *
     * @param src        interleaved bytes
     * @param pos        offset of this channel's first sample in {@code src}
     * @param stride     bytes per frame
     * @param dst        destination for this channel
     * @param dstOff     first index written in {@code dst}
     * @param frames     frames to convert
     */
    void convert(byte[] src, int pos, int stride, float[] dst, int dstOff, int frames) {
        // one small loop per encoding, plain byte arithmetic: fast from the first block on (no VarHandle
        // linkage for the interpreter and the first JIT tier to wade through)
        switch (this) {
            case U8 -> u8(src, pos, stride, dst, dstOff, frames);
            case S8 -> s8(src, pos, stride, dst, dstOff, frames);
            case S16LE -> s16le(src, pos, stride, dst, dstOff, frames);
            case S16BE -> s16be(src, pos, stride, dst, dstOff, frames);
            case S24LE -> s24le(src, pos, stride, dst, dstOff, frames);
            case S24BE -> s24be(src, pos, stride, dst, dstOff, frames);
            case S32LE -> s32le(src, pos, stride, dst, dstOff, frames, false);
            case S32BE -> s32be(src, pos, stride, dst, dstOff, frames, false);
            case F32LE -> s32le(src, pos, stride, dst, dstOff, frames, true);
            case F32BE -> s32be(src, pos, stride, dst, dstOff, frames, true);
            case F64LE -> f64(src, pos, stride, dst, dstOff, frames, true);
            case F64BE -> f64(src, pos, stride, dst, dstOff, frames, false);
        }
    }

    private static void u8(byte[] src, int pos, int stride, float[] dst, int off, int frames) {
        for (int i = off, end = off + frames; i < end; i++, pos += stride) dst[i] = ((src[pos] & 0xFF) - 128) * 0x1p-7f;
    }

    private static void s8(byte[] src, int pos, int stride, float[] dst, int off, int frames) {
        for (int i = off, end = off + frames; i < end; i++, pos += stride) dst[i] = src[pos] * 0x1p-7f;
    }

    private static void s16le(byte[] src, int pos, int stride, float[] dst, int off, int frames) {
        for (int i = off, end = off + frames; i < end; i++, pos += stride) {
            dst[i] = ((src[pos] & 0xFF) | src[pos + 1] << 8) * 0x1p-15f;
        }
    }

    private static void s16be(byte[] src, int pos, int stride, float[] dst, int off, int frames) {
        for (int i = off, end = off + frames; i < end; i++, pos += stride) {
            dst[i] = (src[pos] << 8 | (src[pos + 1] & 0xFF)) * 0x1p-15f;
        }
    }

    private static void s24le(byte[] src, int pos, int stride, float[] dst, int off, int frames) {
        for (int i = off, end = off + frames; i < end; i++, pos += stride) {
            dst[i] = ((src[pos] & 0xFF) | (src[pos + 1] & 0xFF) << 8 | src[pos + 2] << 16) * 0x1p-23f;
        }
    }

    private static void s24be(byte[] src, int pos, int stride, float[] dst, int off, int frames) {
        for (int i = off, end = off + frames; i < end; i++, pos += stride) {
            dst[i] = (src[pos] << 16 | (src[pos + 1] & 0xFF) << 8 | (src[pos + 2] & 0xFF)) * 0x1p-23f;
        }
    }

    /** 32-bit little-endian words: integers scaled by 2^-31, or IEEE floats passed through. */
    private static void s32le(byte[] src, int pos, int stride, float[] dst, int off, int frames, boolean ieee) {
        for (int i = off, end = off + frames; i < end; i++, pos += stride) {
            int v = (src[pos] & 0xFF) | (src[pos + 1] & 0xFF) << 8 | (src[pos + 2] & 0xFF) << 16 | src[pos + 3] << 24;
            dst[i] = ieee ? Float.intBitsToFloat(v) : v * 0x1p-31f;
        }
    }

    private static void s32be(byte[] src, int pos, int stride, float[] dst, int off, int frames, boolean ieee) {
        for (int i = off, end = off + frames; i < end; i++, pos += stride) {
            int v = src[pos] << 24 | (src[pos + 1] & 0xFF) << 16 | (src[pos + 2] & 0xFF) << 8 | (src[pos + 3] & 0xFF);
            dst[i] = ieee ? Float.intBitsToFloat(v) : v * 0x1p-31f;
        }
    }

    private static void f64(byte[] src, int pos, int stride, float[] dst, int off, int frames, boolean little) {
        for (int i = off, end = off + frames; i < end; i++, pos += stride) {
            long v = 0;
            for (int b = 0; b < 8; b++) v |= (src[pos + (little ? b : 7 - b)] & 0xFFL) << (8 * b);
            dst[i] = (float) Double.longBitsToDouble(v);
        }
    }
}
