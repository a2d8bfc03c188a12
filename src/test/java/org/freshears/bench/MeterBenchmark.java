package org.freshears.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import org.freshears.analysis.LoudnessMeter;
import org.freshears.analysis.TruePeakMeter;

/**
 * Micro-benchmark (not a test): ns per sample (per channel) for {@link LoudnessMeter} and
 * {@link TruePeakMeter} on 60 s of stereo noise at 44.1 kHz, 4096-frame blocks, after warm-up.
 * Reports this thread's CPU time per sample (robust on a shared, loaded machine) and wall time.
 * Run: {@code java -cp target/classes:target/test-classes org.freshears.bench.MeterBenchmark [rate]}
 */
public final class MeterBenchmark {
    public static void main(String[] args) {
        int fs = args.length > 0 ? Integer.parseInt(args[0]) : 44100;
        int seconds = 60, channels = 2, block = 4096;
        int frames = fs * seconds;
        float[][] audio = new float[channels][frames];
        SplittableRandom rnd = new SplittableRandom(1);
        for (float[] ch : audio) for (int i = 0; i < frames; i++) ch[i] = (float) (0.3 * (rnd.nextDouble() * 2 - 1));
        float[][] buf = new float[channels][block];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 8; round++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            LoudnessMeter lm = new LoudnessMeter(fs, channels);
            feed(audio, buf, (b, n) -> lm.accept(b, n));
            double integrated = lm.result().integratedLufs();
            long t1 = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            TruePeakMeter tp = new TruePeakMeter(fs, channels);
            feed(audio, buf, (b, n) -> tp.accept(b, n));
            double peak = tp.truePeakDbtp();
            long t2 = System.nanoTime();
            long c2 = mx.getCurrentThreadCpuTime();
            double samples = (double) frames * channels;
            System.out.printf("round %d: LoudnessMeter %.2f ns/sample cpu (%.2f wall), TruePeakMeter %.2f ns/sample cpu (%.2f wall)"
                    + " (I %.2f LUFS, TP %.2f dBTP)%n", round, (c1 - c0) / samples, (t1 - t0) / samples,
                    (c2 - c1) / samples, (t2 - t1) / samples, integrated, peak);
        }
    }

    interface Sink {
        void accept(float[][] b, int n);
    }

    private static void feed(float[][] audio, float[][] buf, Sink sink) {
        int frames = audio[0].length, block = buf[0].length;
        for (int pos = 0; pos < frames; pos += block) {
            int n = Math.min(block, frames - pos);
            for (int c = 0; c < audio.length; c++) System.arraycopy(audio[c], pos, buf[c], 0, n);
            sink.accept(buf, n);
        }
    }
}
