package org.freshears.advice;

/**
 * The matching metric used to judge reference matching (as Matchering's authors do): the mean absolute difference
 * of two 1/3-octave level curves between 40 Hz and 16 kHz, after removing their difference in total power over
 * that range.
 */
public final class SpectralError {
    public static final double LOW_HZ = 40;
    public static final double HIGH_HZ = 16000;

    private SpectralError() {}

    /** @param aDb,bDb levels (dB) at the same {@code centresHz}; NaN entries are skipped */
    public static double meanAbsDb(double[] centresHz, double[] aDb, double[] bDb) {
        double pa = 0, pb = 0;
        for (int i = 0; i < centresHz.length; i++) {
            if (!in(centresHz[i]) || Double.isNaN(aDb[i]) || Double.isNaN(bDb[i])) continue;
            pa += Math.pow(10, aDb[i] / 10);
            pb += Math.pow(10, bDb[i] / 10);
        }
        double offset = 10 * Math.log10(pa / pb);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < centresHz.length; i++) {
            if (!in(centresHz[i]) || Double.isNaN(aDb[i]) || Double.isNaN(bDb[i])) continue;
            sum += Math.abs(aDb[i] - bDb[i] - offset);
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static boolean in(double hz) {
        return hz >= LOW_HZ * 0.99 && hz <= HIGH_HZ * 1.01;
    }
}
