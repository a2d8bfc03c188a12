package org.freshears.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.ProgressListener;
import org.freshears.audio.UnreadableAudioException;
import org.freshears.model.FeatureVector;
import org.freshears.model.ReferenceComparison;

/** {@code compare}: a mix against the user's own reference tracks, through the one {@link Pipeline}. */
public final class Comparison {
    private Comparison() {}

    /** An input of the comparison that cannot be read, and which one it is (the mix and a reference may share a name). */
    public static final class UnreadableInput extends UnreadableAudioException {
        private final transient Path path;

        UnreadableInput(Path path, UnreadableAudioException cause) {
            super(cause.getMessage(), cause);
            this.path = path;
        }

        public Path path() {
            return path;
        }
    }

    /**
     * Analyses the mix (full analysis document) and measures each reference, then places every feature of the
     * mix in the references' percentile profile.
     */
    public static CompareDocument compare(Pipeline pipeline, Path mix, String mixShown, List<Path> references,
                                          Pipeline.AnalyzeRequest request, ProgressListener progress)
            throws UnreadableAudioException, IOException {
        // the mix first (its error, if any, is the one reported), then each reference once: the same measurements
        // serve the analysis document's target profile and the feature positions below
        MixFeatures mixFeatures;
        try {
            mixFeatures = pipeline.measure(mix, mixShown, progress);
        } catch (UnreadableAudioException e) {
            throw new UnreadableInput(mix, e);
        }
        List<MixFeatures> measured = pipeline.measureReferences(references, progress);
        Pipeline.AnalyzeRequest withThese = references.equals(request.references()) ? request
                : new Pipeline.AnalyzeRequest(request.genre(), request.platform(), references);
        AnalysisDocument doc = pipeline.analyze(p -> mixFeatures, withThese, measured, progress);
        List<FeatureVector> vectors = new ArrayList<>();
        List<CompareDocument.Reference> refs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            Path r = references.get(i);
            MixFeatures f = measured.get(i);
            vectors.add(FeatureVector.of(f));
            refs.add(new CompareDocument.Reference(r.toString(), f.loudness() == null ? null : f.loudness().integratedLufs(),
                    f.loudness() == null ? null : f.loudness().truePeakDbtp(), f.file().durationSeconds()));
            for (String w : f.warnings()) warnings.add(r + ": " + w);
        }
        ReferenceComparison c = ReferenceComparison.of(vectorOf(doc), vectors);
        if (c.thin()) {
            warnings.add("only " + references.size() + " reference" + (references.size() == 1 ? "" : "s")
                    + ": the comparison is thin (5 or more give a solid profile)");
        }
        Double mixLufs = doc.loudness() == null ? null : doc.loudness().integratedLufs();
        double[] lufs = refs.stream().map(CompareDocument.Reference::integratedLufs).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted().toArray();
        Double median = lufs.length == 0 ? null : lufs.length % 2 == 1 ? lufs[lufs.length / 2]
                : (lufs[lufs.length / 2 - 1] + lufs[lufs.length / 2]) / 2;
        Double diff = mixLufs == null || median == null || !Double.isFinite(mixLufs) ? null : mixLufs - median;
        return new CompareDocument(CompareDocument.SCHEMA, doc, refs, c.thin(),
                new CompareDocument.Loudness(mixLufs, median, diff), c.positions(), warnings);
    }

    /** The mix's features from its analysis document (which carries every measured block). */
    static FeatureVector vectorOf(AnalysisDocument doc) {
        return FeatureVector.of(new MixFeatures(doc.file(), doc.loudness(), doc.dynamics(), doc.spectrum(), doc.stereo(),
                doc.technical(), doc.timeline(), doc.sections(), List.of(), doc.warnings(), doc.texture()));
    }
}
