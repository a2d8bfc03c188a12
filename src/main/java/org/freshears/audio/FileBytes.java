package org.freshears.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/** Small positional reads and field helpers shared by the container parsers. */
final class FileBytes {
    private FileBytes() {
    }

    /** Reads up to {@code n} bytes at {@code pos}; the result holds fewer at the end of the file. */
    static ByteBuffer readAt(FileChannel ch, long pos, int n, ByteOrder order) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(order);
        while (b.hasRemaining()) {
            int got = ch.read(b, pos + b.position());
            if (got < 0) break;
        }
        return b.flip();
    }

    static String fourCc(ByteBuffer b, int index) {
        byte[] id = new byte[4];
        b.get(index, id);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    static long u32(ByteBuffer b, int index) {
        return b.getInt(index) & 0xFFFFFFFFL;
    }

    static int u16(ByteBuffer b, int index) {
        return b.getShort(index) & 0xFFFF;
    }

    /** True when the four bytes look like a chunk id (printable ASCII), used to recover from bad padding. */
    static boolean plausibleChunkId(ByteBuffer b, int index) {
        if (b.limit() < index + 4) return false;
        for (int i = index; i < index + 4; i++) {
            int c = b.get(i) & 0xFF;
            if (c < 0x20 || c > 0x7E) return false;
        }
        return true;
    }

    static String seconds(long frames, int sampleRate) {
        return String.format(java.util.Locale.ROOT, "%.1f s", frames / (double) sampleRate);
    }

    /** A position as minutes, seconds and tenths, e.g. "0:09.8". */
    static String clock(long frames, int sampleRate) {
        long tenths = Math.round(frames * 10.0 / sampleRate);
        return String.format(java.util.Locale.ROOT, "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }
}
