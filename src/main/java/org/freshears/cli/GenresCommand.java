package org.freshears.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.freshears.model.GenreProfile;
import org.freshears.model.ModelException;
import org.freshears.model.ReferenceModel;
import org.freshears.pipeline.Pipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "genres", description = "Lists the genres of the loaded reference model, with their track counts.")
final class GenresCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "MODEL_DIR", description = "model folder (default: models/default)")
    Path model;

    @Option(names = "--debug", description = "print stack traces")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = model == null ? Pipeline.defaultModelDir() : model;
        ReferenceModel m = new Pipeline(dir).model()
                .orElseThrow(() -> new ModelException("no reference model in " + dir));
        out.printf(Locale.ROOT, "%-16s %6s%n", "genre", "tracks");
        for (var e : m.trackCounts().entrySet()) {
            GenreProfile p = m.profile(e.getKey());
            out.printf(Locale.ROOT, "%-16s %6d%s%n", e.getKey(), e.getValue(), p.thin() ? "  (thin profile)" : "");
        }
        m.crossValidation().ifPresent(cv -> out.printf(Locale.ROOT,
                "model: %s, grouped %d-fold cross-validation top-1 accuracy %.1f %%%n", cv.algorithm(), cv.folds(),
                100 * cv.accuracy()));
        return Main.OK;
    }
}
