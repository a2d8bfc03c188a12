package org.freshears.mastering;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Glue compressor: {@code {"type": "compressor", thresholdDb, ratio, attackMs, releaseMs, kneeDb, makeupDb,
 * detector, stereoLink}}. Required: {@code thresholdDb} (dBFS in detector terms: with {@code rms} a full-scale
 * sine reads −3 dB) and {@code ratio} (≥ 1). Defaults: attack 30 ms, release 200 ms, knee 6 dB, makeup 0 dB,
 * detector {@code rms}, stereoLink true.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompressorStage(double thresholdDb, double ratio, double attackMs, double releaseMs, double kneeDb,
                              double makeupDb, Detector detector, boolean stereoLink, String reason) implements Stage {

    public enum Detector {
        @JsonProperty("rms") RMS,
        @JsonProperty("peak") PEAK
    }

    @JsonCreator
    public static CompressorStage of(@JsonProperty("thresholdDb") Double thresholdDb, @JsonProperty("ratio") Double ratio,
                                     @JsonProperty("attackMs") Double attackMs, @JsonProperty("releaseMs") Double releaseMs,
                                     @JsonProperty("kneeDb") Double kneeDb, @JsonProperty("makeupDb") Double makeupDb,
                                     @JsonProperty("detector") Detector detector, @JsonProperty("stereoLink") Boolean stereoLink,
                                     @JsonProperty("reason") String reason) {
        return new CompressorStage(
                Checks.required(thresholdDb, "compressor thresholdDb"),
                Checks.required(ratio, "compressor ratio"),
                attackMs == null ? 30 : attackMs, releaseMs == null ? 200 : releaseMs,
                kneeDb == null ? 6 : kneeDb, makeupDb == null ? 0 : makeupDb,
                detector == null ? Detector.RMS : detector, stereoLink == null || stereoLink, reason);
    }

    public CompressorStage {
        Checks.range(thresholdDb, 0, -80, 0, "compressor thresholdDb");
        if (!(ratio >= 1)) throw new IllegalArgumentException("compressor ratio must be >= 1 (1 = no compression), got " + Checks.fmt(ratio));
        Checks.range(ratio, 1, 1, 100, "compressor ratio");
        Checks.range(attackMs, 0, 0.1, 1000, "compressor attackMs");
        Checks.range(releaseMs, 0, 1, 5000, "compressor releaseMs");
        Checks.range(kneeDb, 0, 0, 30, "compressor kneeDb");
        Checks.range(makeupDb, 0, -30, 30, "compressor makeupDb");
        if (detector == null) detector = Detector.RMS;
    }

    /** Ratio moves toward 1 and makeup toward 0 dB by {@code fraction}. */
    @Override
    public CompressorStage scaled(double fraction) {
        return new CompressorStage(thresholdDb, 1 + (ratio - 1) * fraction, attackMs, releaseMs, kneeDb,
                makeupDb * fraction, detector, stereoLink, reason);
    }
}
