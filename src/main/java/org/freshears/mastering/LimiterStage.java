package org.freshears.mastering;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * True-peak look-ahead limiter: {@code {"type": "limiter", "ceilingDbtp": -1, "lookaheadMs": 3, "releaseMs": 80}}.
 * Defaults: ceiling −1 dBTP, look-ahead 3 ms, release 80 ms. Must be the last stage of a chain.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LimiterStage(double ceilingDbtp, double lookaheadMs, double releaseMs, String reason) implements Stage {

    @JsonCreator
    public static LimiterStage of(@JsonProperty("ceilingDbtp") Double ceilingDbtp, @JsonProperty("lookaheadMs") Double lookaheadMs,
                                  @JsonProperty("releaseMs") Double releaseMs, @JsonProperty("reason") String reason) {
        return new LimiterStage(ceilingDbtp == null ? -1 : ceilingDbtp, lookaheadMs == null ? 3 : lookaheadMs,
                releaseMs == null ? 80 : releaseMs, reason);
    }

    public LimiterStage {
        Checks.finite(ceilingDbtp, "limiter ceilingDbtp");
        if (ceilingDbtp > 0) throw new IllegalArgumentException("limiter ceilingDbtp must be <= 0 dBTP, got " + Checks.fmt(ceilingDbtp));
        Checks.range(ceilingDbtp, -1, -30, 0, "limiter ceilingDbtp");
        Checks.range(lookaheadMs, 3, 0.5, 20, "limiter lookaheadMs");
        Checks.range(releaseMs, 80, 1, 2000, "limiter releaseMs");
    }

    @Override
    public LimiterStage scaled(double fraction) {
        return this;
    }
}
