package org.freshears.analysis;

import java.util.ArrayList;
import java.util.List;
import org.freshears.dsp.BandFilter;

/**
 * Crest factor (peak over RMS, dB) per band of the mid signal (L+R)/2 of the front left and right channels (the
 * channel itself for mono): the seven named bands through 4th-order band-passes ({@link BandFilter#bandPass}), and
 * the low end below 120 Hz against the rest through a Linkwitz–Riley 4th-order crossover. The same band-pass
 * outputs, bass to air, feed the rhythm measures ({@link OnsetTracker}) with their energy per 10 ms hop: the blocks
 * are run in pieces that end on hop boundaries (the same arithmetic in the same order, so the crest factors do not
 * change).
 */
final class BandCrestAnalyzer implements BlockAnalyzer {
    private final int channels, left, right;
    private final BandFilter[] bands;
    private final BandFilter low, rest;
    /** All filters in run order (null bands left out), run two at a time. */
    private final BandFilter[] all;
    private float[] mid = new float[0];
    /** Band-passes whose energy per hop feeds the onset tracker (bass to air: the sub band is too slow for 10 ms). */
    private final BandFilter[] rhythmBands;
    private final double[] hopStart, hopEnergy;
    private final OnsetTracker onsets;
    private final int hopFrames;
    private int hopFill;

    BandCrestAnalyzer(int sampleRate, int channels, int left, int right) {
        this.channels = channels;
        this.left = left;
        this.right = right;
        bands = new BandFilter[SpectralBands.NAMES.length];
        for (int b = 0; b < bands.length; b++) {
            bands[b] = SpectralBands.LOW_HZ[b] < 0.45 * sampleRate
                    ? BandFilter.bandPass(sampleRate, SpectralBands.LOW_HZ[b], SpectralBands.HIGH_HZ[b]) : null;
        }
        low = BandFilter.lowPass(sampleRate, SpectralBands.LOW_END_HZ);
        rest = BandFilter.highPass(sampleRate, SpectralBands.LOW_END_HZ);
        List<BandFilter> run = new ArrayList<>();
        for (BandFilter f : bands) if (f != null) run.add(f);
        run.add(low);
        run.add(rest);
        all = run.toArray(new BandFilter[0]);
        List<BandFilter> rhythm = new ArrayList<>();
        for (int b = 1; b < bands.length; b++) if (bands[b] != null) rhythm.add(bands[b]);
        rhythmBands = rhythm.toArray(new BandFilter[0]);
        hopStart = new double[rhythmBands.length];
        hopEnergy = new double[rhythmBands.length];
        hopFrames = OnsetTracker.hopFrames(sampleRate);
        onsets = new OnsetTracker(rhythmBands.length, hopFrames, sampleRate);
    }

    @Override
    public void accept(float[][] block, int n) {
        float[] x;
        if (channels == 1) {
            x = block[0];
        } else {
            if (mid.length < n) mid = new float[n];
            float[] l = block[left], r = block[right];
            for (int i = 0; i < n; i++) mid[i] = 0.5f * (l[i] + r[i]);
            x = mid;
        }
        int pos = 0;
        while (pos < n) {
            int end = Math.min(n, pos + hopFrames - hopFill);
            run(x, pos, end);
            hopFill += end - pos;
            pos = end;
            if (hopFill == hopFrames) {
                for (int b = 0; b < rhythmBands.length; b++) {
                    double e = rhythmBands[b].energy();
                    hopEnergy[b] = e - hopStart[b];
                    hopStart[b] = e;
                }
                onsets.hop(hopEnergy);
                hopFill = 0;
            }
        }
    }

    private void run(float[] x, int from, int to) {
        // two at a time: with the quick compiler C1, which runs the launcher's short jobs, pairs measured 12 % faster
        // than three at a time (eighteen recursions do not fit its registers), which with C2 are about 15 % faster
        int i = 0;
        for (; i + 1 < all.length; i += 2) BandFilter.measurePair(all[i], all[i + 1], x, from, to);
        if (i < all.length) all[i].measure(x, from, to);
    }

    OnsetTracker onsets() { return onsets; }

    List<BandValue> bandCrest() {
        List<BandValue> out = new ArrayList<>();
        for (int b = 0; b < bands.length; b++) {
            out.add(new BandValue(SpectralBands.NAMES[b], bands[b] == null ? null : bands[b].crestDb()));
        }
        return out;
    }

    Double lowEndCrestDb() { return low.crestDb(); }

    Double restCrestDb() { return rest.crestDb(); }
}
