package org.freshears.dsp;

/**
 * True-peak-safe look-ahead brickwall limiter, stereo-linked (one gain for all channels).
 *
 * <p>Signal path: each channel's input feeds a {@link PeakOversampler} ({@value #OVERSAMPLING}× with
 * {@value #TAPS}-sample support); the required gain {@code r = min(1, threshold / peak)} is min-held over a
 * window that covers the look-ahead plus the interpolator's support, released exponentially (never above the
 * held minimum), and averaged by a box filter as long as the look-ahead. The audio is delayed by
 * {@link #latency()} so that the gain reaches every peak's value before the first sample that contributes to
 * it and keeps it until the last one: every sample in the support of every detected over is scaled by at most
 * that over's required gain, and an isolated over sees one constant gain across its support, which scales its
 * inter-sample peak exactly. The threshold sits {@value #MARGIN_DB} dB under the ceiling to cover what the
 * finite oversampling cannot see (points between the oversampled ones, content right at Nyquist) and what other
 * meters' interpolation filters add: on four minutes of pink noise driven into a −1 dBTP ceiling, libebur128 read
 * −0.99 dBTP with a 0.05 dB margin, −1.09 with this one.
 *
 * <p>The output is the input delayed by {@link #latency()} samples; the caller drops that many leading samples
 * and flushes with as many zeros.
 */
public final class LookaheadLimiter {
    public static final int OVERSAMPLING = 4;
    public static final int TAPS = 16;
    public static final double KAISER_BETA = 6;
    public static final double MARGIN_DB = 0.15;

    private final int channels, lookahead, window, latency;
    private final double threshold, releaseCoef;
    private final PeakOversampler[] detectors;
    private final float[][] delay;
    private int delayIndex;
    // monotonic deque for the running minimum of r over the last `window` samples
    private final long[] dqIndex;
    private final double[] dqValue;
    private int dqHead, dqSize;
    private long position;
    // release and box average
    private double released;
    private final double[] box;
    private int boxIndex;
    private double boxSum;
    private double minGain = 1;

    public LookaheadLimiter(double sampleRate, int channels, double ceilingDbtp, double lookaheadMs, double releaseMs) {
        this(sampleRate, channels, ceilingDbtp, lookaheadMs, releaseMs, MARGIN_DB);
    }

    public LookaheadLimiter(double sampleRate, int channels, double ceilingDbtp, double lookaheadMs, double releaseMs,
                            double marginDb) {
        if (channels < 1) throw new IllegalArgumentException("channels must be >= 1");
        this.channels = channels;
        this.lookahead = Math.max(1, (int) Math.round(lookaheadMs * 1e-3 * sampleRate));
        this.window = lookahead + TAPS - 1;
        this.latency = lookahead + TAPS - 2;
        this.threshold = Math.pow(10, (ceilingDbtp - marginDb) / 20);
        this.releaseCoef = 1 - Math.exp(-1 / (releaseMs * 1e-3 * sampleRate));
        this.detectors = new PeakOversampler[channels];
        for (int c = 0; c < channels; c++) {
            detectors[c] = new PeakOversampler(OVERSAMPLING, TAPS, KAISER_BETA, threshold);
        }
        this.delay = new float[channels][latency];
        this.dqIndex = new long[window + 1];
        this.dqValue = new double[window + 1];
        this.box = new double[lookahead];
        reset();
    }

    /** The detection threshold for a ceiling: {@link #MARGIN_DB} under it, linear. */
    public static double threshold(double ceilingDbtp) {
        return Math.pow(10, (ceilingDbtp - MARGIN_DB) / 20);
    }

    /** Delay of the output relative to the input, in samples. */
    public int latency() {
        return latency;
    }

    /** Deepest gain reduction applied so far, in dB (≤ 0). */
    public double minGainDb() {
        return 20 * Math.log10(minGain);
    }

    /** Limits {@code buf[ch][off .. off+n)} in place (output delayed by {@link #latency()}). */
    public void process(float[][] buf, int off, int n) {
        for (int start = off, end = off + n; start < end; start += CHUNK) {
            int m = Math.min(CHUNK, end - start);
            detect(detectors, buf, start, m, peaks, 0);
            apply(buf, start, m, peaks, 0, 1.0);
        }
    }

    /**
     * Limits {@code buf[ch][off .. off+n)} in place with the detector's peaks already known: {@code scale ×
     * envelope[envOff + i]} is the oversampled peak the detector would report on pushing sample {@code off + i} (an
     * envelope from {@link Envelope} measured before a gain of {@code scale}; the detection is linear in the gain).
     * The mastering loop measures the envelope once and re-runs only this per pass.
     */
    public void processWithEnvelope(float[][] buf, int off, int n, float[] envelope, int envOff, double scale) {
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            for (int i = 0; i < m; i++) peaks[i] = envelope[envOff + start + i];
            apply(buf, off + start, m, peaks, 0, scale);
        }
    }

    /** Block of the per-sample peak scratch. */
    private static final int CHUNK = 1024;
    private final double[] peaks = new double[CHUNK];

    /** Per sample, the largest of the channels' detector outputs, into {@code out[outOff ..]}. */
    private static void detect(PeakOversampler[] detectors, float[][] buf, int off, int n, double[] out, int outOff) {
        PeakOversampler d0 = detectors[0];
        float[] x0 = buf[0];
        for (int i = 0; i < n; i++) out[outOff + i] = d0.push(x0[off + i]);
        for (int c = 1; c < detectors.length; c++) {
            PeakOversampler d = detectors[c];
            float[] x = buf[c];
            for (int i = 0; i < n; i++) {
                double p = d.push(x[off + i]);
                if (p > out[outOff + i]) out[outOff + i] = p;
            }
        }
    }

    /** Off only in tests, to check that the idle shortcut changes nothing. */
    boolean idleShortcut = true;

    private void apply(float[][] buf, int off, int n, double[] peak, int peakOff, double scale) {
        if (idleShortcut && idle() && allUnder(peak, peakOff, n, scale)) {
            passThrough(buf, off, n);
            return;
        }
        for (int k = 0; k < n; k++) {
            int i = off + k;
            double pk = peak[peakOff + k] * scale;
            double r = pk > threshold ? threshold / pk : 1;
            double held = pushMin(r);
            double rel = released + releaseCoef * (1 - released);
            released = rel < held ? rel : held;
            boxSum += released - box[boxIndex];
            box[boxIndex] = released;
            if (++boxIndex == lookahead) {
                boxIndex = 0;
                double s = 0;                       // re-sum exactly once per lap: no drift
                for (double v : box) s += v;
                boxSum = s;
            }
            double g = Math.min(1, boxSum / lookahead);
            if (g < minGain) minGain = g;
            for (int c = 0; c < channels; c++) {
                float[] d = delay[c];
                float delayed = d[delayIndex];
                d[delayIndex] = buf[c][i];
                buf[c][i] = (float) (delayed * g);
            }
            if (++delayIndex == latency) delayIndex = 0;
        }
    }

    /**
     * The limiter's detection on its own, for a signal that will later be limited after a gain: per sample pushed,
     * the largest oversampled peak over the channels, rounded up to float so that scaling it never under-reads a
     * peak.
     */
    public static final class Envelope {
        private final PeakOversampler[] detectors;
        private final double[] scratch = new double[CHUNK];

        /**
         * @param floor peaks that provably stay under this are not computed exactly (reported as the sample's own
         *              magnitude, which is smaller still); 0 for exact everywhere. A limiter that scales this envelope
         *              by at most {@code threshold / floor} sees the same peaks over its threshold as exact detection.
         */
        public Envelope(int channels, double floor) {
            detectors = new PeakOversampler[channels];
            for (int c = 0; c < channels; c++) detectors[c] = new PeakOversampler(OVERSAMPLING, TAPS, KAISER_BETA, floor);
        }

        /** Detects {@code buf[ch][off .. off+n)} into {@code out[outOff .. outOff+n)}. */
        public void detect(float[][] buf, int off, int n, float[] out, int outOff) {
            for (int start = 0; start < n; start += CHUNK) {
                int m = Math.min(CHUNK, n - start);
                LookaheadLimiter.detect(detectors, buf, off + start, m, scratch, 0);
                for (int i = 0; i < m; i++) {
                    double p = scratch[i];
                    float f = (float) p;
                    out[outOff + start + i] = f < p ? Math.nextUp(f) : f;
                }
            }
        }
    }

    /**
     * Whether the limiter is fully released: every state a run of required gains of 1 leaves at exactly 1 (the
     * window's minimum, the release, every box value and their sum, which a lap's re-sum makes exact).
     */
    private boolean idle() {
        if (released != 1.0 || boxSum != lookahead || (dqSize > 0 && dqValue[dqHead] != 1.0)) return false;
        for (double v : box) if (v != 1.0) return false;
        return true;
    }

    private boolean allUnder(double[] peak, int peakOff, int n, double scale) {
        for (int k = 0; k < n; k++) if (peak[peakOff + k] * scale > threshold) return false;
        return true;
    }

    /**
     * A chunk that needs no reduction, from an idle state: the per-sample loop would apply a gain of exactly 1
     * throughout, so only the delay line moves, and the state advances as that loop would leave it (one window entry
     * of 1 at the newest position, the box index a chunk further on). Bit-identical to the loop, and far cheaper.
     */
    private void passThrough(float[][] buf, int off, int n) {
        int start = delayIndex;
        for (int c = 0; c < channels; c++) {
            float[] d = delay[c], x = buf[c];
            int di = start;
            for (int i = off, end = off + n; i < end; i++) {
                float delayed = d[di];
                d[di] = x[i];
                x[i] = delayed;
                if (++di == latency) di = 0;
            }
        }
        delayIndex = (int) ((start + (long) n) % latency);
        position += n;
        dqIndex[dqHead] = position - 1;
        dqValue[dqHead] = 1.0;
        dqSize = 1;
        boxIndex = (int) ((boxIndex + (long) n) % lookahead);
    }

    private double pushMin(double r) {
        long t = position++;
        int cap = dqIndex.length;
        while (dqSize > 0) {                        // drop larger-or-equal values from the back
            int back = dqHead + dqSize - 1;
            if (back >= cap) back -= cap;
            if (dqValue[back] >= r) dqSize--;
            else break;
        }
        int slot = dqHead + dqSize;
        if (slot >= cap) slot -= cap;
        dqIndex[slot] = t;
        dqValue[slot] = r;
        dqSize++;
        if (dqIndex[dqHead] <= t - window) {        // front left the window
            if (++dqHead == cap) dqHead = 0;
            dqSize--;
        }
        return dqValue[dqHead];
    }

    public void reset() {
        for (PeakOversampler d : detectors) d.reset();
        for (float[] d : delay) java.util.Arrays.fill(d, 0);
        delayIndex = 0;
        dqHead = 0;
        dqSize = 0;
        position = 0;
        released = 1;
        java.util.Arrays.fill(box, 1);
        boxIndex = 0;
        boxSum = lookahead;
        minGain = 1;
    }
}
