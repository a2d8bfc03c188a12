package org.freshears.mastering;

import org.freshears.dsp.LookaheadLimiter;

/** Runs a {@link LimiterStage}, all channels linked. Delays the output by {@link #latency()}. */
final class LimiterProcessor implements Processor {
    private final LookaheadLimiter limiter;

    LimiterProcessor(LimiterStage s, double sampleRate, int channels) {
        limiter = new LookaheadLimiter(sampleRate, channels, s.ceilingDbtp(), s.lookaheadMs(), s.releaseMs());
    }

    @Override
    public void process(float[][] buf, int frames) {
        limiter.process(buf, 0, frames);
    }

    @Override
    public int latency() {
        return limiter.latency();
    }

    double maxReductionDb() {
        return -limiter.minGainDb();
    }
}
