package org.freshears.mastering;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Static gain, {@code {"type": "gain", "gainDb": 3.2}}: the loudness move; not scaled by the chain's amount. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GainStage(double gainDb, String reason) implements Stage {

    @com.fasterxml.jackson.annotation.JsonCreator
    public static GainStage of(@com.fasterxml.jackson.annotation.JsonProperty("gainDb") Double gainDb,
                               @com.fasterxml.jackson.annotation.JsonProperty("reason") String reason) {
        return new GainStage(Checks.required(gainDb, "gain gainDb"), reason);
    }

    public GainStage {
        Checks.range(gainDb, 0, -60, 60, "gain gainDb");
    }

    @Override
    public GainStage scaled(double fraction) {
        return this;
    }
}
