package org.freshears.pipeline;

import java.util.List;
import org.freshears.model.FeaturePosition;

/**
 * The result of {@code compare MIX REF…} ({@code schema = freshears.compare/1}): the mix's analysis document,
 * the references, and per feature where the mix sits among them (levels relative to each track's total, so
 * loudness-matched).
 *
 * @param thin     fewer than five references: the percentiles are a sketch
 * @param loudness the mix's integrated loudness against the references' median (information only: the
 *                 comparison itself is level-independent)
 */
public record CompareDocument(String schema, AnalysisDocument mix, List<Reference> references, boolean thin,
                              Loudness loudness, List<FeaturePosition> features, List<String> warnings) {

    public static final String SCHEMA = "freshears.compare/1";

    /** One reference track as measured. */
    public record Reference(String path, Double integratedLufs, Double truePeakDbtp, Double durationSeconds) {
    }

    /** Loudness of the mix and of the references, and the difference (mix minus references' median), in LU. */
    public record Loudness(Double mixLufs, Double referencesMedianLufs, Double differenceLu) {
    }
}
