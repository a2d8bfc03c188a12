package org.freshears.dsp;

/**
 * Feed-forward compressor with a soft knee (the quadratic knee of Giannoulis, Massberg &amp; Reiss, "Digital
 * Dynamic Range Compressor Design — A Tutorial and Analysis", JAES 2012), gain smoothing in dB with separate
 * attack and release, and optional stereo link (all channels share the gain of the loudest detector).
 *
 * <p>Detectors: {@code rms} is a one-pole mean square with a fixed {@value #RMS_WINDOW_MS} ms time constant (a
 * steady sine reads 3.01 dB below its peak); {@code peak} holds the largest |x| and decays with the release time.
 *
 * <p>The gain computer runs at a control rate of one update per {@value #CONTROL_PERIOD} samples counted from the
 * start of the stream (not of the block), and the applied gain ramps linearly between updates, so the output does
 * not depend on how the stream is cut into blocks.
 */
public final class Compressor {
    public static final double RMS_WINDOW_MS = 10;
    public static final int CONTROL_PERIOD = 8;
    private static final double DB_PER_NEPER = 20 / Math.log(10);

    private final int channels;
    private final boolean rms, linked;
    private final double threshold, ratio, knee, makeup;
    private final double rmsCoef, peakDecay, attackCoef, releaseCoef;
    private final double kneeStartLevel;   // detector value (mean square or |x|) below which no gain reduction
    private final double[] detector;       // per channel: mean square (rms) or envelope (peak)
    private final double[] smoothedGrDb, gain, gainStep;
    private int untilControl;

    /**
     * @param thresholdDb level (dBFS, in detector terms) where compression starts (centre of the knee)
     * @param ratio       ≥ 1
     * @param kneeDb      knee width ≥ 0 (0 = hard knee)
     * @param makeupDb    gain added after compression
     */
    public Compressor(double sampleRate, int channels, double thresholdDb, double ratio, double attackMs,
                      double releaseMs, double kneeDb, double makeupDb, boolean rmsDetector, boolean stereoLink) {
        if (ratio < 1) throw new IllegalArgumentException("ratio must be >= 1: " + ratio);
        this.channels = channels;
        this.rms = rmsDetector;
        this.linked = stereoLink;
        this.threshold = thresholdDb;
        this.ratio = ratio;
        this.knee = Math.max(0, kneeDb);
        this.makeup = makeupDb;
        this.rmsCoef = 1 - Math.exp(-1 / (RMS_WINDOW_MS * 1e-3 * sampleRate));
        this.peakDecay = Math.exp(-1 / (releaseMs * 1e-3 * sampleRate));
        this.attackCoef = Math.exp(-CONTROL_PERIOD / (attackMs * 1e-3 * sampleRate));
        this.releaseCoef = Math.exp(-CONTROL_PERIOD / (releaseMs * 1e-3 * sampleRate));
        double kneeStartDb = thresholdDb - knee / 2;
        this.kneeStartLevel = rms ? Math.pow(10, kneeStartDb / 10) : Math.pow(10, kneeStartDb / 20);
        int groups = linked ? 1 : channels;
        detector = new double[channels];
        smoothedGrDb = new double[groups];
        gain = new double[groups];
        gainStep = new double[groups];
        reset();
    }

    /** Static curve: output level in dB for a steady input level in dB (before makeup). */
    public static double staticOutputDb(double inputDb, double thresholdDb, double ratio, double kneeDb) {
        double over = inputDb - thresholdDb;
        if (2 * over <= -kneeDb) return inputDb;
        if (2 * Math.abs(over) < kneeDb) {
            double t = over + kneeDb / 2;
            return inputDb + (1 / ratio - 1) * t * t / (2 * kneeDb);
        }
        return thresholdDb + over / ratio;
    }

    /** Compresses {@code buf[ch][off .. off+n)} in place, for the first {@code channels} channels. */
    public void process(float[][] buf, int off, int n) {
        int groups = gain.length;
        for (int i = off, end = off + n; i < end; i++) {
            if (--untilControl < 0) {
                untilControl = CONTROL_PERIOD - 1;
                updateControl();
            }
            for (int g = 0; g < groups; g++) gain[g] += gainStep[g];
            for (int c = 0; c < channels; c++) {
                float[] x = buf[c];
                double v = x[i];
                if (rms) {
                    detector[c] += rmsCoef * (v * v - detector[c]);
                } else {
                    double a = Math.abs(v), d = detector[c] * peakDecay;
                    detector[c] = a > d ? a : d;
                }
                x[i] = (float) (v * gain[linked ? 0 : c]);
            }
        }
    }

    private void updateControl() {
        int groups = gain.length;
        for (int g = 0; g < groups; g++) {
            double level = 0;
            if (linked) {
                for (int c = 0; c < channels; c++) level = Math.max(level, detector[c]);
            } else {
                level = detector[g];
            }
            double targetGr = 0;
            if (level > kneeStartLevel) {
                double levelDb = (rms ? 0.5 : 1) * Math.log(level) * DB_PER_NEPER;
                targetGr = staticOutputDb(levelDb, threshold, ratio, knee) - levelDb;
            }
            double s = smoothedGrDb[g];
            double coef = targetGr < s ? attackCoef : releaseCoef;
            s = targetGr + coef * (s - targetGr);
            smoothedGrDb[g] = s;
            double target = Math.exp((s + makeup) / DB_PER_NEPER);
            gainStep[g] = (target - gain[g]) / CONTROL_PERIOD;
        }
    }

    public void reset() {
        java.util.Arrays.fill(detector, 0);
        java.util.Arrays.fill(smoothedGrDb, 0);
        java.util.Arrays.fill(gain, Math.exp(makeup / DB_PER_NEPER));
        java.util.Arrays.fill(gainStep, 0);
        untilControl = 0;
    }
}
