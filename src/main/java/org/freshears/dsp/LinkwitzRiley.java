package org.freshears.dsp;

import java.util.List;

/**
 * Fourth-order Linkwitz–Riley (LR4) crossover sections: each branch is a squared second-order Butterworth
 * (two RBJ sections at Q = 1/√2). Low + high sum to the second-order all-pass at the same frequency and Q
 * (flat magnitude, no polarity flip), which is what {@link #allPass} returns, so parallel paths that did not
 * go through a crossover can be phase-aligned with it.
 */
public final class LinkwitzRiley {
    private LinkwitzRiley() {
    }

    public static List<BiquadCoefficients> lowPass(double sampleRate, double freqHz) {
        BiquadCoefficients c = BiquadDesign.lowPass(sampleRate, freqHz, BiquadDesign.BUTTERWORTH_Q);
        return List.of(c, c);
    }

    public static List<BiquadCoefficients> highPass(double sampleRate, double freqHz) {
        BiquadCoefficients c = BiquadDesign.highPass(sampleRate, freqHz, BiquadDesign.BUTTERWORTH_Q);
        return List.of(c, c);
    }

    /** The all-pass that LR4 low + high add up to. */
    public static BiquadCoefficients allPass(double sampleRate, double freqHz) {
        return BiquadDesign.allPass(sampleRate, freqHz, BiquadDesign.BUTTERWORTH_Q);
    }
}
