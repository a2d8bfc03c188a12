package org.freshears.dsp;

/**
 * The K-weighting pre-filter of ITU-R BS.1770-4 Annex 1 §2.1, designed for any sample rate.
 *
 * <p>BS.1770 publishes the two stages only as 48 kHz coefficients. Following the approach of
 * libebur128, each stage is described here by its analogue prototype (centre frequency,
 * quality factor, gain) fitted to those 48 kHz coefficients, and re-derived with the bilinear
 * transform (frequency pre-warped through {@code tan(pi f0 / fs)}) at the requested rate.
 * At 48 kHz the result reproduces the published coefficients to about 1e-12.
 *
 * <ul>
 *   <li>stage 1, the "pre-filter" (head effects): a high shelf, +4 dB above about 1.7 kHz;</li>
 *   <li>stage 2, the "RLB" weighting: a second-order high-pass at about 38 Hz.</li>
 * </ul>
 * Coefficients are returned as {@code {b0, b1, b2, a1, a2}} with a0 = 1.
 */
public final class KWeighting {
    /** Shelf prototype: centre frequency, gain and Q fitted to the BS.1770 48 kHz stage 1. */
    static final double SHELF_F0_HZ = 1681.974450955533;
    static final double SHELF_GAIN_DB = 3.999843853973347;
    static final double SHELF_Q = 0.7071752369554196;
    /** Exponent relating the shelf's band gain to its high-frequency gain in the fitted prototype. */
    static final double SHELF_BAND_EXPONENT = 0.4996667741545416;
    /** High-pass prototype: corner frequency and Q fitted to the BS.1770 48 kHz stage 2. */
    static final double HIGHPASS_F0_HZ = 38.13547087602444;
    static final double HIGHPASS_Q = 0.5003270373238773;

    private final double[] shelf;
    private final double[] highPass;

    public KWeighting(double sampleRate) {
        if (!(sampleRate > 2 * SHELF_F0_HZ)) {
            throw new IllegalArgumentException("sample rate too low for K-weighting: " + sampleRate);
        }
        this.shelf = designShelf(sampleRate);
        this.highPass = designHighPass(sampleRate);
    }

    /** Stage 1 (high shelf) as {@code {b0, b1, b2, a1, a2}}. */
    public double[] shelf() {
        return shelf.clone();
    }

    /** Stage 2 (high-pass) as {@code {b0, b1, b2, a1, a2}}. */
    public double[] highPass() {
        return highPass.clone();
    }

    /** The combined magnitude response of both stages in dB. */
    public double responseDb(double freqHz, double sampleRate) {
        return Biquad.magnitudeDb(shelf, freqHz, sampleRate) + Biquad.magnitudeDb(highPass, freqHz, sampleRate);
    }

    private static double[] designShelf(double fs) {
        double k = Math.tan(Math.PI * SHELF_F0_HZ / fs);
        double vh = Math.pow(10.0, SHELF_GAIN_DB / 20.0);
        double vb = Math.pow(vh, SHELF_BAND_EXPONENT);
        double a0 = 1.0 + k / SHELF_Q + k * k;
        return new double[] {
            (vh + vb * k / SHELF_Q + k * k) / a0,
            2.0 * (k * k - vh) / a0,
            (vh - vb * k / SHELF_Q + k * k) / a0,
            2.0 * (k * k - 1.0) / a0,
            (1.0 - k / SHELF_Q + k * k) / a0
        };
    }

    private static double[] designHighPass(double fs) {
        double k = Math.tan(Math.PI * HIGHPASS_F0_HZ / fs);
        double a0 = 1.0 + k / HIGHPASS_Q + k * k;
        // BS.1770 normalises the RLB numerator to (1, -2, 1) rather than to unity passband gain;
        // the -0.691 dB constant in the loudness formula accounts for the overall K-weighting gain.
        return new double[] {1.0, -2.0, 1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / HIGHPASS_Q + k * k) / a0};
    }
}
