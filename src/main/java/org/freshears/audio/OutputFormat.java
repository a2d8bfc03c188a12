package org.freshears.audio;

/** Sample formats {@link WavWriter} writes. */
public enum OutputFormat {
    /** 24-bit integer PCM, rounded, clipped to full scale (the default). */
    PCM24(24),
    /** 16-bit integer PCM with seeded TPDF dither of ±1 LSB, clipped to full scale. */
    PCM16(16),
    /** 32-bit IEEE float, written as is (values beyond ±1.0 are kept). */
    FLOAT32(32);

    private final int bits;

    OutputFormat(int bits) {
        this.bits = bits;
    }

    public int bitsPerSample() {
        return bits;
    }

    public int bytesPerSample() {
        return bits / 8;
    }
}
