package org.freshears.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.freshears.advice.Platform;
import org.freshears.audio.OutputFormat;
import org.freshears.audio.UnreadableAudioException;
import org.freshears.mastering.MasteringChain;
import org.freshears.pipeline.MasterResult;
import org.freshears.pipeline.Pipeline;
import org.freshears.util.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "master", description = "Suggests (or takes) a mastering chain, renders it, re-analyses the render "
        + "and reports whether it meets its targets.")
final class MasterCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the mix")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "OUT.wav", description = "the rendered master (WAV)")
    Path outFile;

    @Option(names = "--genre", description = "target genre")
    String genre;

    @Option(names = "--reference", arity = "1..*", paramLabel = "REF", description = "reference tracks to match")
    List<Path> references;

    @Option(names = "--platform", description = "delivery platform (default: spotify, or the references' loudness)")
    String platform;

    @Option(names = "--chain", paramLabel = "CHAIN.json", description = "render this chain instead of the suggestion")
    Path chainFile;

    @Option(names = "--amount", paramLabel = "N", description = "0–100 %%: scales every corrective move (default 100)")
    Double amount;

    @Option(names = "--format", paramLabel = "pcm24|pcm16|float32", description = "output sample format (default pcm24)")
    String format;

    @Option(names = "--json", description = "print the freshears.master/1 result")
    boolean json;

    @Option(names = "--debug", description = "print stack traces")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (genre != null && references != null && !references.isEmpty()) {
            throw new IllegalArgumentException("give either --genre or --reference, not both");
        }
        if (amount != null && !(amount >= 0 && amount <= 100)) {
            throw new IllegalArgumentException("--amount must be between 0 and 100, got " + amount);
        }
        OutputFormat fmt = format == null ? OutputFormat.PCM24 : switch (format.toLowerCase(Locale.ROOT)) {
            case "pcm24" -> OutputFormat.PCM24;
            case "pcm16" -> OutputFormat.PCM16;
            case "float32" -> OutputFormat.FLOAT32;
            default -> throw new IllegalArgumentException("--format must be pcm24, pcm16 or float32, got " + format);
        };
        MasteringChain chain = null;
        if (chainFile != null) {
            if (!Files.isRegularFile(chainFile)) throw new IllegalArgumentException(chainFile + ": chain file not found");
            try {
                chain = MasteringChain.fromJson(chainFile);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(chainFile + ": invalid chain: " + e.getMessage(), e);
            }
        }
        Platform p = platform == null ? null : Platform.of(platform);
        Pipeline.MasterRequest req = new Pipeline.MasterRequest(file, outFile, genre, references, p, chain, amount, fmt);
        MasterResult r;
        try {
            r = new Pipeline().master(req, (s, f) -> {});
        } catch (UnreadableAudioException e) {
            err.println("freshears: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        if (json) {
            out.println(Json.write(r));
        } else {
            MasterTable.print(r, out);
        }
        out.flush();
        return Main.OK;
    }
}
