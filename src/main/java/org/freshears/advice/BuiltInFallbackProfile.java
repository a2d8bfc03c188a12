package org.freshears.advice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small hand-made profile of "typical modern masters", used ONLY until (or where) the trained reference model
 * is unavailable. It is an approximation of the long-term spectrum and dynamics of commercial pop/rock/electronic
 * masters, not a measurement; messages name it as such ("typical masters (built-in fallback)").
 */
public final class BuiltInFallbackProfile {
    /** ISO 1/3-octave centres, 20 Hz – 20 kHz. */
    public static final double[] THIRD_CENTRES_HZ = {20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315,
            400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000, 20000};

    /** Approximate long-term 1/3-octave shape of modern masters (dB, arbitrary reference), by anchor frequency. */
    private static final double[][] SHAPE = {{20, -17}, {31.5, -9}, {50, -4.5}, {63, -3}, {80, -2.5}, {100, -3},
            {160, -4.5}, {250, -6.5}, {400, -8}, {630, -9.5}, {1000, -11}, {1600, -12.5}, {2500, -14},
            {4000, -16}, {6300, -18.5}, {10000, -22}, {16000, -29}, {20000, -38}};

    private BuiltInFallbackProfile() {}

    public static TargetProfile get() {
        double[] shape = new double[THIRD_CENTRES_HZ.length];
        double total = 0;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = interpolate(THIRD_CENTRES_HZ[i]);
            total += Math.pow(10, shape[i] / 10);
        }
        double totalDb = 10 * Math.log10(total);
        Map<String, Percentiles> f = new LinkedHashMap<>();
        for (int i = 0; i < shape.length; i++) {
            double c = THIRD_CENTRES_HZ[i];
            double level = shape[i] - totalDb;
            double spread = c < 50 || c > 10000 ? 5 : 3.5;
            f.put(ProfileKeys.third(c), Percentiles.around(level, spread));
            f.put(ProfileKeys.thirdMid(c), Percentiles.around(level + 0.7, spread));
            f.put(ProfileKeys.thirdSide(c), Percentiles.around(level - (c < 150 ? 20 : c < 1000 ? 9 : 6), spread + 2));
        }
        // bands holding much of the total power move little relative to it, so their ranges are narrower
        double[] bandSpread = {4.5, 1.5, 2.5, 2, 3, 3.5, 4.5};
        for (int b = 0; b < ProfileKeys.BANDS.size(); b++) {
            double lo = ProfileKeys.BAND_EDGES_HZ[b][0];
            double hi = ProfileKeys.BAND_EDGES_HZ[b][1];
            double sum = 0;
            for (int i = 0; i < shape.length; i++) {
                double c = THIRD_CENTRES_HZ[i];
                // a third belongs to the band holding its centre (the top band takes 20 kHz)
                if (c >= lo && (c < hi || (hi == 20000 && c <= hi))) sum += Math.pow(10, shape[i] / 10);
            }
            f.put(ProfileKeys.band(ProfileKeys.BANDS.get(b)),
                    Percentiles.around(10 * Math.log10(sum) - totalDb, bandSpread[b]));
        }
        f.put(ProfileKeys.PLR, new Percentiles(7, 8.5, 10, 12, 14.5));
        f.put(ProfileKeys.PSR, new Percentiles(6, 7, 8.5, 10, 12));
        f.put(ProfileKeys.LRA, new Percentiles(3, 4.5, 6, 8, 11));
        f.put(ProfileKeys.CREST, new Percentiles(8, 9.5, 11, 13, 15.5));
        f.put(ProfileKeys.WIDTH, new Percentiles(0.06, 0.1, 0.15, 0.2, 0.28));
        f.put(ProfileKeys.LOW_END_WIDTH, new Percentiles(0, 0.005, 0.015, 0.03, 0.06));
        double[] widthMedian = {0.01, 0.04, 0.1, 0.15, 0.2, 0.24, 0.26};
        for (int b = 0; b < ProfileKeys.BANDS.size(); b++) {
            double m = widthMedian[b];
            f.put(ProfileKeys.bandWidth(ProfileKeys.BANDS.get(b)),
                    new Percentiles(Math.max(0, m - 0.08), Math.max(0, m - 0.04), m, m + 0.05, m + 0.12));
        }
        return new TargetProfile("typical masters (built-in fallback)", "built-in fallback", f, null);
    }

    private static double interpolate(double hz) {
        double x = Math.log(hz);
        if (hz <= SHAPE[0][0]) return SHAPE[0][1];
        for (int i = 1; i < SHAPE.length; i++) {
            if (hz <= SHAPE[i][0]) {
                double x0 = Math.log(SHAPE[i - 1][0]);
                double x1 = Math.log(SHAPE[i][0]);
                return SHAPE[i - 1][1] + (SHAPE[i][1] - SHAPE[i - 1][1]) * (x - x0) / (x1 - x0);
            }
        }
        return SHAPE[SHAPE.length - 1][1];
    }
}
