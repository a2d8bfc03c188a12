package org.freshears.analysis;

/**
 * Timbre over time from the Welch segments of {@link SpectrumAnalyzer} (channels summed; 186 ms segments every
 * 93 ms at 44.1/48 kHz), weighted by each segment's power so that fades and gaps count for little and the result
 * does not depend on the level:
 * <ul>
 *   <li><b>Spectral flatness</b> (Wiener entropy), 100 Hz–8 kHz: the geometric over the arithmetic mean of the bin
 *       powers, in dB. 0 dB for white noise; tens of dB below for tonal material (a square-wave chip lead, a
 *       sustained string chord); distorted guitars and drums sit in between.</li>
 *   <li><b>Brightness spread:</b> the spectral centroid (power-weighted mean frequency, 50 Hz–16 kHz) of each
 *       segment, on a log-frequency scale; the power-weighted standard deviation of that over the track, in
 *       octaves. How much the timbre moves (a drum loop flips between kick and hats; a pad hardly moves).</li>
 * </ul>
 * Only 8 bin powers at a time are multiplied before a logarithm is taken (after scaling by the segment's mean
 * power, so the product stays in range): the geometric mean costs one log per eight bins.
 */
final class SpectralTexture {
    static final double FLATNESS_LOW_HZ = 100, FLATNESS_HIGH_HZ = 8000;
    static final double CENTROID_LOW_HZ = 50, CENTROID_HIGH_HZ = 16000;
    /** A bin power floor relative to the segment's mean power, so that an empty bin does not read −∞. */
    static final double FLOOR = 1e-12;

    private final int flatFirst, flatLast, centFirst, centLast;
    private static final double LN2 = Math.log(2);
    private final double binHz;
    private double weight, flatnessDb;
    private double centroidWeight, centroidSum, centroidSquares;

    SpectralTexture(double binHz, int bins) {
        flatFirst = Math.max(1, (int) Math.ceil(FLATNESS_LOW_HZ / binHz));
        flatLast = Math.min(bins - 1, (int) Math.floor(FLATNESS_HIGH_HZ / binHz));
        centFirst = Math.max(1, (int) Math.ceil(CENTROID_LOW_HZ / binHz));
        centLast = Math.min(bins - 1, (int) Math.floor(CENTROID_HIGH_HZ / binHz));
        this.binHz = binHz;
    }

    /** One segment: per-bin power of channel 0 and of channel 1 (the same array for one channel). */
    /** One segment's power per bin, left and right summed ({@code p[k]}). */
    void frame(double[] p) {
        int n = flatLast - flatFirst + 1;
        if (n >= 8) {
            double t0 = 0, t1 = 0;
            int k = flatFirst;
            for (; k + 1 <= flatLast; k += 2) {
                t0 += p[k];
                t1 += p[k + 1];
            }
            if (k <= flatLast) t0 += p[k];
            double total = t0 + t1;
            if (total > 0) {
                double mean = total / n;
                double inv = 1 / mean, floor = FLOOR;
                double logSum = 0;
                k = flatFirst;
                for (; k + 7 <= flatLast; k += 8) {
                    double prod = 1;
                    for (int j = 0; j < 8; j++) prod *= p[k + j] * inv + floor;
                    logSum += Math.log(prod);
                }
                for (; k <= flatLast; k++) logSum += Math.log(p[k] * inv + floor);
                // geometric mean / arithmetic mean = exp(mean of ln(P/mean))
                double db = 10 / Math.log(10) * (logSum / n);
                weight += total;
                flatnessDb += total * db;
            }
        }
        double w0 = 0, w1 = 0, m0 = 0, m1 = 0;
        int k = centFirst;
        for (; k + 1 <= centLast; k += 2) {
            w0 += p[k];
            m0 += p[k] * k;
            w1 += p[k + 1];
            m1 += p[k + 1] * (k + 1);
        }
        if (k <= centLast) {
            w0 += p[k];
            m0 += p[k] * k;
        }
        double power = w0 + w1, moment = m0 + m1;
        if (power > 0) {
            double c = Math.log(moment / power * binHz) / LN2;
            centroidWeight += power;
            centroidSum += power * c;
            centroidSquares += power * c * c;
        }
    }

    /** Power-weighted mean spectral flatness in dB (≤ 0), or null when nothing was heard. */
    Double flatnessDb() {
        return weight > 0 ? flatnessDb / weight : null;
    }

    /** Power-weighted standard deviation of the log-frequency centroid, octaves; null when nothing was heard. */
    Double brightnessSpreadOctaves() {
        if (!(centroidWeight > 0)) return null;
        double mean = centroidSum / centroidWeight;
        return Math.sqrt(Math.max(0, centroidSquares / centroidWeight - mean * mean));
    }
}
