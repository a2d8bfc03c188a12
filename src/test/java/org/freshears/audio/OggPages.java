package org.freshears.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Test-only reading and rewriting of Ogg pages (RFC 3533), to damage a file at a known page. */
final class OggPages {
    /** One page: where it starts in the file, its length, sequence number and granule position. */
    record Page(int offset, int length, int number, long granule) {
    }

    private OggPages() {
    }

    /** The pages of an undamaged file, in order. */
    static List<Page> of(byte[] file) {
        List<Page> pages = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 27 <= file.length; ) {
            if (b.getInt(at) != 0x5367674F) throw new IllegalArgumentException("no Ogg page at " + at); // "OggS"
            int segments = file[at + 26] & 0xFF;
            int length = 27 + segments;
            for (int i = 0; i < segments; i++) length += file[at + 27 + i] & 0xFF;
            pages.add(new Page(at, length, b.getInt(at + 18), b.getLong(at + 6)));
            at += length;
        }
        return pages;
    }

    /** Overwrites the granule position of the page at {@code offset} and recomputes its CRC, so it stays valid. */
    static void setGranule(byte[] file, Page page, long granule) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(page.offset() + 6, granule);
        b.putInt(page.offset() + 22, 0);
        b.putInt(page.offset() + 22, crc(file, page.offset(), page.length()));
    }

    /** The Ogg CRC-32: polynomial 0x04C11DB7, not reflected, starting from 0. */
    static int crc(byte[] b, int from, int length) {
        int crc = 0;
        for (int i = from; i < from + length; i++) {
            crc ^= (b[i] & 0xFF) << 24;
            for (int k = 0; k < 8; k++) crc = crc < 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
        }
        return crc;
    }
}
