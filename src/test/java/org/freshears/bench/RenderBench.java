package org.freshears.bench;

import org.freshears.audio.ArrayAudioSource;
import org.freshears.audio.AudioSink;
import org.freshears.audio.OutputFormat;
import org.freshears.mastering.MasteringChain;
import org.freshears.mastering.RenderResult;
import org.freshears.mastering.Renderer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Not a test: times the full chain (6-band EQ, compressor, 3-band stereo + mono bass, gain, limiter) on a
 * 4-minute 44.1 kHz stereo signal, to a 24-bit WAV and to a null sink. Run with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.freshears.bench.RenderBench [runs]}.
 */
public final class RenderBench {
    static final String CHAIN = """
            {"stages": [
              {"type": "eq", "bands": [
                {"kind": "highpass", "freqHz": 25},
                {"kind": "lowShelf", "freqHz": 100, "gainDb": -2},
                {"kind": "bell", "freqHz": 350, "gainDb": -1.5, "q": 1.2},
                {"kind": "bell", "freqHz": 3000, "gainDb": 1, "q": 0.9},
                {"kind": "bell", "freqHz": 6000, "gainDb": -1, "q": 2},
                {"kind": "highShelf", "freqHz": 9000, "gainDb": 1.5}]},
              {"type": "compressor", "thresholdDb": -18, "ratio": 2, "makeupDb": 1},
              {"type": "stereo", "bands": [{"lowHz": 200, "highHz": 4000, "width": 1.1},
                                          {"lowHz": 4000, "highHz": 20000, "width": 1.2}], "monoBelowHz": 120},
              {"type": "gain", "gainDb": 6},
              {"type": "limiter", "ceilingDbtp": -1}
            ]}""";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int fs = 44100, n = 240 * fs;
        float[][] x = new float[2][n];
        SplittableRandom r = new SplittableRandom(42);
        double l1 = 0, l2 = 0;
        for (int i = 0; i < n; i++) {
            double env = 0.15 + 0.15 * (i % 22050 < 3000 ? 1 : 0);           // a beat every half second
            l1 += 0.2 * ((2 * r.nextDouble() - 1) - l1);
            l2 += 0.2 * ((2 * r.nextDouble() - 1) - l2);
            double bass = 0.2 * Math.sin(2 * Math.PI * 55 * i / fs);
            x[0][i] = (float) (env * (l1 * 2) + bass);
            x[1][i] = (float) (env * (0.6 * l1 + 0.8 * l2) * 2 + bass);
        }
        MasteringChain chain = MasteringChain.fromJson(CHAIN);
        Path out = Files.createTempFile("freshears-bench", ".wav");
        AudioSink nul = new AudioSink() {
            public void write(float[][] src, int offset, int frames) { }
            public void close() { }
        };
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int run = 0; run < runs; run++) {
            long t0 = System.nanoTime(), c0 = cpu.getCurrentThreadCpuTime();
            RenderResult res = Renderer.render(new ArrayAudioSource(fs, x[0], x[1]), chain, out, OutputFormat.PCM24, 4096);
            long t1 = System.nanoTime(), c1 = cpu.getCurrentThreadCpuTime();
            Renderer.render(new ArrayAudioSource(fs, x[0], x[1]), chain, nul, 4096);
            long t2 = System.nanoTime(), c2 = cpu.getCurrentThreadCpuTime();
            System.out.printf("run %d: to 24-bit WAV %.3f s wall / %.3f s CPU, DSP only %.3f s wall / %.3f s CPU (limiter max GR %.1f dB, %d frames)%n",
                    run + 1, (t1 - t0) / 1e9, (c1 - c0) / 1e9, (t2 - t1) / 1e9, (c2 - c1) / 1e9, res.limiterMaxReductionDb(), res.frames());
        }
        if (args.length > 1) {                                   // per stage, DSP only, CPU time
            for (var stage : chain.stages()) {
                MasteringChain one = new MasteringChain(java.util.List.of(stage));
                long c0 = cpu.getCurrentThreadCpuTime();
                Renderer.render(new ArrayAudioSource(fs, x[0], x[1]), one, nul, 4096);
                System.out.printf("  %-10s %.3f s CPU%n", stage.typeName(), (cpu.getCurrentThreadCpuTime() - c0) / 1e9);
            }
        }
        Files.deleteIfExists(out);
    }
}
