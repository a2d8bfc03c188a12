package org.freshears.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** Comparisons of decoded samples for the damaged-file tests. */
final class Samples {
    private Samples() {
    }

    /** CRC-32 of the samples' bits, channel after channel, big-endian. */
    static long crc(float[][] samples) {
        CRC32 crc = new CRC32();
        ByteBuffer b = ByteBuffer.allocate(4);
        for (float[] channel : samples) {
            for (float v : channel) {
                crc.update(b.clear().putInt(Float.floatToRawIntBits(v)).array());
            }
        }
        return crc.getValue();
    }

    /**
     * Asserts that {@code damaged} has the length of {@code clean} and equals it bit for bit except in one stretch,
     * where every channel is exactly 0, and returns that stretch as {@code {from, to}}.
     */
    static int[] onlyDifferenceIsSilence(float[][] clean, float[][] damaged) {
        int n = clean[0].length;
        assertEquals(n, damaged[0].length, "length");
        int from = 0;
        while (from < n && same(clean, damaged, from)) from++;
        int to = from;
        while (to < n && silent(damaged, to)) to++;
        assertTrue(to > from, "no silence where the output first differs, at " + from);
        for (int i = to; i < n; i++) {
            if (!same(clean, damaged, i)) throw new AssertionError("differs after the silence, at " + i);
        }
        return new int[] {from, to};
    }

    /** The longest run of frames that are exactly 0 in every channel. */
    static int longestSilence(float[][] samples) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < samples[0].length; i++) {
            run = silent(samples, i) ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static boolean same(float[][] a, float[][] b, int i) {
        for (int c = 0; c < a.length; c++) {
            if (Float.floatToRawIntBits(a[c][i]) != Float.floatToRawIntBits(b[c][i])) return false;
        }
        return true;
    }

    private static boolean silent(float[][] s, int i) {
        for (float[] channel : s) {
            if (channel[i] != 0f) return false;
        }
        return true;
    }
}
