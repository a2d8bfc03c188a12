package org.freshears.mastering;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link MasteringChain} prepared for one stream: the chain's effective stages (amount applied) turned into
 * {@link Processor}s for a sample rate, channel count and maximum block. Stages that cannot change anything
 * (0 dB EQ, ratio 1 without makeup, width 1 everywhere, 0 dB gain) are left out, so they are exact identities.
 */
public final class ChainProcessor implements Processor {
    private final List<Processor> processors = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final LimiterProcessor limiter;
    private final int latency, maxBlock;

    public ChainProcessor(MasteringChain chain, double sampleRate, int channels, int maxBlock) {
        if (maxBlock < 1) throw new IllegalArgumentException("block size must be >= 1: " + maxBlock);
        this.maxBlock = maxBlock;
        LimiterProcessor lim = null;
        int lat = 0;
        for (Stage stage : chain.effectiveStages()) {
            Processor p = switch (stage) {
                case EqStage eq -> {
                    EqProcessor e = new EqProcessor(eq, sampleRate, channels, notes);
                    yield e.isIdentity() ? null : e;
                }
                case CompressorStage c -> CompressorProcessor.isIdentity(c) ? null : new CompressorProcessor(c, sampleRate, channels);
                case StereoStage s -> {
                    if (s.changesNothing()) yield null;
                    StereoProcessor sp = new StereoProcessor(s, sampleRate, channels, maxBlock, notes);
                    yield sp.isIdentity() ? null : sp;
                }
                case GainStage g -> g.gainDb() == 0 ? null : new GainProcessor(g);
                case LimiterStage l -> lim = new LimiterProcessor(l, sampleRate, channels);
            };
            if (p != null) {
                processors.add(p);
                lat += p.latency();
            }
        }
        this.limiter = lim;
        this.latency = lat;
    }

    @Override
    public void process(float[][] buf, int frames) {
        if (frames > maxBlock) throw new IllegalArgumentException("block of " + frames + " frames exceeds the prepared " + maxBlock);
        for (Processor p : processors) p.process(buf, frames);
    }

    /** Total delay of the chain in samples (the limiter's look-ahead). */
    @Override
    public int latency() {
        return latency;
    }

    /** Things the chain did differently from what it says, e.g. stereo stages on mono input. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Deepest limiter gain reduction so far in dB (≥ 0), or 0 without a limiter. */
    public double limiterMaxReductionDb() {
        return limiter == null ? 0 : limiter.maxReductionDb();
    }
}
