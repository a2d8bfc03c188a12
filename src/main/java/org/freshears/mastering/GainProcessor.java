package org.freshears.mastering;

/** Runs a {@link GainStage}: every sample times 10^(gainDb/20). */
final class GainProcessor implements Processor {
    private final double gain;

    GainProcessor(GainStage s) {
        gain = Math.pow(10, s.gainDb() / 20);
    }

    @Override
    public void process(float[][] buf, int frames) {
        for (float[] ch : buf) {
            for (int i = 0; i < frames; i++) ch[i] = (float) (ch[i] * gain);
        }
    }
}
