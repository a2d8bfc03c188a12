package org.freshears.analysis;

/**
 * Rhythm from band energies: a multi-band onset-strength function, in the manner of Scheirer (1998, "Tempo and beat
 * analysis of acoustic musical signals": a bank of band-passes, their envelopes, and periodicity of the sum), and
 * its statistics. Fed one hop (10 ms) of output energy per band by {@link BandCrestAnalyzer}, whose band-passes it
 * shares; everything is computed on line with a fixed amount of state, so an hour-long file costs what a minute does.
 *
 * <ul>
 *   <li>Each band's envelope is the energy of its last two hops (a 20 ms window, hop 10 ms), compressed as
 *       ln(1 + γ·E/Ē) with Ē a slow (2 s) running mean of the all-band energy, so the function does not depend on
 *       the track's level and bands far below the rest (an empty "air" band of a lossy file) add almost nothing.</li>
 *   <li>The onset strength of a hop is the sum over bands of the rise of that envelope (half-wave rectified).</li>
 *   <li><b>Onsets per second:</b> local maxima (±50 ms) that stand more than one standard deviation above the mean
 *       of the second before them (of what there is, at the start), per second from the first sound to the last.</li>
 *   <li><b>Pulse clarity:</b> the largest normalised autocorrelation of the onset strength (lightly smoothed,
 *       [¼ ½ ¼], so that a beat period between two whole hop counts still correlates) at lags of 0.25–1.5 s
 *       (240–40 BPM): near 1 for a steady beat, near 0 for beatless material.</li>
 *   <li><b>Tempo:</b> the lag of the autocorrelation peak, weighted towards 120 BPM (a log-normal preference with
 *       a width of 1.4 octaves, as Ellis 2007 does, because a steady beat correlates equally at 1, 2 and 3 beats);
 *       half that lag when it correlates at least 80 % as well and gives at most 200 BPM (a fast beat whose period
 *       falls between two hop counts correlates best at two periods); refined by a parabola through the
 *       neighbours.</li>
 *   <li><b>Onset strength:</b> the mean onset strength per hop, first sound to last (how percussive).</li>
 * </ul>
 */
final class OnsetTracker {
    static final double HOP_SECONDS = 0.010;
    static final double MIN_LAG_SECONDS = 0.25, MAX_LAG_SECONDS = 1.5;
    static final double GAMMA = 1000;
    static final double MEAN_SECONDS = 2.0;
    static final double PEAK_HALF_WIDTH_SECONDS = 0.05;
    static final double THRESHOLD_WINDOW_SECONDS = 1.0;
    static final double PREFERRED_BPM = 120, PREFERENCE_OCTAVES = 1.4;
    static final double HALF_SHARE = 0.8, MAX_HALVED_BPM = 200;
    /** A hop whose energy is below this share of the running mean counts as silence. */
    static final double SILENT_SHARE = 1e-6;

    private final int bands;
    private final double hopSeconds;
    private final int minLag, maxLag, halfWidth, window;
    private final double meanCoefficient;
    private final double[] previousHop, previousLog;
    private boolean primed;
    private double runningMean;

    /** Onset strength of recent hops, a ring of {@code ring.length} (a power of two), newest at {@code count − 1}. */
    private final double[] ring;
    private final boolean[] silentRing;
    private long count;
    /** The onset strength smoothed by a [¼ ½ ¼] kernel (a beat period between two hop counts still lines up). */
    private final double[] smooth;
    private final double[] lagSums;
    private double sum, smoothSum, smoothSquares;
    /** Index of the last hop that was not silent (−1 before any). */
    private long lastLoud = -1;
    private double windowSum, windowSquares;
    private long onsets;

    /** @param bands band count; @param hopFrames frames per hop; @param sampleRate in Hz */
    OnsetTracker(int bands, int hopFrames, int sampleRate) {
        this.bands = bands;
        this.hopSeconds = hopFrames / (double) sampleRate;
        this.minLag = (int) Math.round(MIN_LAG_SECONDS / hopSeconds);
        this.maxLag = (int) Math.round(MAX_LAG_SECONDS / hopSeconds);
        this.halfWidth = Math.max(1, (int) Math.round(PEAK_HALF_WIDTH_SECONDS / hopSeconds));
        this.window = Math.max(2, (int) Math.round(THRESHOLD_WINDOW_SECONDS / hopSeconds));
        this.meanCoefficient = Math.exp(-hopSeconds / MEAN_SECONDS);
        this.previousHop = new double[bands];
        this.previousLog = new double[bands];
        int need = Math.max(maxLag + 2, window + 2 * halfWidth + 2);
        this.ring = new double[Integer.highestOneBit(need - 1) << 1];
        this.silentRing = new boolean[ring.length];
        this.smooth = new double[ring.length];
        this.lagSums = new double[maxLag + 1];
    }

    /** The hop frame count for a sample rate: 10 ms, rounded to whole frames. */
    static int hopFrames(int sampleRate) {
        return Math.max(1, (int) Math.round(sampleRate * HOP_SECONDS));
    }

    /** One hop's output energy per band (Σ y² over the hop); {@code energy} is not kept. */
    void hop(double[] energy) {
        double total = 0;
        for (int b = 0; b < bands; b++) total += energy[b];
        if (!primed) {
            if (total <= 0) return; // leading digital silence: nothing to measure yet
            runningMean = total;
            primed = true;
        } else {
            runningMean = meanCoefficient * runningMean + (1 - meanCoefficient) * total;
        }
        double scale = runningMean > 0 ? GAMMA / (2 * runningMean) : 0;
        double strength = 0;
        for (int b = 0; b < bands; b++) {
            double envelope = Math.log1p(scale * (energy[b] + previousHop[b]));
            if (count > 0) strength += Math.max(0, envelope - previousLog[b]);
            previousLog[b] = envelope;
            previousHop[b] = energy[b];
        }
        boolean silent = total <= SILENT_SHARE * runningMean;
        push(strength, silent); // the first hop has no rise: 0
    }

    private void push(double o, boolean silent) {
        int mask = ring.length - 1;
        long t = count;
        ring[(int) (t & mask)] = o;
        silentRing[(int) (t & mask)] = silent;
        count++;
        sum += o;
        if (!silent) lastLoud = t;
        if (t >= 2) {
            // smoothed value of hop t − 1
            long u = t - 1;
            double y = 0.25 * ring[(int) ((t - 2) & mask)] + 0.5 * ring[(int) (u & mask)] + 0.25 * o;
            smooth[(int) (u & mask)] = y;
            smoothSum += y;
            smoothSquares += y * y;
            for (int lag = minLag; lag <= Math.min(maxLag, u - 1); lag++) lagSums[lag] += y * smooth[(int) ((u - lag) & mask)];
        }
        // peak picking, delayed by halfWidth hops: the candidate has its whole neighbourhood
        long c = t - halfWidth;
        if (c >= 1) {
            double v = ring[(int) (c & mask)];
            boolean peak = !silentRing[(int) (c & mask)] && v > 0;
            for (int k = 1; peak && k <= halfWidth; k++) {
                peak = (c - k < 0 || v >= ring[(int) ((c - k) & mask)]) && v > ring[(int) ((c + k) & mask)];
            }
            if (peak) {
                long held = Math.min(c, window);
                double mean = windowSum / held;
                double var = Math.max(0, windowSquares / held - mean * mean);
                if (v > mean + Math.sqrt(var)) onsets++;
            }
        }
        // the threshold window holds the `window` hops before the next candidate (c + 1)
        long enter = c, leave = c - window;
        if (enter >= 0) {
            double x = ring[(int) (enter & mask)];
            windowSum += x;
            windowSquares += x * x;
        }
        if (leave >= 0) {
            double x = ring[(int) (leave & mask)];
            windowSum -= x;
            windowSquares -= x * x;
        }
    }

    /** Seconds from the first to the last sound (leading and trailing silence left out). */
    double measuredSeconds() {
        return (lastLoud + 1) * hopSeconds;
    }

    /** Onsets per second from the first to the last sound, or null when that is under two seconds. */
    Double onsetsPerSecond() {
        return measuredSeconds() < 2 ? null : onsets / measuredSeconds();
    }

    /** Mean onset strength per hop from the first to the last sound (silence adds no rises), or null. */
    Double onsetStrength() {
        return measuredSeconds() < 2 ? null : sum / (lastLoud + 1);
    }

    /** Normalised autocorrelation of the onset strength at each lag (index = lag in hops), or null. */
    private double[] autocorrelation() {
        long smoothCount = count - 2; // hop t − 1 is smoothed when hop t arrives, from t = 2 on
        if (smoothCount < 2L * maxLag) return null;
        double mean = smoothSum / smoothCount;
        double var = smoothSquares / smoothCount - mean * mean;
        if (!(var > 1e-12)) return null;
        double[] r = new double[maxLag + 1];
        for (int lag = minLag; lag <= maxLag; lag++) r[lag] = (lagSums[lag] / (smoothCount - lag) - mean * mean) / var;
        return r;
    }

    /** Largest normalised autocorrelation at lags 0.25–1.5 s, clamped to [0, 1]; null when too short or flat. */
    Double pulseClarity() {
        double[] r = autocorrelation();
        if (r == null) return null;
        double best = 0;
        for (int lag = minLag; lag <= maxLag; lag++) best = Math.max(best, r[lag]);
        return Math.min(1, best);
    }

    /** Tempo in BPM from the preference-weighted autocorrelation peak; null when too short, flat or beatless. */
    Double tempoBpm() {
        double[] r = autocorrelation();
        if (r == null) return null;
        int best = -1;
        double bestScore = 0;
        for (int lag = minLag; lag <= maxLag; lag++) {
            double bpm = 60 / (lag * hopSeconds);
            double octaves = Math.log(bpm / PREFERRED_BPM) / Math.log(2);
            double score = r[lag] * Math.exp(-0.5 * octaves * octaves / (PREFERENCE_OCTAVES * PREFERENCE_OCTAVES));
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        if (best < 0) return null;
        // a beat between two whole hop counts correlates less at one period than at two: take half the lag when
        // the correlation there is nearly as strong and the tempo stays plausible
        int half = best / 2;
        if (half - 1 >= minLag && 60 / ((best / 2.0) * hopSeconds) <= MAX_HALVED_BPM) {
            int h = half;
            for (int lag = half - 1; lag <= half + 1; lag++) if (r[lag] > r[h]) h = lag;
            if (r[h] >= HALF_SHARE * r[best]) best = h;
        }
        double lag = best;
        if (best > minLag && best < maxLag) {
            double a = r[best - 1], b = r[best], c = r[best + 1];
            double d = a - 2 * b + c;
            if (d < 0) lag += Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / d));
        }
        return 60 / (lag * hopSeconds);
    }
}
