package org.freshears.audio;

/**
 * One parsed MPEG audio frame header (layers I-III, MPEG 1, 2 and 2.5), used to recognise MP3 streams by
 * content and to find the Xing/LAME tag. Free-format streams (bitrate index 0) are not recognised.
 */
record MpegHeader(int version, int layer, int bitrateKbps, int sampleRate, boolean padding, int channels) {
    /** Version codes as in the header: 0 = MPEG 2.5, 2 = MPEG 2, 3 = MPEG 1. */
    static final int MPEG1 = 3;

    private static final int[][] BITRATES = {
            {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // V1 L1
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // V1 L2
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // V1 L3
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // V2 L1
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},         // V2 L2, L3
    };
    private static final int[] RATES = {44100, 48000, 32000};

    /** Parses the 4 bytes at {@code i}, or returns null when they are not a usable frame header. */
    static MpegHeader parse(byte[] b, int i) {
        if (i + 4 > b.length) return null;
        int b1 = b[i + 1] & 0xFF;
        int b2 = b[i + 2] & 0xFF;
        if ((b[i] & 0xFF) != 0xFF || (b1 & 0xE0) != 0xE0) return null;
        int version = (b1 >> 3) & 3;
        int layerBits = (b1 >> 1) & 3;
        int brIndex = b2 >> 4;
        int srIndex = (b2 >> 2) & 3;
        if (version == 1 || layerBits == 0 || brIndex == 0 || brIndex == 15 || srIndex == 3) return null;
        int layer = 4 - layerBits;
        int table = version == MPEG1 ? layer - 1 : (layer == 1 ? 3 : 4);
        int rate = RATES[srIndex] >> (version == MPEG1 ? 0 : version == 2 ? 1 : 2);
        int channels = ((b[i + 3] & 0xFF) >> 6) == 3 ? 1 : 2;
        return new MpegHeader(version, layer, BITRATES[table][brIndex], rate, (b2 & 2) != 0, channels);
    }

    int samplesPerFrame() {
        if (layer == 1) return 384;
        if (layer == 2) return 1152;
        return version == MPEG1 ? 1152 : 576;
    }

    int frameBytes() {
        int pad = padding ? 1 : 0;
        if (layer == 1) return (12 * bitrateKbps * 1000 / sampleRate + pad) * 4;
        int slots = samplesPerFrame() / 8;
        return slots * bitrateKbps * 1000 / sampleRate + pad;
    }

    /** Bytes of side information after the header (and CRC) in a layer III frame; where a Xing tag sits. */
    int sideInfoBytes() {
        if (version == MPEG1) return channels == 1 ? 17 : 32;
        return channels == 1 ? 9 : 17;
    }

    /** True when {@code count} valid, consistent frames follow each other from {@code i}. */
    static boolean chainAt(byte[] b, int i, int count) {
        MpegHeader first = parse(b, i);
        if (first == null) return false;
        int pos = i;
        for (int k = 0; k < count; k++) {
            MpegHeader h = parse(b, pos);
            if (h == null || h.version != first.version || h.layer != first.layer || h.sampleRate != first.sampleRate) {
                return false;
            }
            pos += h.frameBytes();
            if (pos + 4 > b.length) return k >= 1 || pos == b.length;
        }
        return true;
    }
}
