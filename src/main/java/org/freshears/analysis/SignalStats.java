package org.freshears.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Time-domain statistics in one pass: DC and energy per channel, the L·R cross term, the sample peak per 100 ms
 * (on the loudness meter's grid: block j spans frames ⌊j·fs/10⌋ … ⌊(j+1)·fs/10⌋), mid and side energy per 3 s
 * chunk, silence at head and tail, and clipping.
 *
 * <p>Clipping: a clipped run is ≥ {@value #CLIP_MIN_RUN} consecutive samples of one channel holding exactly the same
 * value with |x| ≥ {@value #CLIP_LEVEL} (−0.0087 dBFS); runs are counted per channel. Silence: samples below
 * {@value #SILENCE_LEVEL} (−60 dBFS) in every channel. Left and right are the front pair of the channel layout
 * ({@link org.freshears.audio.ChannelLayout#left()}: channels 0 and 1 unless the layout places them elsewhere).
 * Accumulation order depends only on sample positions, so any block size gives bit-identical results.
 */
final class SignalStats implements BlockAnalyzer {
    static final double CLIP_LEVEL = 0.999;
    static final int CLIP_MIN_RUN = 3;
    static final double SILENCE_LEVEL = 0.001;
    static final int CLIP_TIMES_KEPT = 20;
    static final int SUBBLOCKS_PER_CHUNK = 30;

    private final int sampleRate;
    private final int channels, left, right;
    private final double[] dcSum, energy, subEnergy;
    private double cross, subCross;
    private float subPeak;
    private long frames;
    private int subIndex;
    private long subEnd;
    private float[] peaks = new float[1024];
    private double[] chunkMidSide = new double[128];
    private int chunks;
    private long firstLoud = -1, lastLoud = -1;
    // clipping state per channel
    private final float[] runValue;
    private final int[] runLength;
    private final long[] runStart;
    private long clippedRuns, clippedSamples;
    private final List<Double> clipTimes = new ArrayList<>();
    private long lastClipFrame = -1;

    SignalStats(int sampleRate, int channels, int left, int right) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.left = left;
        this.right = right;
        dcSum = new double[channels];
        energy = new double[channels];
        subEnergy = new double[channels];
        runValue = new float[channels];
        Arrays.fill(runValue, Float.NaN);
        runLength = new int[channels];
        runStart = new long[channels];
        subEnd = subStart(1);
    }

    private long subStart(long j) {
        return j * sampleRate / 10;
    }

    @Override
    public void accept(float[][] block, int n) {
        for (int c = 0; c < channels; c++) clipping(c, block[c], n);
        silence(block, n);
        int pos = 0;
        while (pos < n) {
            int len = (int) Math.min(n - pos, subEnd - frames);
            segment(block, pos, len);
            frames += len;
            pos += len;
            if (frames == subEnd) completeSubBlock();
        }
    }

    private void segment(float[][] block, int from, int len) {
        int to = from + len;
        float pk = subPeak;
        for (int c = 0; c < channels; c++) {
            float[] x = block[c];
            double s = dcSum[c], q = subEnergy[c];
            for (int i = from; i < to; i++) {
                float v = x[i];
                s += v;
                q += v * (double) v;
                float a = Math.abs(v);
                if (a > pk) pk = a;
            }
            dcSum[c] = s;
            subEnergy[c] = q;
        }
        subPeak = pk;
        if (channels > 1) {
            float[] l = block[left], r = block[right];
            double x = subCross;
            for (int i = from; i < to; i++) x += l[i] * (double) r[i];
            subCross = x;
        }
    }

    private void completeSubBlock() {
        if (subIndex == peaks.length) peaks = Arrays.copyOf(peaks, peaks.length * 2);
        peaks[subIndex] = subPeak;
        int chunk = subIndex / SUBBLOCKS_PER_CHUNK;
        if (chunk >= chunks) {
            if (2 * chunk + 2 > chunkMidSide.length) chunkMidSide = Arrays.copyOf(chunkMidSide, chunkMidSide.length * 2);
            chunks = chunk + 1;
        }
        double ll = subEnergy[left], rr = channels > 1 ? subEnergy[right] : ll, lr = channels > 1 ? subCross : ll;
        chunkMidSide[2 * chunk] += 0.25 * (ll + rr + 2 * lr);
        chunkMidSide[2 * chunk + 1] += Math.max(0, 0.25 * (ll + rr - 2 * lr));
        for (int c = 0; c < channels; c++) {
            energy[c] += subEnergy[c];
            subEnergy[c] = 0;
        }
        cross += subCross;
        subCross = 0;
        subPeak = 0;
        subIndex++;
        subEnd = subStart(subIndex + 1L);
    }

    private void silence(float[][] block, int n) {
        if (firstLoud < 0) {
            for (int i = 0; i < n && firstLoud < 0; i++) {
                for (int c = 0; c < channels; c++) {
                    if (Math.abs(block[c][i]) >= SILENCE_LEVEL) {
                        firstLoud = frames + i;
                        break;
                    }
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int c = 0; c < channels; c++) {
                if (Math.abs(block[c][i]) >= SILENCE_LEVEL) {
                    lastLoud = frames + i;
                    return;
                }
            }
        }
    }

    private void clipping(int c, float[] x, int n) {
        float rv = runValue[c];
        int rl = runLength[c];
        long rs = runStart[c];
        for (int i = 0; i < n; i++) {
            if (rl == 0) {
                // no run open (the usual case): skip ahead to the next sample at clipping level
                while (i < n && Math.abs(x[i]) < CLIP_LEVEL) i++;
                if (i == n) break;
            }
            float v = x[i];
            if (v == rv) {
                rl++;
            } else {
                if (rl >= CLIP_MIN_RUN) closeRun(rs, rl);
                if (Math.abs(v) >= CLIP_LEVEL) {
                    rv = v;
                    rl = 1;
                    rs = frames + i;
                } else {
                    rv = Float.NaN;
                    rl = 0;
                }
            }
        }
        runValue[c] = rv;
        runLength[c] = rl;
        runStart[c] = rs;
    }

    private void closeRun(long start, int length) {
        clippedRuns++;
        clippedSamples += length;
        double t = start / (double) sampleRate;
        // keep the earliest runs whatever order the channels report them in
        if (clipTimes.size() < CLIP_TIMES_KEPT || t < clipTimes.get(clipTimes.size() - 1)) {
            int at = 0;
            while (at < clipTimes.size() && clipTimes.get(at) <= t) at++;
            clipTimes.add(at, t);
            if (clipTimes.size() > CLIP_TIMES_KEPT) clipTimes.remove(clipTimes.size() - 1);
        }
        lastClipFrame = Math.max(lastClipFrame, start + length);
    }

    /** Closes open runs and the last partial 100 ms block; call once after the last block. */
    void finish() {
        for (int c = 0; c < channels; c++) {
            if (runLength[c] >= CLIP_MIN_RUN) closeRun(runStart[c], runLength[c]);
            runLength[c] = 0;
            runValue[c] = Float.NaN;
        }
        if (frames > subStart(subIndex)) completeSubBlock();
    }

    long frames() { return frames; }

    double dcOffset(int c) { return frames > 0 ? dcSum[c] / frames : 0; }

    double energy(int c) { return energy[c]; }

    /** Σ L·R (Σ L² for mono). */
    double cross() { return channels > 1 ? cross : energy[left]; }

    /** The front pair's channels (both 0 for mono). */
    int left() { return left; }

    int right() { return right; }

    /** Sample peak of each 100 ms block (the last one may be shorter). */
    float[] peaks100ms() { return Arrays.copyOf(peaks, subIndex); }

    int chunkCount() { return chunks; }

    double chunkMid(int chunk) { return chunkMidSide[2 * chunk]; }

    double chunkSide(int chunk) { return chunkMidSide[2 * chunk + 1]; }

    /** Frame of the first sample at or above −60 dBFS, or −1 when all silent. */
    long firstLoudFrame() { return firstLoud; }

    long lastLoudFrame() { return lastLoud; }

    long clippedRuns() { return clippedRuns; }

    long clippedSamples() { return clippedSamples; }

    /** Start times of the earliest clipped runs (at most {@value #CLIP_TIMES_KEPT}), seconds. */
    List<Double> clipTimesSeconds() { return List.copyOf(clipTimes); }

    /** End of the last clipped run, seconds, or null. */
    Double lastClipSeconds() { return lastClipFrame < 0 ? null : lastClipFrame / (double) sampleRate; }

    int channels() { return channels; }
}
