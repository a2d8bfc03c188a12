package org.freshears.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.freshears.advice.Advisor;
import org.freshears.advice.BuiltInFallbackProfile;
import org.freshears.advice.ChainAdvisor;
import org.freshears.advice.DeliveryTarget;
import org.freshears.advice.Platform;
import org.freshears.advice.TargetProfile;
import org.freshears.analysis.Analyzer;
import org.freshears.analysis.Finding;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.ProgressListener;
import org.freshears.audio.AudioDecoder;
import org.freshears.audio.AudioSource;
import org.freshears.audio.UnreadableAudioException;
import org.freshears.mastering.MasteringChain;
import org.freshears.model.FeatureVector;
import org.freshears.model.GenreAssessment;
import org.freshears.model.ReferenceModel;
import org.freshears.util.Timing;

/** The one pipeline that the CLI, the web app and the tests share: decode → measure → compare → advise. */
public final class Pipeline {

    /** What the user asked for. {@code genre} null means "detect". */
    public record AnalyzeRequest(String genre, Platform platform, List<Path> references, List<String> referenceNames) {
        public AnalyzeRequest {
            platform = platform == null ? Platform.DEFAULT : platform;
            references = references == null ? List.of() : List.copyOf(references);
            if (referenceNames == null || referenceNames.size() != references.size()) {
                referenceNames = references.stream().map(p -> p.getFileName().toString()).toList();
            }
            referenceNames = List.copyOf(referenceNames);
        }

        /** References named by their file names. */
        public AnalyzeRequest(String genre, Platform platform, List<Path> references) {
            this(genre, platform, references, null);
        }

        public static AnalyzeRequest defaults() {
            return new AnalyzeRequest(null, Platform.DEFAULT, List.of());
        }
    }

    private final Path modelDir;
    private final boolean modelRequired;
    private ReferenceModel model;
    private boolean modelLoaded;
    private double modelLoadMillis;
    private volatile double assessMillis;

    /** A pipeline using the default reference model ({@link #defaultModelDir()}) when there is one. */
    public Pipeline() {
        this(null);
    }

    /** A pipeline using the model in {@code modelDir} (which must exist), or the default one when null. */
    public Pipeline(Path modelDir) {
        this.modelDir = modelDir == null ? defaultModelDir() : modelDir;
        this.modelRequired = modelDir != null;
    }

    /** {@code $freshears.home/models/default} (the launcher sets {@code freshears.home}), else {@code ./models/default}. */
    public static Path defaultModelDir() {
        String home = System.getProperty("freshears.home");
        return (home == null || home.isBlank() ? Path.of(".") : Path.of(home)).resolve("models").resolve("default");
    }

    /**
     * The reference model, loaded once on first use; empty when the default model folder does not exist. An
     * explicitly given folder that cannot be loaded is a {@link org.freshears.model.ModelException}.
     */
    public synchronized Optional<ReferenceModel> model() throws IOException {
        if (!modelLoaded) {
            if (modelRequired || Files.isRegularFile(modelDir.resolve("model.json"))) {
                long t0 = System.nanoTime();
                model = ReferenceModel.load(modelDir);
                modelLoadMillis = (System.nanoTime() - t0) / 1e6;
                Timing.step("model load", t0);
                Timing.threadCpu("model load (thread)");
            }
            modelLoaded = true;
        }
        return Optional.ofNullable(model);
    }

    /**
     * Starts loading the model on a background thread, so that it overlaps decoding and measuring; a failure is
     * left for the next {@link #model()} call to report.
     */
    public void preloadModel() {
        Thread.ofPlatform().daemon().name("model-preload").start(() -> {
            try {
                model();
            } catch (IOException | RuntimeException e) {
                // model() throws it again where the caller can report it
            }
        });
    }

    /** How long the last genre assessment (features → probabilities, neighbours, positions) took, in ms. */
    public double assessMillis() {
        return assessMillis;
    }

    /** How long loading the model took, in ms (0 before it is loaded or without a model). */
    public synchronized double modelLoadMillis() {
        return modelLoadMillis;
    }

    /**
     * Loads the model now (a clear error when an explicitly given one cannot be loaded) and checks a user's genre
     * against its genres (a clear error naming them); a null genre passes.
     */
    public void checkGenre(String genre) throws IOException {
        Optional<ReferenceModel> m = model();
        if (genre != null && !genre.isBlank()) m.ifPresent(x -> x.resolveGenre(genre));
    }

    /** The genre block: the model's assessment, or just the user's genre without a model, or null. */
    public GenreAssessment assessGenre(MixFeatures features, String userGenre) throws IOException {
        Optional<ReferenceModel> m = model();
        boolean audible = features.loudness() != null && features.loudness().integratedLufs() != null;
        if (m.isPresent() && !audible) {
            // silence, or less than one 400 ms loudness block: no genre can be heard in it, and the classifier
            // would still name one (with nearest references at no measurable distance)
            return userGenre == null || userGenre.isBlank()
                    ? new GenreAssessment(null, List.of(), List.of(), List.of(), null, false, null)
                    : new GenreAssessment(m.get().resolveGenre(userGenre), List.of());
        }
        if (m.isPresent()) {
            long t0 = System.nanoTime();
            GenreAssessment a = m.get().assess(FeatureVector.of(features), userGenre);
            assessMillis = (System.nanoTime() - t0) / 1e6;
            return a;
        }
        return userGenre == null || userGenre.isBlank() ? null : new GenreAssessment(userGenre, List.of());
    }

    /** Decodes and measures one file. */
    public MixFeatures measure(Path file, String displayPath, ProgressListener progress)
            throws UnreadableAudioException, IOException {
        progress.progress("decode", 0);
        try (AudioSource source = AudioDecoder.open(file)) {
            return requireAudio(Analyzer.analyze(source, displayPath, Analyzer.Options.DEFAULT, progress));
        }
    }

    /**
     * A file whose header reads fine but that holds no sample frames (a WAV with an empty data chunk, an AIFF
     * without sound data) has nothing to measure: it is unreadable input, like an empty file, not a silent track.
     */
    static MixFeatures requireAudio(MixFeatures f) throws UnreadableAudioException {
        if (f.file().frames() > 0) return f;
        throw new UnreadableAudioException(f.file().path() + ": the file holds no audio samples"
                + (f.warnings().isEmpty() ? "" : " (" + String.join("; ", f.warnings()) + ")"));
    }

    /**
     * Analyses one file: measure, assess the genre, compare with the target (the user's references, else the
     * target genre's profile, else the built-in fallback) and the delivery platform, and suggest a chain.
     */
    public AnalysisDocument analyze(Path file, String displayPath, AnalyzeRequest request, ProgressListener progress)
            throws UnreadableAudioException, IOException {
        return analyze(p -> measure(file, displayPath, p), request, progress);
    }

    /** How the mix is measured: normally {@link #measure}; the web app may have measured it as it arrived. */
    @FunctionalInterface
    public interface Measurement {
        MixFeatures measure(ProgressListener progress) throws UnreadableAudioException, IOException;
    }

    /** As {@link #analyze(Path, String, AnalyzeRequest, ProgressListener)}, with the mix measured by {@code measurement}. */
    public AnalysisDocument analyze(Measurement measurement, AnalyzeRequest request, ProgressListener progress)
            throws UnreadableAudioException, IOException {
        return analyze(measurement, request, null, progress);
    }

    /**
     * As {@link #analyze(Measurement, AnalyzeRequest, ProgressListener)} with the request's references already
     * measured ({@code references}, in the request's order), or measured here when that is null.
     */
    AnalysisDocument analyze(Measurement measurement, AnalyzeRequest request, List<MixFeatures> references,
                             ProgressListener progress) throws UnreadableAudioException, IOException {
        long t0 = System.nanoTime();
        MixFeatures features = requireAudio(measurement.measure(progress));
        Timing.step("measure", t0);
        progress.progress("compare", 0);
        t0 = System.nanoTime();
        GenreAssessment genre = assessGenre(features, request.genre());
        Timing.step("genre (waits for the model)", t0);
        t0 = System.nanoTime();
        List<MixFeatures> refs = references != null ? references : measureReferences(request.references(), progress);
        List<AnalysisDocument.ReferenceCurve> curves = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) curves.add(AnalysisDocument.ReferenceCurve.of(request.referenceNames().get(i), refs.get(i)));
        TargetProfile profile = targetProfile(genre, refs);
        if (refs.isEmpty() && genre != null && genre.thin() && genre.target() != null) {
            int tracks = model().map(m -> m.profile(genre.target()).tracks()).orElse(0);
            features = features.withWarning("the " + genre.target() + " profile rests on only " + tracks + " track"
                    + (tracks == 1 ? "" : "s") + ": the tonal, dynamics and stereo comparisons are a sketch (5 or more "
                    + "give a solid profile)");
        }
        DeliveryTarget target = DeliveryTarget.of(request.platform());
        List<Finding> findings = Advisor.advise(features, profile, target);
        MasteringChain chain = ChainAdvisor.suggest(features, profile, target, findings, 100);
        findings = ChainAdvisor.link(findings, chain);
        Timing.step("advice and chain", t0);
        progress.progress("compare", 1);
        return AnalysisDocument.of(features, genre, findings, new MasterResult.Chain(chain.stagesJson(), chain.amount()),
                curves);
    }

    /** Measures the user's reference tracks (progress reported under "compare"). */
    public List<MixFeatures> measureReferences(List<Path> references, ProgressListener progress)
            throws UnreadableAudioException, IOException {
        List<MixFeatures> refs = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            Path ref = references.get(i);
            try {
                refs.add(measure(ref, ref.getFileName().toString(), ProgressListener.NONE));
            } catch (UnreadableAudioException e) {
                throw new Comparison.UnreadableInput(ref, e); // says which input it was
            }
            progress.progress("compare", (i + 1.0) / (references.size() + 1));
        }
        return refs;
    }

    /**
     * What a mix is compared with: the user's references when there are any, else the target genre's profile in
     * the reference model, else the labelled built-in fallback (no model, or no genre to target).
     */
    public TargetProfile targetProfile(GenreAssessment genre, List<MixFeatures> references) throws IOException {
        if (!references.isEmpty()) return TargetProfile.ofReferences(references);
        Optional<ReferenceModel> m = model();
        if (m.isPresent() && genre != null && genre.target() != null && m.get().genres().contains(genre.target())) {
            return TargetProfile.ofGenre(m.get().profile(genre.target()));
        }
        return BuiltInFallbackProfile.get();
    }

    // ---- master (closed loop); the work is in MasterJob ------------------------------------------------------

    /** What {@code master} was asked for; null fields mean "suggest" / "default". */
    public record MasterRequest(Path input, Path output, String genre, List<Path> references,
                                Platform platform, org.freshears.mastering.MasteringChain chain, Double amountPercent,
                                org.freshears.audio.OutputFormat format, Double integratedLufs) {
        public MasterRequest {
            references = references == null ? List.of() : List.copyOf(references);
            format = format == null ? org.freshears.audio.OutputFormat.PCM24 : format;
            if (integratedLufs != null && !(integratedLufs >= -40 && integratedLufs <= 0)) {
                throw new IllegalArgumentException("the loudness target must be between -40 and 0 LUFS");
            }
        }

        /** With the platform's (or the references') loudness target. */
        public MasterRequest(Path input, Path output, String genre, List<Path> references, Platform platform,
                             org.freshears.mastering.MasteringChain chain, Double amountPercent,
                             org.freshears.audio.OutputFormat format) {
            this(input, output, genre, references, platform, chain, amountPercent, format, null);
        }
    }

    /** Suggests (or takes) a chain, renders it, re-measures the render and checks it against its targets. */
    public MasterResult master(MasterRequest request, ProgressListener progress)
            throws UnreadableAudioException, IOException {
        return MasterJob.run(this, request, progress);
    }
}
