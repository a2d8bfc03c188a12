package org.freshears.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.freshears.advice.Platform;
import org.freshears.audio.UnreadableAudioException;
import org.freshears.pipeline.AnalysisDocument;
import org.freshears.pipeline.Pipeline;
import org.freshears.report.HtmlReport;
import org.freshears.util.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "analyze", description = "Analyses each file: loudness, dynamics, tonal balance, stereo image, advice.")
final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "audio files (WAV, AIFF, FLAC, MP3, Ogg Vorbis)")
    List<Path> files;

    @Option(names = "--genre", description = "target genre (default: detect)")
    String genre;

    @Option(names = "--platform", description = "delivery platform (default: spotify); see `freshears platforms`")
    String platform;

    @Option(names = "--reference", paramLabel = "REF",
            description = "a reference track to compare with instead of the genre profile (repeatable)")
    List<Path> references;

    @Option(names = "--model", paramLabel = "MODEL_DIR", description = "reference model folder (default: models/default)")
    Path model;

    @Option(names = "--json", description = "print one analysis document per file (JSON Lines)")
    boolean json;

    @Option(names = "--html", paramLabel = "OUT.html",
            description = "also write the report as one self-contained HTML file (with several files: OUT-2.html, ...)")
    Path html;

    @Option(names = "--debug", description = "print stack traces")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        org.freshears.util.Timing.step("command line parsed", System.nanoTime());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Pipeline.AnalyzeRequest request = new Pipeline.AnalyzeRequest(genre, Platform.of(platform), references);
        Pipeline pipeline = new Pipeline(model);
        if (genre != null || model != null) pipeline.checkGenre(genre); // a clear error before any work
        else pipeline.preloadModel();
        int status = Main.OK;
        int index = 0;
        for (Path file : files) {
            index++;
            String shown = file.toString();
            try {
                long t0 = System.nanoTime();
                AnalysisDocument doc = pipeline.analyze(file, shown, request, (s, f) -> {});
                if (System.getenv("FRESHEARS_TIMING") != null && doc.file().durationSeconds() != null) {
                    double ms = (System.nanoTime() - t0) / 1e6;
                    double minutes = doc.file().durationSeconds() / 60.0;
                    err.printf(java.util.Locale.ROOT, "freshears: timing: %s: %.1f s of audio in %.0f ms in-process (%.0f ms per minute of audio)%n",
                            shown, doc.file().durationSeconds(), ms, minutes > 0 ? ms / minutes : 0.0);
                    err.printf(java.util.Locale.ROOT, "freshears: timing: reference model loaded in %.0f ms, genre assessed in %.1f ms%n",
                            pipeline.modelLoadMillis(), pipeline.assessMillis());
                }
                long tw = System.nanoTime();
                if (json) {
                    out.println(Json.write(doc));
                } else {
                    Summary.print(doc, request.platform(), out);
                }
                if (html != null) HtmlReport.write(doc, request.platform(), htmlPath(index));
                org.freshears.util.Timing.step("output", tw);
                org.freshears.util.Timing.threads();
                for (String w : doc.warnings()) err.println("freshears: warning: " + shown + ": " + w);
            } catch (UnreadableAudioException e) {
                status = Main.BAD_INPUT;
                if (json) out.println(Json.write(AnalysisDocument.Failure.of(shown, e.getMessage())));
                err.println("freshears: " + e.getMessage());
            }
            out.flush();
        }
        return status;
    }

    /** {@code --html} for the n-th file: OUT.html for the first, OUT-2.html, OUT-3.html ... after it. */
    private Path htmlPath(int n) {
        if (n == 1) return html;
        String name = html.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
        return html.resolveSibling(numbered);
    }
}
