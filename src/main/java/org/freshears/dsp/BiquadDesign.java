package org.freshears.dsp;

/**
 * Biquad designs after R. Bristow-Johnson, "Cookbook formulae for audio EQ biquad filter coefficients"
 * (the RBJ Audio EQ Cookbook), with the bandwidth given as Q. Shelves use the cookbook's shelf-slope form with
 * Q in place of S, so Q = 1/√2 gives the steepest shelf without overshoot. Frequencies are in Hz and must be
 * below Nyquist; all designs work at any sample rate.
 */
public final class BiquadDesign {

    /** Butterworth Q of a second-order section. */
    public static final double BUTTERWORTH_Q = Math.sqrt(0.5);

    private BiquadDesign() {
    }

    public static BiquadCoefficients highPass(double sampleRate, double freqHz, double q) {
        Trig t = trig(sampleRate, freqHz, q);
        double b0 = (1 + t.cos) / 2;
        return normalise(b0, -(1 + t.cos), b0, 1 + t.alpha, -2 * t.cos, 1 - t.alpha);
    }

    public static BiquadCoefficients lowPass(double sampleRate, double freqHz, double q) {
        Trig t = trig(sampleRate, freqHz, q);
        double b0 = (1 - t.cos) / 2;
        return normalise(b0, 1 - t.cos, b0, 1 + t.alpha, -2 * t.cos, 1 - t.alpha);
    }

    /** Second-order all-pass: unit magnitude, the phase of a Butterworth LP+HP pair at {@code q}. */
    public static BiquadCoefficients allPass(double sampleRate, double freqHz, double q) {
        Trig t = trig(sampleRate, freqHz, q);
        return normalise(1 - t.alpha, -2 * t.cos, 1 + t.alpha, 1 + t.alpha, -2 * t.cos, 1 - t.alpha);
    }

    /** Peaking EQ: gain {@code gainDb} at {@code freqHz}, unity far away. */
    public static BiquadCoefficients bell(double sampleRate, double freqHz, double gainDb, double q) {
        Trig t = trig(sampleRate, freqHz, q);
        double a = Math.pow(10, gainDb / 40);
        return normalise(1 + t.alpha * a, -2 * t.cos, 1 - t.alpha * a, 1 + t.alpha / a, -2 * t.cos, 1 - t.alpha / a);
    }

    /** Low shelf: gain {@code gainDb} at DC, half of it (in dB) at {@code freqHz}, unity at Nyquist. */
    public static BiquadCoefficients lowShelf(double sampleRate, double freqHz, double gainDb, double q) {
        Trig t = trig(sampleRate, freqHz, q);
        double a = Math.pow(10, gainDb / 40), sq = 2 * Math.sqrt(a) * t.alpha;
        return normalise(
                a * ((a + 1) - (a - 1) * t.cos + sq),
                2 * a * ((a - 1) - (a + 1) * t.cos),
                a * ((a + 1) - (a - 1) * t.cos - sq),
                (a + 1) + (a - 1) * t.cos + sq,
                -2 * ((a - 1) + (a + 1) * t.cos),
                (a + 1) + (a - 1) * t.cos - sq);
    }

    /** High shelf: gain {@code gainDb} at Nyquist, half of it (in dB) at {@code freqHz}, unity at DC. */
    public static BiquadCoefficients highShelf(double sampleRate, double freqHz, double gainDb, double q) {
        Trig t = trig(sampleRate, freqHz, q);
        double a = Math.pow(10, gainDb / 40), sq = 2 * Math.sqrt(a) * t.alpha;
        return normalise(
                a * ((a + 1) + (a - 1) * t.cos + sq),
                -2 * a * ((a - 1) + (a + 1) * t.cos),
                a * ((a + 1) + (a - 1) * t.cos - sq),
                (a + 1) - (a - 1) * t.cos + sq,
                2 * ((a - 1) - (a + 1) * t.cos),
                (a + 1) - (a - 1) * t.cos - sq);
    }

    private record Trig(double cos, double alpha) {
    }

    private static Trig trig(double sampleRate, double freqHz, double q) {
        if (!(sampleRate > 0)) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        if (!(freqHz > 0 && freqHz < sampleRate / 2)) {
            throw new IllegalArgumentException("frequency must be in (0, Nyquist): " + freqHz + " Hz at " + sampleRate + " Hz");
        }
        if (!(q > 0)) throw new IllegalArgumentException("q must be positive: " + q);
        double w0 = 2 * Math.PI * freqHz / sampleRate;
        return new Trig(Math.cos(w0), Math.sin(w0) / (2 * q));
    }

    private static BiquadCoefficients normalise(double b0, double b1, double b2, double a0, double a1, double a2) {
        return new BiquadCoefficients(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
    }
}
