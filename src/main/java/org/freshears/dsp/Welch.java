package org.freshears.dsp;

import org.jtransforms.fft.FloatFFT_1D;
import org.jtransforms.utils.CommonUtils;

/**
 * Streaming Welch estimate of the power spectrum of one channel or of a channel pair, with the pair's
 * cross-spectrum: segments of {@code fftSize} samples, periodic Hann window, 50 % overlap, each segment's mean
 * removed before windowing (constant detrend, as in Welch 1967 and scipy's default). Segments are fixed by absolute
 * sample position, so feeding blocks of any size gives bit-identical sums.
 *
 * <p>Per bin k (0…fftSize/2, bin width fs/fftSize) the accumulator keeps Σ|X₀|², Σ|X₁|² and Σ Re(X₀·X₁*) over
 * segments, unnormalised: divide by {@link #windowEnergy()} for power per bin (all callers here use ratios only).
 * A {@link FrameSink} may look at each segment's spectra as they are made (e.g. to keep per-section sums).
 * Nothing is allocated after construction; the FFT is JTransforms' {@code FloatFFT_1D.realForward} (single precision: its rounding sits some 140 dB under the
 * largest bin, far below anything reported; the powers are summed in double).
 *
 * <p>JTransforms splits a 1-D FFT over threads from 8192 points on by default; Fresh Ears already runs its analysers
 * on parallel lanes, so the first Welch raises that threshold to 2^20 points (process-wide) to keep each FFT on the
 * lane's own thread.
 */
public final class Welch {
    static {
        long single = 1L << 20;
        if (CommonUtils.getThreadsBeginN_1D_FFT_2Threads() < single) CommonUtils.setThreadsBeginN_1D_FFT_2Threads(single);
        if (CommonUtils.getThreadsBeginN_1D_FFT_4Threads() < single) CommonUtils.setThreadsBeginN_1D_FFT_4Threads(single);
    }

    /** Receives each segment's per-bin power of channel 0 and 1 and their real cross-power (arrays are reused). */
    @FunctionalInterface
    public interface FrameSink {
        void frame(long firstSample, double[] power0, double[] power1, double[] cross);
    }

    private final int size;
    private final int hop;
    private final int bins;
    private final boolean pair;
    /** The Hann window in single precision, as the segments are windowed. */
    private final float[] window;
    private final double windowEnergy;
    private final FloatFFT_1D fft;
    private final float[] buf0, buf1;
    private final float[] a0, a1;
    private final double[] p0, p1, pc;
    private final double[] sum0, sum1, sumC;
    private final FrameSink sink;
    private int fill;
    private long bufferStart;
    private long segments;

    /**
     * @param fftSize  segment length, a power of two ≥ 16
     * @param channels 1 (channel 0 only; channel 1 and the cross-spectrum mirror it) or 2
     * @param sink     called after each segment, or null
     */
    public Welch(int fftSize, int channels, FrameSink sink) {
        if (fftSize < 16 || Integer.bitCount(fftSize) != 1) throw new IllegalArgumentException("fftSize must be a power of two ≥ 16");
        if (channels != 1 && channels != 2) throw new IllegalArgumentException("channels must be 1 or 2");
        this.size = fftSize;
        this.hop = fftSize / 2;
        this.bins = fftSize / 2 + 1;
        this.pair = channels == 2;
        double[] hann = hann(fftSize);
        this.window = new float[fftSize];
        for (int i = 0; i < fftSize; i++) window[i] = (float) hann[i];
        double e = 0;
        for (double w : hann) e += w * w;
        this.windowEnergy = e;
        this.fft = new FloatFFT_1D(fftSize);
        this.buf0 = new float[fftSize];
        this.buf1 = pair ? new float[fftSize] : null;
        this.a0 = new float[fftSize];
        this.a1 = pair ? new float[fftSize] : null;
        this.p0 = new double[bins];
        this.p1 = pair ? new double[bins] : p0;
        this.pc = pair ? new double[bins] : p0;
        this.sum0 = new double[bins];
        this.sum1 = pair ? new double[bins] : sum0;
        this.sumC = pair ? new double[bins] : sum0;
        this.sink = sink;
    }

    /** Periodic Hann window of length n: w[i] = 0.5 − 0.5·cos(2πi/n). */
    public static double[] hann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        return w;
    }

    /** Feeds {@code x0[0..n)} (and {@code x1[0..n)} for a pair; ignored for one channel). */
    public void accept(float[] x0, float[] x1, int n) {
        int pos = 0;
        while (pos < n) {
            int take = Math.min(n - pos, size - fill);
            System.arraycopy(x0, pos, buf0, fill, take);
            if (pair) System.arraycopy(x1, pos, buf1, fill, take);
            fill += take;
            pos += take;
            if (fill == size) {
                segment(size);
                System.arraycopy(buf0, hop, buf0, 0, size - hop);
                if (pair) System.arraycopy(buf1, hop, buf1, 0, size - hop);
                fill = size - hop;
                bufferStart += hop;
            }
        }
    }

    /**
     * Ends the stream. A stream too short for one whole segment is measured from one zero-padded segment, so that
     * short input still has a spectrum; otherwise the incomplete tail (less than one hop beyond the last segment) is
     * left out, as Welch's method does.
     */
    public void finish() {
        if (segments == 0 && fill > 0) {
            int n = fill;
            java.util.Arrays.fill(buf0, n, size, 0f);
            if (pair) java.util.Arrays.fill(buf1, n, size, 0f);
            segment(n);
            fill = 0;
        }
    }

    private void segment(int valid) {
        prepare(buf0, a0, valid);
        fft.realForward(a0);
        if (pair) {
            prepare(buf1, a1, valid);
            fft.realForward(a1);
        }
        powers();
        segments++;
        if (sink != null) sink.frame(bufferStart, p0, p1, pc);
    }

    /** Removes the mean of the valid samples and applies the window. */
    private void prepare(float[] in, float[] out, int valid) {
        // four partial sums: one running sum waits for each addition to finish (about four cycles a sample)
        double m0 = 0, m1 = 0, m2 = 0, m3 = 0;
        int i4 = valid & ~3;
        for (int i = 0; i < i4; i += 4) {
            m0 += in[i];
            m1 += in[i + 1];
            m2 += in[i + 2];
            m3 += in[i + 3];
        }
        for (int i = i4; i < valid; i++) m0 += in[i];
        double mean = ((m0 + m1) + (m2 + m3)) / valid;
        float[] w = window;
        float m = (float) mean;
        for (int i = 0; i < valid; i++) out[i] = (in[i] - m) * w[i];
        for (int i = valid; i < size; i++) out[i] = 0;
    }

    private void powers() {
        int last = bins - 1;
        if (!pair) {
            float[] a = a0;
            p0[0] = (double) a[0] * a[0];
            p0[last] = (double) a[1] * a[1];
            for (int k = 1; k < last; k++) {
                double re = a[2 * k], im = a[2 * k + 1];
                p0[k] = re * re + im * im;
            }
            for (int k = 0; k < bins; k++) sum0[k] += p0[k];
            return;
        }
        float[] a = a0, b = a1;
        p0[0] = (double) a[0] * a[0];
        p1[0] = (double) b[0] * b[0];
        pc[0] = (double) a[0] * b[0];
        p0[last] = (double) a[1] * a[1];
        p1[last] = (double) b[1] * b[1];
        pc[last] = (double) a[1] * b[1];
        for (int k = 1; k < last; k++) {
            double ar = a[2 * k], ai = a[2 * k + 1], br = b[2 * k], bi = b[2 * k + 1];
            double q0 = ar * ar + ai * ai, q1 = br * br + bi * bi, qc = ar * br + ai * bi;
            p0[k] = q0;
            p1[k] = q1;
            pc[k] = qc;
            sum0[k] += q0;
            sum1[k] += q1;
            sumC[k] += qc;
        }
        for (int k = 0; k < bins; k += last) {
            sum0[k] += p0[k];
            sum1[k] += p1[k];
            sumC[k] += pc[k];
        }
    }

    public int fftSize() { return size; }

    public int bins() { return bins; }

    /** Segments measured so far. */
    public long segments() { return segments; }

    /** Σ w² of the window: divide a bin's power by this (and by the segment count) for mean power per bin. */
    public double windowEnergy() { return windowEnergy; }

    /** Σ over segments of |X₀[k]|² (live array; do not modify). */
    public double[] sumPower0() { return sum0; }

    /** Σ over segments of |X₁[k]|² (channel 0's for a single channel). */
    public double[] sumPower1() { return sum1; }

    /** Σ over segments of Re(X₀[k]·X₁[k]*) (channel 0's power for a single channel). */
    public double[] sumCross() { return sumC; }
}
