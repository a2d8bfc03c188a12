package org.freshears.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.freshears.advice.Platform;
import org.freshears.analysis.ProgressListener;
import org.freshears.audio.OutputFormat;
import org.freshears.audio.UnreadableAudioException;
import org.freshears.audio.WavWriter;

/**
 * Runs the pipeline once on six seconds of synthetic music in a temporary folder (deleted afterwards): analyse,
 * and optionally master. Used to build the JDK's start-up cache, and by the web app right after it starts, so
 * that the first real upload does not pay for loading the model and compiling the hot loops.
 */
public final class Warmup {
    private Warmup() {}

    public static AnalysisDocument exercise(Pipeline pipeline, boolean master) throws IOException, UnreadableAudioException {
        return exercise(pipeline, () -> master);
    }

    /**
     * As above; {@code masterToo} is asked after the analysis, so that a caller can skip the mastering run once real
     * work has arrived (the web app: a real upload then warms the same code and should not share the CPU with it).
     */
    public static AnalysisDocument exercise(Pipeline pipeline, java.util.function.BooleanSupplier masterToo)
            throws IOException, UnreadableAudioException {
        return withTrack(wav -> {
            AnalysisDocument doc = pipeline.analyze(wav, "warmup.wav", Pipeline.AnalyzeRequest.defaults(), ProgressListener.NONE);
            if (masterToo.getAsBoolean()) {
                pipeline.master(new Pipeline.MasterRequest(wav, wav.resolveSibling("warmup-master.wav"), null, List.of(),
                        Platform.DEFAULT, null, null, OutputFormat.PCM24), ProgressListener.NONE);
            }
            return doc;
        });
    }

    /** Work on a track of synthetic music. */
    @FunctionalInterface
    public interface TrackWork<T> {
        T run(Path wav) throws IOException, UnreadableAudioException;
    }

    /**
     * Writes six seconds of synthetic music (a kick, two tones and noise; {@code FRESHEARS_WARMUP_SECONDS} changes the
     * length) to {@code warmup.wav} in a new temporary folder, runs {@code work} on it, and deletes the folder and
     * whatever the work left in it.
     */
    public static <T> T withTrack(TrackWork<T> work) throws IOException, UnreadableAudioException {
        Path dir = Files.createTempDirectory("freshears-warmup");
        Path wav = dir.resolve("warmup.wav");
        try {
            int rate = 44100;
            int frames = rate * Integer.parseInt(System.getenv().getOrDefault("FRESHEARS_WARMUP_SECONDS", "6"));
            float[][] x = new float[2][frames];
            Random rnd = new Random(7);
            for (int i = 0; i < frames; i++) {
                double t = i / (double) rate;
                double kick = Math.sin(2 * Math.PI * 55 * t) * Math.exp(-8 * (t % 0.5));
                x[0][i] = (float) (0.4 * kick + rnd.nextGaussian() * 0.05 + 0.1 * Math.sin(2 * Math.PI * 440 * t));
                x[1][i] = (float) (0.4 * kick + rnd.nextGaussian() * 0.05 + 0.1 * Math.sin(2 * Math.PI * 660 * t));
            }
            try (WavWriter w = new WavWriter(wav, rate, 2, OutputFormat.PCM24)) {
                w.write(x, 0, frames);
            }
            return work.run(wav);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
    }
}
