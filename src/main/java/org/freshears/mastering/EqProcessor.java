package org.freshears.mastering;

import org.freshears.dsp.BiquadCoefficients;
import org.freshears.dsp.BiquadDesign;
import org.freshears.dsp.BiquadFilter;
import org.freshears.dsp.MidSide;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs an {@link EqStage}: {@code stereo} bands on every channel, {@code mid}/{@code side} bands on the mid/side
 * pair of channels 0 and 1 (all these filters are linear and time-invariant, so their order does not matter).
 * Bell and shelf bands at 0 dB are skipped, so a 0 dB EQ is the exact identity. Mono input: mid bands apply to
 * the one channel, side bands are skipped. More than two channels: mid/side bands act on the first two (front
 * left/right in WAVE order). Frequencies above 0.45 × the sample rate are lowered to it.
 */
final class EqProcessor implements Processor {
    private final BiquadFilter[] perChannel;
    private final BiquadFilter mid, side;

    EqProcessor(EqStage stage, double sampleRate, int channels, List<String> notes) {
        List<BiquadCoefficients> all = new ArrayList<>(), m = new ArrayList<>(), s = new ArrayList<>();
        boolean skippedSide = false;
        for (EqBand b : stage.bands()) {
            if (b.kind() != EqBand.Kind.HIGHPASS && b.gainDb() == 0) continue;
            double f = b.freqHz();
            if (f > 0.45 * sampleRate) {
                notes.add("eq: " + Checks.fmt(f) + " Hz is too close to Nyquist at " + Checks.fmt(sampleRate) + " Hz; used "
                        + Checks.fmt(Math.round(0.45 * sampleRate)) + " Hz");
                f = 0.45 * sampleRate;
            }
            BiquadCoefficients c = switch (b.kind()) {
                case HIGHPASS -> BiquadDesign.highPass(sampleRate, f, b.q());
                case LOW_SHELF -> BiquadDesign.lowShelf(sampleRate, f, b.gainDb(), b.q());
                case HIGH_SHELF -> BiquadDesign.highShelf(sampleRate, f, b.gainDb(), b.q());
                case BELL -> BiquadDesign.bell(sampleRate, f, b.gainDb(), b.q());
            };
            switch (b.channel()) {
                case STEREO -> all.add(c);
                case MID -> (channels == 1 ? all : m).add(c);
                case SIDE -> {
                    if (channels == 1) skippedSide = true;
                    else s.add(c);
                }
            }
        }
        if (skippedSide) notes.add("eq: side bands skipped on a mono input");
        if (channels > 2 && (!m.isEmpty() || !s.isEmpty())) {
            notes.add("eq: mid/side bands applied to channels 1 and 2 only (" + channels + "-channel input)");
        }
        perChannel = new BiquadFilter[all.isEmpty() ? 0 : channels];
        for (int c = 0; c < perChannel.length; c++) perChannel[c] = new BiquadFilter(all);
        mid = m.isEmpty() ? null : new BiquadFilter(m);
        side = s.isEmpty() ? null : new BiquadFilter(s);
    }

    boolean isIdentity() {
        return perChannel.length == 0 && mid == null && side == null;
    }

    @Override
    public void process(float[][] buf, int frames) {
        int c = 0;
        if (perChannel.length >= 2) { // the front pair in one loop (same result, about twice the throughput)
            BiquadFilter.processStereo(perChannel[0], perChannel[1], buf[0], buf[1], 0, frames);
            c = 2;
        }
        for (; c < perChannel.length; c++) perChannel[c].process(buf[c], 0, frames);
        if (mid == null && side == null) return;
        MidSide.encode(buf[0], buf[1], 0, frames);
        if (mid != null) mid.process(buf[0], 0, frames);
        if (side != null) side.process(buf[1], 0, frames);
        MidSide.decode(buf[0], buf[1], 0, frames);
    }
}
