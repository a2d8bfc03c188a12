package org.freshears.mastering;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Parametric EQ: {@code {"type": "eq", "bands": [...], "reason": ...}}; bands run in the given order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EqStage(List<EqBand> bands, String reason) implements Stage {
    public EqStage {
        if (bands == null) throw new IllegalArgumentException("eq bands are required (may be empty)");
        for (EqBand b : bands) if (b == null) throw new IllegalArgumentException("eq band must not be null");
        bands = List.copyOf(bands);
    }

    /** Gains scale by {@code fraction}; a high-pass stays as it is unless the fraction is 0, which drops it. */
    @Override
    public EqStage scaled(double fraction) {
        return new EqStage(bands.stream()
                .filter(b -> fraction > 0 || b.kind() != EqBand.Kind.HIGHPASS)
                .map(b -> b.withGainDb(b.gainDb() * fraction)).toList(), reason);
    }
}
