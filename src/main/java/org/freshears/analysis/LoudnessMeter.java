package org.freshears.analysis;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.freshears.audio.ChannelLayout;
import org.freshears.audio.ChannelLayout.Speaker;
import org.freshears.dsp.KWeighting;

/**
 * Loudness meter after ITU-R BS.1770-4 (-5), in "EBU Mode" (EBU Tech 3341) with loudness range
 * (EBU Tech 3342). Feed planar float blocks (full scale ±1.0, any block size) with
 * {@link #accept}; read {@link #result()} at the end. Nothing is allocated per sample or per
 * block (the 100 ms series grow by doubling), and results are bit-identical whatever the block
 * size.
 *
 * <h2>How it measures</h2>
 * <ul>
 *   <li>K-weighting per channel ({@link KWeighting}, designed for the actual sample rate), then
 *       the mean square of each channel, weighted and summed (BS.1770-4 §2, eq. 2).</li>
 *   <li>Power is accumulated in 10 ms sub-blocks (sub-block k spans frames
 *       ⌊k·fs/100⌋ … ⌊(k+1)·fs/100⌋). A 400 ms window is 40 sub-blocks and a 3 s window 300.</li>
 *   <li>Momentary and short-term maxima are taken over every complete window on the 10 ms grid
 *       (Tech 3341 cases 10 and 13 need more than the 10 Hz display rate).</li>
 *   <li>Integrated loudness: 400 ms gating blocks every 100 ms (75 % overlap), absolute gate
 *       −70 LUFS, relative gate −10 LU (BS.1770-4 §2.8). Only complete blocks count.</li>
 *   <li>Loudness range: short-term (3 s) loudness every 100 ms, absolute gate −70 LUFS, relative
 *       gate −20 LU, LRA = 95th − 10th percentile (Tech 3342 §2-3).</li>
 * </ul>
 *
 * <h2>Channel weights (BS.1770-4 Table 3)</h2>
 * From the stream's {@link ChannelLayout} ({@link #channelWeights(ChannelLayout)}): 1.41 for the surrounds
 * (azimuth 60°…120°), 0 for the LFE (excluded, as in libebur128 and ffmpeg), 1.0 for every other channel. Without a
 * known layout ({@link ChannelLayout#byCount}) that is: 1 or 2 channels 1.0 each; 5 channels L, R, C, Ls, Rs and 6
 * channels L, R, C, LFE, Ls, Rs (the WAV/SMPTE order); any other count 1.0 for every channel.
 *
 * <h2>Stereo and the mono fold-down</h2>
 * The front left and right channels ({@link ChannelLayout#left()}, {@link ChannelLayout#right()}: channels 0 and 1
 * unless the layout places them elsewhere, as Vorbis does) are filtered in one loop (two independent recursions
 * overlap in the processor's pipeline; each channel's arithmetic is exactly that of the one-channel loop, so the
 * figures do not change). The same loop also meters the mono fold-down M = (L+R)/2 for free: K-weighting is
 * linear, so the K-weighted fold-down is half the sum of the two K-weighted channels, and its gated loudness is
 * {@link #monoIntegratedLufs()}. What it is compared with, the loudness of the same pair played as it is
 * ({@link #frontPairIntegratedLufs()}), costs one addition per 10 ms sub-block: the pair's energies are at hand.
 *
 * <h2>Degenerate input</h2>
 * Silence or input too short for a window yields {@code null} fields, never an exception. NaN
 * and infinite samples are treated as 0 and counted ({@link #nonFiniteSamples()}).
 */
public final class LoudnessMeter {
    static final double ABSOLUTE_GATE_LUFS = -70.0;
    static final double RELATIVE_GATE_LU = -10.0;
    static final double LRA_RELATIVE_GATE_LU = -20.0;
    static final double LRA_LOW_PERCENTILE = 0.10;
    static final double LRA_HIGH_PERCENTILE = 0.95;
    private static final int SUBBLOCKS_PER_SECOND = 100;
    private static final int MOMENTARY_SUBBLOCKS = 40;
    private static final int SHORT_TERM_SUBBLOCKS = 300;
    private static final int SERIES_HOP_SUBBLOCKS = 10;
    private static final double DENORMAL_FLOOR = 1e-30;

    private final int sampleRate;
    private final int channels;
    private final double[] weights;
    /** The front pair (filtered together, folded down to mono) and the other channels, ascending. */
    private final int left, right;
    private final int[] others;
    private final double sb0, sb1, sb2, sa1, sa2; // stage 1 (shelf)
    private final double ha1, ha2;                 // stage 2 (high-pass; its numerator gain is folded into stage 1)
    /** Filter state, 4 per channel: shelf z1, z2, high-pass z1, z2. */
    private final double[] state;
    /** Per-channel sum of squares of the current sub-block. */
    private final double[] channelEnergy;
    /** Weighted energy of the last {@link #SHORT_TERM_SUBBLOCKS} sub-blocks, indexed k mod size. */
    private final double[] ring = new double[SHORT_TERM_SUBBLOCKS];

    private long frames;
    private long subIndex;
    private long subEnd;
    private double momentaryMaxPower = -1;
    private double shortTermMaxPower = -1;
    private float samplePeak;
    private long nonFinite;
    private final Series momentaryPower = new Series();
    private final Series shortTermPower = new Series();
    /** Mono fold-down (two or more channels): Σ((zL+zR)/2)² of the current sub-block, its ring and 400 ms series. */
    private double monoEnergy;
    private final double[] monoRing = new double[MOMENTARY_SUBBLOCKS];
    private final Series monoMomentaryPower = new Series();
    /** The front pair alone, weight 1.0 each (two or more channels): ring and 400 ms series. */
    private final double[] pairRing = new double[MOMENTARY_SUBBLOCKS];
    private final Series pairMomentaryPower = new Series();

    /** A meter for {@code channels} channels of unknown positions ({@link ChannelLayout#byCount}). */
    public LoudnessMeter(int sampleRate, int channels) {
        this(sampleRate, ChannelLayout.byCount(channels));
    }

    public LoudnessMeter(int sampleRate, ChannelLayout layout) {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        this.sampleRate = sampleRate;
        this.channels = layout.channels();
        this.weights = channelWeights(layout);
        this.left = layout.left();
        this.right = layout.right();
        this.others = IntStream.range(0, channels).filter(c -> c != left && c != right).toArray();
        KWeighting k = new KWeighting(sampleRate);
        double[] s = k.shelf(), h = k.highPass();
        // The high-pass numerator is g·(1, -2, 1); g is folded into the shelf so the loop keeps (1, -2, 1).
        double g = h[0];
        sb0 = s[0] * g;
        sb1 = s[1] * g;
        sb2 = s[2] * g;
        sa1 = s[3];
        sa2 = s[4];
        ha1 = h[3];
        ha2 = h[4];
        state = new double[4 * channels];
        channelEnergy = new double[channels];
        subEnd = subStart(1);
    }

    /** BS.1770-4 channel weights for channels of unknown positions ({@link ChannelLayout#byCount}). */
    public static double[] channelWeights(int channels) {
        return channelWeights(ChannelLayout.byCount(channels));
    }

    /**
     * BS.1770-4 Table 3 channel weights, position-dependent as in libebur128: 1.41 for a surround (azimuth
     * 60°…120°), which is a side speaker, or a back speaker when the layout has no side ones (the usual 5.1 mask 0x3F
     * names its surrounds "back"; beside side speakers, as in 7.1, the backs sit at ±135…150° and weigh 1.0); 0 for
     * the LFE; 1.0 for everything else (front, centre, back centre, height and unknown channels). ffmpeg's ebur128
     * filter differs in weighting every back channel 1.41.
     */
    public static double[] channelWeights(ChannelLayout layout) {
        boolean sides = layout.speakers().contains(Speaker.SIDE_LEFT) || layout.speakers().contains(Speaker.SIDE_RIGHT);
        double[] w = new double[layout.channels()];
        for (int c = 0; c < w.length; c++) {
            w[c] = switch (layout.speaker(c)) {
                case LOW_FREQUENCY -> 0.0;
                case SIDE_LEFT, SIDE_RIGHT -> 1.41;
                case BACK_LEFT, BACK_RIGHT -> sides ? 1.0 : 1.41;
                default -> 1.0;
            };
        }
        return w;
    }

    /** Feeds {@code block[c][0..frames)} for every channel c. */
    public void accept(float[][] block, int frameCount) {
        int pos = 0;
        while (pos < frameCount) {
            int n = (int) Math.min(frameCount - pos, subEnd - frames);
            boolean completes = frames + n == subEnd;
            if (channels >= 2) {
                filterPair(block[left], block[right], pos, n, completes);
                for (int c : others) filter(c, block[c], pos, n, completes);
            } else {
                filter(0, block[0], pos, n, completes);
            }
            frames += n;
            pos += n;
            if (completes) completeSubBlock();
        }
    }

    /** Runs channel c's K-weighting over {@code in[from..from+n)} and adds the squares to its energy. */
    private void filter(int c, float[] in, int from, int n, boolean atSubBlockEnd) {
        final double b0 = sb0, b1 = sb1, b2 = sb2, a1 = sa1, a2 = sa2, ka1 = ha1, ka2 = ha2;
        final int o = 4 * c;
        double s1 = state[o], s2 = state[o + 1], h1 = state[o + 2], h2 = state[o + 3];
        double energy = channelEnergy[c];
        float peak = samplePeak;
        long bad = 0;
        for (int i = from, end = from + n; i < end; i++) {
            float v = in[i];
            if (!(Math.abs(v) <= Float.MAX_VALUE)) {
                v = 0f;
                bad++;
            }
            float av = Math.abs(v);
            if (av > peak) peak = av;
            double x = v;
            double y = b0 * x + s1;
            s1 = b1 * x - a1 * y + s2;
            s2 = b2 * x - a2 * y;
            double z = y + h1;
            h1 = -2.0 * y - ka1 * z + h2;
            h2 = y - ka2 * z;
            energy += z * z;
        }
        store(o, s1, s2, h1, h2, atSubBlockEnd);
        channelEnergy[c] = energy;
        samplePeak = peak;
        nonFinite += bad;
    }

    /**
     * {@link #filter} for the front left and right channels in one loop, with the same arithmetic per channel, plus
     * the energy of the K-weighted mono fold-down (zL + zR) / 2.
     */
    private void filterPair(float[] inL, float[] inR, int from, int n, boolean atSubBlockEnd) {
        final double b0 = sb0, b1 = sb1, b2 = sb2, a1 = sa1, a2 = sa2, ka1 = ha1, ka2 = ha2;
        final int stL = 4 * left, stR = 4 * right;
        double ls1 = state[stL], ls2 = state[stL + 1], lh1 = state[stL + 2], lh2 = state[stL + 3];
        double rs1 = state[stR], rs2 = state[stR + 1], rh1 = state[stR + 2], rh2 = state[stR + 3];
        double le = channelEnergy[left], re = channelEnergy[right], me = monoEnergy;
        float peak = samplePeak;
        long bad = 0;
        for (int i = from, end = from + n; i < end; i++) {
            float vl = inL[i], vr = inR[i];
            if (!(Math.abs(vl) <= Float.MAX_VALUE)) {
                vl = 0f;
                bad++;
            }
            if (!(Math.abs(vr) <= Float.MAX_VALUE)) {
                vr = 0f;
                bad++;
            }
            float al = Math.abs(vl), ar = Math.abs(vr);
            if (al > peak) peak = al;
            if (ar > peak) peak = ar;
            double xl = vl, xr = vr;
            double yl = b0 * xl + ls1;
            double yr = b0 * xr + rs1;
            ls1 = b1 * xl - a1 * yl + ls2;
            rs1 = b1 * xr - a1 * yr + rs2;
            ls2 = b2 * xl - a2 * yl;
            rs2 = b2 * xr - a2 * yr;
            double zl = yl + lh1;
            double zr = yr + rh1;
            lh1 = -2.0 * yl - ka1 * zl + lh2;
            rh1 = -2.0 * yr - ka1 * zr + rh2;
            lh2 = yl - ka2 * zl;
            rh2 = yr - ka2 * zr;
            le += zl * zl;
            re += zr * zr;
            double zm = zl + zr;
            me += zm * zm;
        }
        store(stL, ls1, ls2, lh1, lh2, atSubBlockEnd);
        store(stR, rs1, rs2, rh1, rh2, atSubBlockEnd);
        channelEnergy[left] = le;
        channelEnergy[right] = re;
        monoEnergy = me;
        samplePeak = peak;
        nonFinite += bad;
    }

    /**
     * Keeps one channel's filter state at {@code state[o..o+4)}; at the end of a sub-block (a point that does not
     * depend on the block size) values too small to matter are flushed to 0, so they never decay into denormals.
     */
    private void store(int o, double s1, double s2, double h1, double h2, boolean atSubBlockEnd) {
        state[o] = atSubBlockEnd && Math.abs(s1) < DENORMAL_FLOOR ? 0 : s1;
        state[o + 1] = atSubBlockEnd && Math.abs(s2) < DENORMAL_FLOOR ? 0 : s2;
        state[o + 2] = atSubBlockEnd && Math.abs(h1) < DENORMAL_FLOOR ? 0 : h1;
        state[o + 3] = atSubBlockEnd && Math.abs(h2) < DENORMAL_FLOOR ? 0 : h2;
    }

    private void completeSubBlock() {
        long k = subIndex;
        if (channels >= 2) {
            monoRing[(int) (k % MOMENTARY_SUBBLOCKS)] = 0.25 * monoEnergy;
            monoEnergy = 0;
            pairRing[(int) (k % MOMENTARY_SUBBLOCKS)] = channelEnergy[left] + channelEnergy[right];
        }
        double e = 0;
        for (int c = 0; c < channels; c++) {
            e += weights[c] * channelEnergy[c];
            channelEnergy[c] = 0;
        }
        ring[(int) (k % SHORT_TERM_SUBBLOCKS)] = e;
        if (k >= MOMENTARY_SUBBLOCKS - 1) {
            momentaryMaxPower = Math.max(momentaryMaxPower, windowPower(ring, k, MOMENTARY_SUBBLOCKS));
        }
        if (k >= SHORT_TERM_SUBBLOCKS - 1) {
            shortTermMaxPower = Math.max(shortTermMaxPower, windowPower(ring, k, SHORT_TERM_SUBBLOCKS));
        }
        if ((k + 1) % SERIES_HOP_SUBBLOCKS == 0) {
            momentaryPower.add(windowPower(ring, k, MOMENTARY_SUBBLOCKS));
            shortTermPower.add(windowPower(ring, k, SHORT_TERM_SUBBLOCKS));
            if (channels >= 2) {
                monoMomentaryPower.add(windowPower(monoRing, k, MOMENTARY_SUBBLOCKS));
                pairMomentaryPower.add(windowPower(pairRing, k, MOMENTARY_SUBBLOCKS));
            }
        }
        subIndex = k + 1;
        subEnd = subStart(k + 2);
    }

    /**
     * Mean power of the window of {@code len} sub-blocks ending with sub-block k, from a ring of sub-block
     * energies (sub-block j at {@code energies[j % energies.length]}): the meter's weighted one, or the fold-down's
     * or the front pair's 40-sub-block ring. Time before the start counts as silence.
     */
    private double windowPower(double[] energies, long k, int len) {
        long first = k - len + 1;
        long j0 = Math.max(0, first);
        double sum = 0;
        // the same sum in the same order as energies[j % energies.length] for j = j0..k, without a division per term
        for (int n = (int) (k - j0 + 1), i = (int) (j0 % energies.length); n > 0; n--) {
            sum += energies[i];
            if (++i == energies.length) i = 0;
        }
        return sum / (subStart(k + 1) - subStart(first));
    }

    private long subStart(long k) {
        return Math.floorDiv(k * sampleRate, SUBBLOCKS_PER_SECOND);
    }

    /** The figures so far; may be called at any time, typically once at the end. */
    public LoudnessStats result() {
        double[] blocks = momentaryPower.completeFrom(MOMENTARY_SUBBLOCKS / SERIES_HOP_SUBBLOCKS - 1);
        double[] integrated = gatedLoudness(blocks);
        double[] st = shortTermPower.completeFrom(SHORT_TERM_SUBBLOCKS / SERIES_HOP_SUBBLOCKS - 1);
        double[] lra = loudnessRange(st);
        return new LoudnessStats(
                integrated == null ? null : integrated[0],
                momentaryMaxPower > 0 ? lufs(momentaryMaxPower) : null,
                shortTermMaxPower > 0 ? lufs(shortTermMaxPower) : null,
                lra == null ? null : lra[1] - lra[0],
                frames > 0 && samplePeak > 0 ? 20.0 * Math.log10(samplePeak) : null,
                null,
                integrated == null ? null : integrated[1],
                lra == null ? null : lra[0],
                lra == null ? null : lra[1],
                nonFinite);
    }

    /**
     * Gated integrated loudness (BS.1770-4, one channel of weight 1) of the mono fold-down (L+R)/2 of the front
     * left and right channels, or null for fewer than two channels, silence or too short an input.
     */
    public Double monoIntegratedLufs() {
        return channels < 2 ? null : gated(monoMomentaryPower);
    }

    /**
     * Gated integrated loudness (BS.1770-4, the same gating) of the front left and right channels alone, weight 1.0
     * each: what the mono fold-down is compared with. For a plain stereo stream it is the integrated loudness,
     * bit for bit. Null for fewer than two channels, a silent front pair or too short an input.
     */
    public Double frontPairIntegratedLufs() {
        return channels < 2 ? null : gated(pairMomentaryPower);
    }

    private static Double gated(Series blockPower) {
        double[] g = gatedLoudness(blockPower.completeFrom(MOMENTARY_SUBBLOCKS / SERIES_HOP_SUBBLOCKS - 1));
        return g == null ? null : g[0];
    }

    /** Short-term loudness every 100 ms; index i is the 3 s window ending at (i+1)·0.1 s (earlier time counts as silence). */
    public double[] shortTermSeriesLufs() {
        return shortTermPower.toLufs();
    }

    /** Momentary loudness every 100 ms; index i is the 400 ms window ending at (i+1)·0.1 s. */
    public double[] momentarySeriesLufs() {
        return momentaryPower.toLufs();
    }

    public long nonFiniteSamples() {
        return nonFinite;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /** {integrated, relative gate} from gating-block powers, or null when no block passes the gates. */
    static double[] gatedLoudness(double[] blockPower) {
        double absGate = power(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int n = 0;
        for (double p : blockPower) {
            if (p > absGate) {
                sum += p;
                n++;
            }
        }
        if (n == 0) return null;
        double relGateLufs = lufs(sum / n) + RELATIVE_GATE_LU;
        double relGate = power(relGateLufs);
        sum = 0;
        n = 0;
        for (double p : blockPower) {
            if (p > absGate && p > relGate) {
                sum += p;
                n++;
            }
        }
        if (n == 0) return null;
        return new double[] {lufs(sum / n), relGateLufs};
    }

    /** {low, high} percentile loudness of the gated short-term distribution (Tech 3342), or null. */
    static double[] loudnessRange(double[] shortTermPower) {
        double absGate = power(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int n = 0;
        for (double p : shortTermPower) {
            if (p > absGate) {
                sum += p;
                n++;
            }
        }
        if (n == 0) return null;
        double relGate = power(lufs(sum / n) + LRA_RELATIVE_GATE_LU);
        double[] gated = new double[n];
        int m = 0;
        for (double p : shortTermPower) {
            if (p > absGate && p > relGate) gated[m++] = p;
        }
        if (m == 0) return null;
        Arrays.sort(gated, 0, m);
        double low = gated[(int) Math.round((m - 1) * LRA_LOW_PERCENTILE)];
        double high = gated[(int) Math.round((m - 1) * LRA_HIGH_PERCENTILE)];
        return new double[] {lufs(low), lufs(high)};
    }

    /** BS.1770-4 eq. 2: L = −0.691 + 10·log10(Σ G_i z_i). */
    static double lufs(double power) {
        return -0.691 + 10.0 * Math.log10(power);
    }

    static double power(double lufs) {
        return Math.pow(10.0, (lufs + 0.691) / 10.0);
    }

    /** A growable primitive list for the 100 ms series. */
    private static final class Series {
        private double[] values = new double[256];
        private int size;

        void add(double v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        double[] completeFrom(int first) {
            return first >= size ? new double[0] : Arrays.copyOfRange(values, first, size);
        }

        double[] toLufs() {
            double[] out = new double[size];
            for (int i = 0; i < size; i++) out[i] = values[i] > 0 ? lufs(values[i]) : Double.NEGATIVE_INFINITY;
            return out;
        }
    }
}
