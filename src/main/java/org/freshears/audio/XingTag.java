package org.freshears.audio;

import java.nio.charset.StandardCharsets;

/**
 * The Xing/Info header in an MP3's first frame and, when present, the LAME extension's encoder delay and
 * padding (12 bits each, 21 bytes into the LAME tag).
 *
 * @param frames  audio frames announced (the tag frame itself not counted), or -1
 * @param delay   encoder delay in samples, or -1 without a LAME tag
 * @param padding encoder padding in samples, or -1 without a LAME tag
 * @param constantBitrate the tag is called "Info", as LAME and libavformat call it in a constant bit rate stream
 *                        ("Xing" in a variable one)
 */
record XingTag(long frames, int delay, int padding, boolean constantBitrate) {

    /** Reads the tag from the frame at {@code pos} in {@code b}, or returns null when the frame holds none. */
    static XingTag read(byte[] b, int len, int pos) {
        MpegHeader h = MpegHeader.parse(b, pos);
        if (h == null || h.layer() != 3) return null;
        boolean crc = (b[pos + 1] & 1) == 0;
        int at = pos + 4 + (crc ? 2 : 0) + h.sideInfoBytes();
        if (at + 8 > len) return null;
        String id = new String(b, at, 4, StandardCharsets.ISO_8859_1);
        if (!id.equals("Xing") && !id.equals("Info")) return null;
        int flags = be32(b, at + 4);
        int p = at + 8;
        long frames = -1;
        if ((flags & 1) != 0 && p + 4 <= len) {
            frames = be32(b, p) & 0xFFFFFFFFL;
            p += 4;
        }
        if ((flags & 2) != 0) p += 4;
        if ((flags & 4) != 0) p += 100;
        if ((flags & 8) != 0) p += 4;
        int delay = -1;
        int padding = -1;
        if (p + 24 <= len && isEncoderId(b, p)) {
            int d = (b[p + 21] & 0xFF) << 16 | (b[p + 22] & 0xFF) << 8 | (b[p + 23] & 0xFF);
            delay = d >>> 12;
            padding = d & 0xFFF;
        }
        return new XingTag(frames, delay, padding, id.equals("Info"));
    }

    /** LAME writes "LAME", and its forks and libavcodec's muxer write "Lavc"/"Lavf"/"GOGO"; all use LAME's layout. */
    private static boolean isEncoderId(byte[] b, int p) {
        String id = new String(b, p, 4, StandardCharsets.ISO_8859_1);
        return id.equals("LAME") || id.equals("Lavc") || id.equals("Lavf") || id.equals("L3.9") || id.equals("GOGO");
    }

    private static int be32(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }
}
