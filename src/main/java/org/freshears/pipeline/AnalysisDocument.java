package org.freshears.pipeline;

import java.util.List;
import org.freshears.analysis.DynamicsStats;
import org.freshears.analysis.FileInfo;
import org.freshears.analysis.Finding;
import org.freshears.analysis.LoudnessStats;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.Section;
import org.freshears.analysis.SpectralBalance;
import org.freshears.analysis.StereoImage;
import org.freshears.analysis.TechnicalStats;
import org.freshears.analysis.Texture;
import org.freshears.analysis.ThirdOctaveBand;
import org.freshears.analysis.Timeline;
import org.freshears.model.GenreAssessment;

/** The analysis document of CONTRACT.md ({@code schema = freshears.analysis/1}). */
public record AnalysisDocument(String schema, FileInfo file, LoudnessStats loudness, DynamicsStats dynamics,
                               SpectralBalance spectrum, StereoImage stereo, Texture texture,
                               TechnicalStats technical, Timeline timeline, List<Section> sections, GenreAssessment genre,
                               List<Finding> findings, Object chain, List<String> warnings,
                               List<ReferenceCurve> references) {

    public static final String SCHEMA = "freshears.analysis/1";

    /**
     * A reference track the mix was compared with: its name, loudness and 1/3-octave curve (levels relative to its
     * total, as the mix's), for the report's tonal plot.
     */
    public record ReferenceCurve(String name, Double integratedLufs, List<ThirdOctaveBand> thirdOctaves) {
        static ReferenceCurve of(String name, MixFeatures f) {
            return new ReferenceCurve(name, f.loudness() == null ? null : f.loudness().integratedLufs(),
                    f.spectrum() == null ? List.of() : f.spectrum().thirdOctaves());
        }
    }

    public static AnalysisDocument of(MixFeatures f, GenreAssessment genre, List<Finding> findings, Object chain) {
        return of(f, genre, findings, chain, null);
    }

    public static AnalysisDocument of(MixFeatures f, GenreAssessment genre, List<Finding> findings, Object chain,
                                      List<ReferenceCurve> references) {
        return new AnalysisDocument(SCHEMA, f.file(), f.loudness(), f.dynamics(), f.spectrum(), f.stereo(),
                f.texture(), f.technical(), f.timeline(), f.sections(), genre, findings, chain, f.warnings(),
                references == null || references.isEmpty() ? null : List.copyOf(references));
    }

    /** The line written for a file that cannot be read: {@code {"schema", "file": {"path"}, "error"}}. */
    public record Failure(String schema, PathOnly file, String error) {
        public record PathOnly(String path) {
        }

        public static Failure of(String path, String error) {
            return new Failure(SCHEMA, new PathOnly(path), error);
        }
    }
}
