package org.freshears.mastering;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A stereo-width band {@code {lowHz, highHz, width}}: 0 = mono, 1 = unchanged, &gt; 1 wider (at most 4). */
public record WidthBand(double lowHz, double highHz, double width) {

    @JsonCreator
    public static WidthBand of(@JsonProperty("lowHz") Double lowHz, @JsonProperty("highHz") Double highHz,
                               @JsonProperty("width") Double width) {
        return new WidthBand(Checks.required(lowHz, "stereo band lowHz"), Checks.required(highHz, "stereo band highHz"),
                Checks.required(width, "stereo band width"));
    }

    public WidthBand {
        Checks.range(lowHz, 0, 0, 100000, "stereo band lowHz");
        Checks.range(width, 1, 0, 4, "stereo band width");
        if (!(highHz > lowHz)) {
            throw new IllegalArgumentException("stereo band highHz must be above lowHz, got " + Checks.fmt(lowHz) + "–" + Checks.fmt(highHz) + " Hz");
        }
    }
}
