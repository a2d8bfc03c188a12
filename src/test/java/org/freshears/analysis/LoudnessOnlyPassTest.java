package org.freshears.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.freshears.audio.ArrayAudioSource;
import org.junit.jupiter.api.Test;

/** The mastering loop's loudness-only pass must read exactly what the full analysis reads. */
class LoudnessOnlyPassTest {

    @Test
    void loudnessOnlyPassMatchesTheFullAnalysis() throws Exception {
        int rate = 44100;
        float[] l = new float[rate * 12], r = new float[rate * 12];
        Random rnd = new Random(3);
        for (int i = 0; i < l.length; i++) {
            double env = 0.2 + 0.8 * Math.abs(Math.sin(2 * Math.PI * i / (rate * 5.0)));
            l[i] = (float) (env * 0.3 * rnd.nextGaussian());
            r[i] = (float) (env * 0.3 * Math.sin(2 * Math.PI * 997 * i / rate));
        }
        LoudnessStats full = Analyzer.analyze(new ArrayAudioSource(rate, l, r), "x", Analyzer.Options.DEFAULT,
                ProgressListener.NONE).loudness();
        for (int lanes = 1; lanes <= 2; lanes++) {
            LoudnessStats quick = Analyzer.measureLoudness(new ArrayAudioSource(rate, l, r), new Analyzer.Options(4096, lanes));
            assertEquals(full.integratedLufs(), quick.integratedLufs());
            assertEquals(full.truePeakDbtp(), quick.truePeakDbtp());
            assertEquals(full.loudnessRangeLu(), quick.loudnessRangeLu());
            assertEquals(full.momentaryMaxLufs(), quick.momentaryMaxLufs());
        }
    }
}
