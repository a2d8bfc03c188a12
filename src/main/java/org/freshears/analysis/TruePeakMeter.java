package org.freshears.analysis;

import org.freshears.dsp.TruePeakOversampler;

/**
 * True-peak and sample-peak meter, ITU-R BS.1770-4 Annex 2 / EBU Tech 3341 §2.6.
 *
 * <p>Each channel is interpolated by a {@link TruePeakOversampler} (4x below 96 kHz, 2x below
 * 192 kHz, none above); the reading is the larger of the interpolated peak and the sample peak,
 * so it never reads below the sample peak. Streaming and allocation-free after construction:
 * feed planar blocks of any size with {@link #accept}; query at any time. Non-finite samples are
 * treated as 0 and counted ({@link #nonFiniteSamples()}). Kept apart from {@link LoudnessMeter}
 * so that the two can run on different threads.
 */
public final class TruePeakMeter {
    private static final int CHUNK = 1024;

    private final int channels;
    private final TruePeakOversampler[] oversamplers;
    private final float[] samplePeak;
    private final float[] interpolatedPeak;
    private final float[] scratch = new float[CHUNK];
    private long nonFinite;

    public TruePeakMeter(int sampleRate, int channels) {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        if (channels <= 0) throw new IllegalArgumentException("channel count must be positive: " + channels);
        this.channels = channels;
        this.oversamplers = new TruePeakOversampler[channels];
        for (int c = 0; c < channels; c++) oversamplers[c] = new TruePeakOversampler(sampleRate);
        this.samplePeak = new float[channels];
        this.interpolatedPeak = new float[channels];
    }

    /** Feeds {@code block[c][0..frames)} for every channel c. */
    public void accept(float[][] block, int frames) {
        if (frames <= 0) return;
        for (int c = 0; c < channels; c++) {
            float[] in = block[c];
            TruePeakOversampler os = oversamplers[c];
            float sp = samplePeak[c];
            float ip = interpolatedPeak[c];
            for (int off = 0; off < frames; off += CHUNK) {
                int n = Math.min(CHUNK, frames - off);
                long bad = 0;
                float[] s = scratch;
                float cm = 0f;
                for (int i = 0; i < n; i++) {
                    float v = in[off + i];
                    float a = Math.abs(v);
                    if (!(a <= Float.MAX_VALUE)) {
                        v = 0f;
                        a = 0f;
                        bad++;
                    }
                    s[i] = v;
                    if (a > cm) cm = a;
                }
                nonFinite += bad;
                if (cm > sp) sp = cm;
                ip = Math.max(ip, os.process(s, 0, n, ip, cm));
            }
            samplePeak[c] = sp;
            interpolatedPeak[c] = ip;
        }
    }

    /** Maximum true peak over channels in dBTP; {@code NEGATIVE_INFINITY} for digital silence. */
    public double truePeakDbtp() {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : truePeakPerChannelDbtp()) max = Math.max(max, v);
        return max;
    }

    /** Maximum sample peak over channels in dBFS; {@code NEGATIVE_INFINITY} for digital silence. */
    public double samplePeakDbfs() {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : samplePeakPerChannelDbfs()) max = Math.max(max, v);
        return max;
    }

    public double[] truePeakPerChannelDbtp() {
        double[] out = new double[channels];
        for (int c = 0; c < channels; c++) {
            float linear = Math.max(Math.max(interpolatedPeak[c], oversamplers[c].tailPeak()), samplePeak[c]);
            out[c] = toDb(linear);
        }
        return out;
    }

    public double[] samplePeakPerChannelDbfs() {
        double[] out = new double[channels];
        for (int c = 0; c < channels; c++) out[c] = toDb(samplePeak[c]);
        return out;
    }

    /** Interpolated values (samples, at 192 kHz and above) above 0 dBTP, summed over channels. */
    public long interSampleOvers() {
        long n = 0;
        for (TruePeakOversampler os : oversamplers) n += os.overs();
        return n;
    }

    /** NaN or infinite input samples seen so far (treated as 0). */
    public long nonFiniteSamples() {
        return nonFinite;
    }

    private static double toDb(float linear) {
        return linear > 0 ? 20.0 * Math.log10(linear) : Double.NEGATIVE_INFINITY;
    }
}
