package org.freshears.mastering;

import org.freshears.dsp.Compressor;

/** Runs a {@link CompressorStage} on all channels (linked: one shared gain). */
final class CompressorProcessor implements Processor {
    private final Compressor compressor;

    CompressorProcessor(CompressorStage s, double sampleRate, int channels) {
        compressor = new Compressor(sampleRate, channels, s.thresholdDb(), s.ratio(), s.attackMs(), s.releaseMs(),
                s.kneeDb(), s.makeupDb(), s.detector() == CompressorStage.Detector.RMS, s.stereoLink());
    }

    static boolean isIdentity(CompressorStage s) {
        return s.ratio() == 1 && s.makeupDb() == 0;
    }

    @Override
    public void process(float[][] buf, int frames) {
        compressor.process(buf, 0, frames);
    }
}
