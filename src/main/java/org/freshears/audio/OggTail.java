package org.freshears.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/** Finds an Ogg file's length from the granule position of its last page, which ends the stream. */
final class OggTail {
    private static final int TAIL_BYTES = 1 << 16;

    private OggTail() {
    }

    /** The last page's granule position when that page is flagged end-of-stream, otherwise -1. */
    static long lastGranule(FileChannel ch, long size) throws IOException {
        long start = Math.max(0, size - TAIL_BYTES);
        ByteBuffer b = FileBytes.readAt(ch, start, (int) (size - start), ByteOrder.LITTLE_ENDIAN);
        for (int i = b.limit() - 27; i >= 0; i--) {
            if (b.get(i) == 'O' && b.get(i + 1) == 'g' && b.get(i + 2) == 'g' && b.get(i + 3) == 'S' && b.get(i + 4) == 0) {
                boolean eos = (b.get(i + 5) & 4) != 0;
                long granule = b.getLong(i + 6);
                return eos && granule >= 0 ? granule : -1;
            }
        }
        return -1;
    }
}
