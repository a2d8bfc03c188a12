package org.freshears.analysis;

/**
 * The band layouts of CONTRACT.md: the seven named bands, and the 31 ISO 266 one-third-octave bands from 20 Hz to
 * 20 kHz (base-10 centres 1000·10^(n/10) Hz, edges at centre·10^(±1/20), reported under their nominal names).
 */
public final class SpectralBands {
    private SpectralBands() {}

    public static final String[] NAMES = {"sub", "bass", "lowMids", "mids", "upperMids", "highs", "air"};
    public static final double[] LOW_HZ = {20, 60, 250, 500, 2000, 5000, 10000};
    public static final double[] HIGH_HZ = {60, 250, 500, 2000, 5000, 10000, 20000};

    /** Lower and upper edge of the range the band levels are relative to. */
    public static final double TOTAL_LOW_HZ = 20;
    public static final double TOTAL_HIGH_HZ = 20000;

    /** Crossover between "low end" and "the rest" (crest, width). */
    public static final double LOW_END_HZ = 120;

    public static final double[] THIRD_OCTAVE_NOMINAL_HZ = {20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315,
            400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000, 20000};

    /** Exact centre of 1/3-octave band i (i = 0 is 20 Hz). */
    public static double thirdOctaveCenterHz(int i) {
        return 1000 * Math.pow(10, (i - 17) / 10.0);
    }

    public static double thirdOctaveLowHz(int i) {
        return thirdOctaveCenterHz(i) * Math.pow(10, -0.05);
    }

    public static double thirdOctaveHighHz(int i) {
        return thirdOctaveCenterHz(i) * Math.pow(10, 0.05);
    }
}
