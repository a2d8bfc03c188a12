package org.freshears.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.freshears.advice.Platform;
import org.freshears.analysis.Analyzer;
import org.freshears.analysis.Finding;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.ProgressListener;
import org.freshears.audio.AudioDecoder;
import org.freshears.audio.AudioSource;
import org.freshears.audio.UnreadableAudioException;

/** The one pipeline that the CLI, the web app and the tests share: decode → measure → compare → advise. */
public final class Pipeline {

    /** What the user asked for. {@code genre} null means "detect". */
    public record AnalyzeRequest(String genre, Platform platform, List<Path> references) {
        public AnalyzeRequest {
            platform = platform == null ? Platform.DEFAULT : platform;
            references = references == null ? List.of() : List.copyOf(references);
        }

        public static AnalyzeRequest defaults() {
            return new AnalyzeRequest(null, Platform.DEFAULT, List.of());
        }
    }

    public Pipeline() {}

    /** Decodes and measures one file. */
    public MixFeatures measure(Path file, String displayPath, ProgressListener progress)
            throws UnreadableAudioException, IOException {
        progress.progress("decode", 0);
        try (AudioSource source = AudioDecoder.open(file)) {
            return Analyzer.analyze(source, displayPath, Analyzer.Options.DEFAULT, progress);
        }
    }

    public AnalysisDocument analyze(Path file, String displayPath, AnalyzeRequest request, ProgressListener progress)
            throws UnreadableAudioException, IOException {
        MixFeatures features = measure(file, displayPath, progress);
        List<Finding> findings = new ArrayList<>(features.findings());
        findings.sort(Comparator.comparingInt(Finding::rank));
        return AnalysisDocument.of(features, null, findings, null);
    }

    // ---- master (closed loop); the work is in MasterJob ------------------------------------------------------

    /** What {@code master} was asked for; null fields mean "suggest" / "default". */
    public record MasterRequest(Path input, Path output, String genre, List<Path> references,
                                Platform platform, org.freshears.mastering.MasteringChain chain, Double amountPercent,
                                org.freshears.audio.OutputFormat format) {
        public MasterRequest {
            references = references == null ? List.of() : List.copyOf(references);
            format = format == null ? org.freshears.audio.OutputFormat.PCM24 : format;
        }
    }

    /** Suggests (or takes) a chain, renders it, re-measures the render and checks it against its targets. */
    public MasterResult master(MasterRequest request, ProgressListener progress)
            throws UnreadableAudioException, IOException {
        return MasterJob.run(this, request, progress);
    }
}
