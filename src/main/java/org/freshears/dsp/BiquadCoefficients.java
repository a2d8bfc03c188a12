package org.freshears.dsp;

/**
 * Normalised biquad coefficients (a0 = 1): {@code H(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2)}.
 */
public record BiquadCoefficients(double b0, double b1, double b2, double a1, double a2) {

    /** The filter that passes its input unchanged. */
    public static final BiquadCoefficients IDENTITY = new BiquadCoefficients(1, 0, 0, 0, 0);

    /** Complex response at {@code freqHz} evaluated analytically, returned as magnitude in dB. */
    public double magnitudeDb(double freqHz, double sampleRate) {
        double w = 2 * Math.PI * freqHz / sampleRate;
        double c1 = Math.cos(w), s1 = Math.sin(w), c2 = Math.cos(2 * w), s2 = Math.sin(2 * w);
        double nr = b0 + b1 * c1 + b2 * c2, ni = -(b1 * s1 + b2 * s2);
        double dr = 1 + a1 * c1 + a2 * c2, di = -(a1 * s1 + a2 * s2);
        return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
    }
}
