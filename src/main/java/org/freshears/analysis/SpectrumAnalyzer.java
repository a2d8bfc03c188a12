package org.freshears.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.freshears.dsp.Welch;

/**
 * Long-term average spectrum of a track ({@link Welch}: Hann, 50 % overlap, 8192 points at 44.1/48 kHz, scaled
 * with the rate) of the front left and right channels, with their cross-spectrum, and the same seven band powers per
 * 3 s chunk for the sections. Everything else (band levels, 1/3-octave levels, tilt, bandwidth, per-band stereo) is
 * derived from the sums at the end by {@link SpectrumMath}.
 */
final class SpectrumAnalyzer implements BlockAnalyzer, Welch.FrameSink {
    /** Ranges summed per chunk: the seven named bands, then the 20 Hz–20 kHz total. */
    static final int CHUNK_VALUES = SpectralBands.NAMES.length + 1;

    private final int sampleRate;
    private final int channels, left, right;
    private final long chunkFrames;
    private final Welch welch;
    private final double binHz;
    private final int[] rangeFirst;
    private final double[][] rangeWeights;
    private double[] chunks = new double[CHUNK_VALUES * 64];
    private int chunkCount;
    private final SpectralTexture texture;
    /** Per bin, the left plus the right channel's power of the current segment. */
    private final double[] pairPower;

    SpectrumAnalyzer(int sampleRate, int channels, int left, int right, double chunkSeconds) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.left = left;
        this.right = right;
        this.chunkFrames = Math.round(chunkSeconds * sampleRate);
        int size = fftSizeFor(sampleRate);
        this.welch = new Welch(size, Math.min(2, channels), this);
        this.binHz = sampleRate / (double) size;
        texture = new SpectralTexture(binHz, welch.bins());
        pairPower = new double[welch.bins()];
        rangeFirst = new int[CHUNK_VALUES];
        rangeWeights = new double[CHUNK_VALUES][];
        for (int b = 0; b < CHUNK_VALUES; b++) {
            double lo = b < SpectralBands.NAMES.length ? SpectralBands.LOW_HZ[b] : SpectralBands.TOTAL_LOW_HZ;
            double hi = b < SpectralBands.NAMES.length ? SpectralBands.HIGH_HZ[b] : SpectralBands.TOTAL_HIGH_HZ;
            double[] w = SpectrumMath.binWeights(welch.bins(), binHz, lo, hi);
            int first = 0;
            while (first < w.length && w[first] == 0) first++;
            int last = w.length;
            while (last > first && w[last - 1] == 0) last--;
            rangeFirst[b] = first;
            rangeWeights[b] = Arrays.copyOfRange(w, first, last);
        }
    }

    /** 8192 points at 44.1 and 48 kHz, doubled or halved per octave of sample rate (at least 256). */
    static int fftSizeFor(int sampleRate) {
        int octaves = (int) Math.round(Math.log(sampleRate / 44100.0) / Math.log(2));
        return Math.max(256, octaves >= 0 ? 8192 << octaves : 8192 >> -octaves);
    }

    @Override
    public void accept(float[][] block, int frames) {
        welch.accept(block[left], channels > 1 ? block[right] : null, frames);
    }

    @Override
    public void frame(long firstSample, double[] power0, double[] power1, double[] cross) {
        int chunk = (int) ((firstSample + welch.fftSize() / 2) / chunkFrames);
        if (chunk >= chunkCount) {
            int need = (chunk + 1) * CHUNK_VALUES;
            if (need > chunks.length) chunks = Arrays.copyOf(chunks, Math.max(need, chunks.length * 2));
            chunkCount = chunk + 1;
        }
        int o = chunk * CHUNK_VALUES;
        double[] ps = pairPower;
        for (int k = 0; k < ps.length; k++) ps[k] = power0[k] + power1[k];
        for (int b = 0; b < CHUNK_VALUES; b++) {
            double[] w = rangeWeights[b];
            int k0 = rangeFirst[b];
            // four partial sums: one running sum waits for each addition to finish
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int j = 0;
            for (; j + 3 < w.length; j += 4) {
                s0 += w[j] * ps[k0 + j];
                s1 += w[j + 1] * ps[k0 + j + 1];
                s2 += w[j + 2] * ps[k0 + j + 2];
                s3 += w[j + 3] * ps[k0 + j + 3];
            }
            for (; j < w.length; j++) s0 += w[j] * ps[k0 + j];
            chunks[o + b] += 0.5 * ((s0 + s1) + (s2 + s3));
        }
        texture.frame(ps);
    }

    SpectralTexture texture() {
        return texture;
    }

    /** Completes the estimate; call once after the last block. */
    void finish() {
        welch.finish();
    }

    SpectrumMath math() {
        return new SpectrumMath(sampleRate, binHz, welch.sumPower0(), welch.sumPower1(), welch.sumCross());
    }

    /** Seven band levels (dB relative to the range's 20 Hz–20 kHz total) of chunks [from, to), or nulls. */
    List<Double> chunkBandsDb(int from, int to) {
        double[] sum = new double[CHUNK_VALUES];
        for (int c = from; c < Math.min(to, chunkCount); c++) {
            for (int b = 0; b < CHUNK_VALUES; b++) sum[b] += chunks[c * CHUNK_VALUES + b];
        }
        List<Double> out = new ArrayList<>(SpectralBands.NAMES.length);
        double total = sum[CHUNK_VALUES - 1];
        for (int b = 0; b < SpectralBands.NAMES.length; b++) out.add(SpectrumMath.ratioDb(sum[b], total));
        return out;
    }

    int fftSize() {
        return welch.fftSize();
    }
}
