package org.freshears.mastering;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Static gain, {@code {"type": "gain", "gainDb": 3.2}}: the loudness move; not scaled by the chain's amount. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GainStage(double gainDb, String reason) implements Stage {
    public GainStage {
        Checks.range(gainDb, 0, -60, 60, "gain gainDb");
    }

    @Override
    public GainStage scaled(double fraction) {
        return this;
    }
}
