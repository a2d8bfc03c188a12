package org.freshears.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.freshears.model.Evaluation;
import org.freshears.model.FeatureTable;
import org.freshears.model.GenreProfile;
import org.freshears.model.ReferenceModel;
import org.freshears.pipeline.Pipeline;
import org.freshears.pipeline.ReferenceLibrary;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "train", description = {"Builds a reference model from DIR/<genre>/<audio files>, or from a feature table.",
        "Writes MODEL_DIR/{features.csv, classifier.bin, profiles.json, model.json}."})
final class TrainCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--references", paramLabel = "DIR", required = true,
                description = "folder tree DIR/<genre>/<audio files> (sub-folders are albums)")
        Path references;

        @Option(names = "--features", paramLabel = "FEATURES.csv", required = true,
                description = "a features.csv written by an earlier train: rebuilds the model without audio")
        Path features;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--out", paramLabel = "MODEL_DIR", required = true, description = "where the model is written")
    Path out;

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "corpus manifest (package, path, split); default DIR/corpus-manifest.csv or "
                    + "models/corpus-manifest.csv when present")
    Path manifest;

    @Option(names = "--algorithm", defaultValue = "auto",
            description = "auto (best by grouped cross-validation), forest, boost or logistic (default: ${DEFAULT-VALUE})")
    String algorithm;

    @Option(names = "--trees", defaultValue = "200", description = "trees per ensemble (default: ${DEFAULT-VALUE})")
    int trees;

    @Option(names = "--threads", defaultValue = "2", description = "tracks measured in parallel (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--debug", description = "print stack traces")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ReferenceModel.Options options = ReferenceModel.Options.DEFAULT.withAlgorithm(algorithm(algorithm));
        options = new ReferenceModel.Options(options.algorithm(), trees, options.folds(), options.nodeSize(),
                options.seed(), options.thinBelow(), options.minTracks(), options.neighbours());
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1");
        long t0 = System.nanoTime();
        FeatureTable table;
        if (source.features != null) {
            table = FeatureTable.read(source.features);
        } else {
            Path m = manifest != null ? manifest : defaultManifest(source.references);
            List<ReferenceLibrary.Track> tracks = ReferenceLibrary.scan(source.references, m, w -> warn(err, w));
            err.printf(Locale.ROOT, "freshears: %d reference tracks in %d genres%s%n", tracks.size(),
                    ReferenceLibrary.counts(tracks).size(), m == null ? "" : " (manifest " + m + ")");
            table = ReferenceLibrary.extract(tracks, new Pipeline(), threads, err, w -> warn(err, w));
            Files.createDirectories(out);
            table.write(out.resolve("features.csv"));
        }
        double extractSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        ReferenceModel model = ReferenceModel.fit(table, options);
        double fitSeconds = (System.nanoTime() - t1) / 1e9;
        model.save(out);
        for (String w : model.warnings()) warn(err, w);
        summary(model, spec.commandLine().getOut(), extractSeconds, fitSeconds);
        return Main.OK;
    }

    private void summary(ReferenceModel model, PrintWriter o, double extractSeconds, double fitSeconds) {
        o.printf(Locale.ROOT, "model written to %s (%s, %d features)%n", out, model.algorithm(),
                model.featureNames().size());
        o.printf(Locale.ROOT, "%-16s %6s %6s%n", "genre", "train", "test");
        Map<String, Integer> test = new java.util.TreeMap<>();
        for (FeatureTable.Row r : model.table().testRows()) test.merge(r.genre(), 1, Integer::sum);
        for (var e : model.trackCounts().entrySet()) {
            GenreProfile p = model.profile(e.getKey());
            o.printf(Locale.ROOT, "%-16s %6d %6d%s%n", e.getKey(), e.getValue(), test.getOrDefault(e.getKey(), 0),
                    p.thin() ? "  (thin profile)" : "");
        }
        for (Evaluation cv : model.crossValidations().values()) {
            o.printf(Locale.ROOT, "grouped %d-fold cross-validation, %s: top-1 accuracy %.1f %% (%d tracks)%n",
                    cv.folds(), cv.algorithm(), 100 * cv.accuracy(), cv.tracks());
        }
        model.crossValidation().ifPresent(cv -> o.print(cv.confusionTable()));
        model.testEvaluation().ifPresent(t -> {
            o.printf(Locale.ROOT, "held-out test packages: top-1 accuracy %.1f %% (%d tracks)%n", 100 * t.accuracy(),
                    t.tracks());
            o.print(t.confusionTable());
        });
        o.printf(Locale.ROOT, "time: %s%.1f s fitting and cross-validation%n",
                source.features != null ? String.format(Locale.ROOT, "%.1f s reading features, ", extractSeconds)
                        : String.format(Locale.ROOT, "%.1f s measuring, ", extractSeconds), fitSeconds);
        o.flush();
    }

    static Path defaultManifest(Path references) {
        for (Path p : List.of(references.resolve("corpus-manifest.csv"), Path.of("models", "corpus-manifest.csv"))) {
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    static ReferenceModel.Algorithm algorithm(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "auto" -> ReferenceModel.Algorithm.AUTO;
            case "forest", "randomforest", "rf" -> ReferenceModel.Algorithm.RANDOM_FOREST;
            case "boost", "gradienttreeboost", "gbt" -> ReferenceModel.Algorithm.GRADIENT_BOOST;
            case "logistic", "logisticregression", "lr" -> ReferenceModel.Algorithm.LOGISTIC_REGRESSION;
            default -> throw new IllegalArgumentException("unknown --algorithm '" + name + "'; use auto, forest, boost or logistic");
        };
    }

    private static void warn(PrintWriter err, String message) {
        synchronized (err) {
            err.println("\nfreshears: warning: " + message);
            err.flush();
        }
    }
}
