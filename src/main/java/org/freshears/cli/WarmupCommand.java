package org.freshears.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Callable;
import org.freshears.audio.OutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.pipeline.Pipeline;
import picocli.CommandLine.Command;

/**
 * A training run for the JDK's ahead-of-time cache (JEP 483/514): the launcher runs it once after each build
 * with {@code -XX:AOTCacheOutput}, so that later runs start with Fresh Ears' classes already loaded and
 * linked. It analyses a few seconds of synthetic music written to a temporary file, then deletes it.
 */
@Command(name = "warmup", hidden = true, description = "Exercises the pipeline once (used to build the start-up cache).")
final class WarmupCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("freshears-warmup");
        Path wav = dir.resolve("warmup.wav");
        try {
            int rate = 44100;
            int frames = rate * 6;
            float[][] x = new float[2][frames];
            Random rnd = new Random(7);
            for (int i = 0; i < frames; i++) {
                double t = i / (double) rate;
                double kick = Math.sin(2 * Math.PI * 55 * t) * Math.exp(-8 * (t % 0.5));
                double noise = rnd.nextGaussian() * 0.05;
                x[0][i] = (float) (0.4 * kick + noise + 0.1 * Math.sin(2 * Math.PI * 440 * t));
                x[1][i] = (float) (0.4 * kick + rnd.nextGaussian() * 0.05 + 0.1 * Math.sin(2 * Math.PI * 660 * t));
            }
            try (WavWriter w = new WavWriter(wav, rate, 2, OutputFormat.PCM24)) {
                w.write(x, 0, frames);
            }
            new Pipeline().analyze(wav, "warmup.wav", Pipeline.AnalyzeRequest.defaults(), (s, f) -> {});
            return Main.OK;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
    }
}
