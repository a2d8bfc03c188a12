package org.freshears.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.freshears.advice.Platform;
import org.freshears.audio.UnreadableAudioException;
import org.freshears.model.FeaturePosition;
import org.freshears.pipeline.AnalysisDocument;
import org.freshears.pipeline.CompareDocument;
import org.freshears.pipeline.Comparison;
import org.freshears.pipeline.Pipeline;
import org.freshears.util.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "compare", description = {"Compares a mix with one or more reference tracks, loudness-matched:",
        "where each of the mix's features sits among the references (their 10/25/50/75/90th percentiles)."})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MIX", description = "the mix")
    Path mix;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "REF", description = "reference tracks")
    List<Path> references;

    @Option(names = "--json", description = "print a freshears.compare/1 document")
    boolean json;

    @Option(names = "--genre", description = "target genre for the mix's analysis (default: detect)")
    String genre;

    @Option(names = "--platform", description = "delivery platform for the mix's analysis (default: spotify)")
    String platform;

    @Option(names = "--model", paramLabel = "MODEL_DIR", description = "reference model folder (default: models/default)")
    Path model;

    @Option(names = "--debug", description = "print stack traces")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Pipeline pipeline = new Pipeline(model);
        pipeline.checkGenre(genre);
        var request = new Pipeline.AnalyzeRequest(genre, Platform.of(platform), references);
        CompareDocument doc;
        try {
            doc = Comparison.compare(pipeline, mix, mix.toString(), references, request, (s, f) -> {});
        } catch (UnreadableAudioException e) {
            if (json) {
                out.println(Json.write(new AnalysisDocument.Failure(CompareDocument.SCHEMA,
                        new AnalysisDocument.Failure.PathOnly((e instanceof Comparison.UnreadableInput u ? u.path() : mix).toString()),
                        e.getMessage())));
            }
            err.println("freshears: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        for (String w : doc.warnings()) err.println("freshears: warning: " + w);
        if (json) {
            out.println(Json.write(doc));
        } else {
            table(doc, out);
        }
        return Main.OK;
    }

    static void table(CompareDocument doc, PrintWriter out) {
        out.printf(Locale.ROOT, "%s against %d reference%s%s%n", doc.mix().file().path(), doc.references().size(),
                doc.references().size() == 1 ? "" : "s", doc.thin() ? " (thin: fewer than 5 references)" : "");
        var l = doc.loudness();
        if (l.differenceLu() != null) {
            out.printf(Locale.ROOT, "loudness: mix %.1f LUFS, references' median %.1f LUFS (%+.1f LU); "
                    + "everything below is level-matched%n", l.mixLufs(), l.referencesMedianLufs(), l.differenceLu());
        }
        out.printf(Locale.ROOT, "%-22s %9s %9s %9s %9s  %s%n", "feature", "mix", "ref p10", "ref p50", "ref p90", "position");
        for (FeaturePosition p : doc.features()) {
            if (p.n() == 0 && Double.isNaN(p.value())) continue;
            out.printf(Locale.ROOT, "%-22s %9s %9s %9s %9s  %s%n", p.feature(), num(p.value()), num(p.p10()),
                    num(p.p50()), num(p.p90()), position(p));
        }
    }

    static String position(FeaturePosition p) {
        if (Double.isNaN(p.outside())) return "n/a";
        // by how much, in the feature's own unit, past the nearest edge of the references' 10-90 % band; in band
        // widths too when the band has a width (one reference, or identical ones, give none: not "99 band widths")
        boolean wide = p.p90() - p.p10() > 1e-6 * Math.max(1, Math.abs(p.p50()));
        if (p.outside() > 0) return String.format(Locale.ROOT, "above the references by %.2f%s", p.value() - p.p90(),
                wide ? String.format(Locale.ROOT, " (%.2f band widths)", p.outside()) : "");
        if (p.outside() < 0) return String.format(Locale.ROOT, "below the references by %.2f%s", p.p10() - p.value(),
                wide ? String.format(Locale.ROOT, " (%.2f band widths)", -p.outside()) : "");
        return String.format(Locale.ROOT, "within (about the %.0fth percentile)", p.percentile());
    }

    static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
