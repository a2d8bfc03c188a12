package org.freshears.mastering;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Per-band stereo width: {@code {"type": "stereo", "bands": [{lowHz, highHz, width}], "monoBelowHz": 120}}.
 * Bands must not overlap; frequencies outside every band keep width 1. {@code monoBelowHz} (null = off) removes
 * the side signal below that LR4 crossover. Needs two channels; see {@link StereoProcessor} for other layouts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StereoStage(List<WidthBand> bands, Double monoBelowHz, String reason) implements Stage {

    @JsonCreator
    public static StereoStage of(@JsonProperty("bands") List<WidthBand> bands, @JsonProperty("monoBelowHz") Double monoBelowHz,
                                 @JsonProperty("reason") String reason) {
        return new StereoStage(bands == null ? List.of() : bands, monoBelowHz, reason);
    }

    public StereoStage {
        if (bands == null) throw new IllegalArgumentException("stereo bands are required (may be empty)");
        List<WidthBand> sorted = new ArrayList<>(bands);
        for (WidthBand b : sorted) if (b == null) throw new IllegalArgumentException("stereo band must not be null");
        sorted.sort(Comparator.comparingDouble(WidthBand::lowHz));
        for (int i = 1; i < sorted.size(); i++) {
            WidthBand a = sorted.get(i - 1), b = sorted.get(i);
            if (b.lowHz() < a.highHz()) {
                throw new IllegalArgumentException("stereo bands overlap: " + Checks.fmt(a.lowHz()) + "–" + Checks.fmt(a.highHz())
                        + " Hz and " + Checks.fmt(b.lowHz()) + "–" + Checks.fmt(b.highHz()) + " Hz");
            }
        }
        bands = List.copyOf(sorted);
        if (monoBelowHz != null) Checks.range(monoBelowHz, 0, 20, 1000, "stereo monoBelowHz");
    }

    /** Width deviations from 1 scale by {@code fraction}; {@code monoBelowHz} is kept unless the fraction is 0. */
    @Override
    public StereoStage scaled(double fraction) {
        return new StereoStage(bands.stream().map(b -> new WidthBand(b.lowHz(), b.highHz(), 1 + (b.width() - 1) * fraction)).toList(),
                fraction > 0 ? monoBelowHz : null, reason);
    }

    /** True when the stage cannot change anything: every width 1 and no mono fold. */
    public boolean changesNothing() {
        return monoBelowHz == null && bands.stream().allMatch(b -> b.width() == 1);
    }
}
