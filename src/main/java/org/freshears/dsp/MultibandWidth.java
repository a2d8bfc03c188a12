package org.freshears.dsp;

import java.util.Arrays;

/**
 * Frequency-dependent stereo width on a mid/side pair. The side signal is split by a tree of LR4 crossovers
 * into segments, each scaled by its own width (0 = mono, 1 = unchanged, &gt; 1 wider) and summed; the lower
 * segments get the all-passes of the higher crossovers so that the segments add up phase-coherently, and the
 * mid signal goes through the same all-pass chain. With every width at 1 the result is therefore the input
 * passed through one common all-pass on both M and S ("all-pass consistent": flat magnitude, identical phase on
 * both channels, image unchanged), not the identity; callers wanting bit-exact identity skip this kernel.
 */
public final class MultibandWidth {
    private final int crossovers;
    private final double[] widths;
    private final BiquadFilter[] low, high, accAllPass;
    private final BiquadFilter midChain;
    private final float[] rest, band, acc;
    private final int maxBlock;

    /**
     * @param crossoverHz ascending crossover frequencies (may be empty: one segment)
     * @param widths      one width per segment, {@code crossoverHz.length + 1} values
     */
    public MultibandWidth(double sampleRate, double[] crossoverHz, double[] widths, int maxBlock) {
        if (widths.length != crossoverHz.length + 1) {
            throw new IllegalArgumentException("need " + (crossoverHz.length + 1) + " widths, got " + widths.length);
        }
        for (int i = 1; i < crossoverHz.length; i++) {
            if (!(crossoverHz[i] > crossoverHz[i - 1])) throw new IllegalArgumentException("crossovers must ascend");
        }
        this.crossovers = crossoverHz.length;
        this.widths = widths.clone();
        this.maxBlock = maxBlock;
        low = new BiquadFilter[crossovers];
        high = new BiquadFilter[crossovers];
        accAllPass = new BiquadFilter[crossovers];
        for (int k = 0; k < crossovers; k++) {
            low[k] = new BiquadFilter(LinkwitzRiley.lowPass(sampleRate, crossoverHz[k]));
            high[k] = new BiquadFilter(LinkwitzRiley.highPass(sampleRate, crossoverHz[k]));
            accAllPass[k] = new BiquadFilter(LinkwitzRiley.allPass(sampleRate, crossoverHz[k]));
        }
        // one cascade for the mid path: all crossover all-passes in series
        BiquadCoefficients[] all = new BiquadCoefficients[crossovers];
        for (int k = 0; k < crossovers; k++) all[k] = LinkwitzRiley.allPass(sampleRate, crossoverHz[k]);
        this.midChain = new BiquadFilter(all);
        rest = new float[maxBlock];
        band = new float[maxBlock];
        acc = new float[maxBlock];
    }

    /** Processes {@code mid/side[off .. off+n)} in place. */
    public void process(float[] mid, float[] side, int off, int n) {
        for (int done = 0; done < n; ) {
            int m = Math.min(maxBlock, n - done);
            processChunk(mid, side, off + done, m);
            done += m;
        }
    }

    private void processChunk(float[] mid, float[] side, int off, int n) {
        midChain.process(mid, off, n);
        System.arraycopy(side, off, rest, 0, n);
        Arrays.fill(acc, 0, n, 0f);
        for (int k = 0; k < crossovers; k++) {
            if (k > 0) accAllPass[k].process(acc, 0, n);
            double w = widths[k];
            if (w != 0) {
                System.arraycopy(rest, 0, band, 0, n);
                low[k].process(band, 0, n);
                for (int i = 0; i < n; i++) acc[i] = (float) (acc[i] + w * band[i]);
            }
            high[k].process(rest, 0, n);
        }
        double w = widths[crossovers];
        for (int i = 0; i < n; i++) side[off + i] = (float) (acc[i] + w * rest[i]);
    }

    public void reset() {
        midChain.reset();
        for (int k = 0; k < crossovers; k++) {
            low[k].reset();
            high[k].reset();
            accAllPass[k].reset();
        }
    }
}
