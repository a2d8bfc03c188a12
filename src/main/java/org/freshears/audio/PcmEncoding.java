package org.freshears.audio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

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

    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

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
        int end = dstOff + frames;
        switch (this) {
            case U8 -> {
                for (int i = dstOff; i < end; i++, pos += stride) dst[i] = ((src[pos] & 0xFF) - 128) * 0x1p-7f;
            }
            case S8 -> {
                for (int i = dstOff; i < end; i++, pos += stride) dst[i] = src[pos] * 0x1p-7f;
            }
            case S16LE -> {
                for (int i = dstOff; i < end; i++, pos += stride) dst[i] = (short) SHORT_LE.get(src, pos) * 0x1p-15f;
            }
            case S16BE -> {
                for (int i = dstOff; i < end; i++, pos += stride) dst[i] = (short) SHORT_BE.get(src, pos) * 0x1p-15f;
            }
            case S24LE -> {
                for (int i = dstOff; i < end; i++, pos += stride) {
                    int v = (src[pos] & 0xFF) | (src[pos + 1] & 0xFF) << 8 | src[pos + 2] << 16;
                    dst[i] = v * 0x1p-23f;
                }
            }
            case S24BE -> {
                for (int i = dstOff; i < end; i++, pos += stride) {
                    int v = src[pos] << 16 | (src[pos + 1] & 0xFF) << 8 | (src[pos + 2] & 0xFF);
                    dst[i] = v * 0x1p-23f;
                }
            }
            case S32LE -> {
                for (int i = dstOff; i < end; i++, pos += stride) dst[i] = (int) INT_LE.get(src, pos) * 0x1p-31f;
            }
            case S32BE -> {
                for (int i = dstOff; i < end; i++, pos += stride) dst[i] = (int) INT_BE.get(src, pos) * 0x1p-31f;
            }
            case F32LE -> {
                for (int i = dstOff; i < end; i++, pos += stride) dst[i] = Float.intBitsToFloat((int) INT_LE.get(src, pos));
            }
            case F32BE -> {
                for (int i = dstOff; i < end; i++, pos += stride) dst[i] = Float.intBitsToFloat((int) INT_BE.get(src, pos));
            }
            case F64LE -> {
                for (int i = dstOff; i < end; i++, pos += stride) dst[i] = (float) Double.longBitsToDouble((long) LONG_LE.get(src, pos));
            }
            case F64BE -> {
                for (int i = dstOff; i < end; i++, pos += stride) dst[i] = (float) Double.longBitsToDouble((long) LONG_BE.get(src, pos));
            }
        }
    }
}
