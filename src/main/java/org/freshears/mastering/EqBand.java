package org.freshears.mastering;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One EQ band: {@code {kind, freqHz, gainDb, q, channel}}. {@code gainDb} is ignored by (and defaults to 0 for)
 * {@code highpass}; {@code q} defaults to 0.707 (1/√2, a Butterworth high-pass and a shelf without overshoot) for
 * high-pass and shelves, 1.0 for bells; {@code channel} defaults to {@code stereo} (both channels alike), and
 * {@code mid}/{@code side} act on the mid/side signals.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EqBand(Kind kind, double freqHz, double gainDb, double q, Channel channel) {

    public enum Kind {
        @JsonProperty("highpass") HIGHPASS,
        @JsonProperty("lowShelf") LOW_SHELF,
        @JsonProperty("highShelf") HIGH_SHELF,
        @JsonProperty("bell") BELL
    }

    public enum Channel {
        @JsonProperty("stereo") STEREO,
        @JsonProperty("mid") MID,
        @JsonProperty("side") SIDE
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static EqBand of(@JsonProperty("kind") Kind kind, @JsonProperty("freqHz") Double freqHz,
                            @JsonProperty("gainDb") Double gainDb, @JsonProperty("q") Double q,
                            @JsonProperty("channel") Channel channel) {
        if (kind == null) throw new IllegalArgumentException("eq band kind is required (highpass, lowShelf, highShelf or bell)");
        String k = "eq " + kind.name().toLowerCase() + " band";
        double f = Checks.required(freqHz, k + " freqHz");
        double g = kind == Kind.HIGHPASS ? 0 : Checks.range(gainDb, 0, -30, 30, k + " gainDb");
        double qq = q == null ? (kind == Kind.BELL ? 1.0 : 0.707) : Checks.finite(q, k + " q");
        return new EqBand(kind, f, g, qq, channel == null ? Channel.STEREO : channel);
    }

    public EqBand {
        if (kind == null) throw new IllegalArgumentException("eq band kind is required");
        if (!(freqHz >= 10 && freqHz <= 40000)) {
            throw new IllegalArgumentException("eq band freqHz must be between 10 and 40000 Hz, got " + Checks.fmt(freqHz));
        }
        if (!(q > 0 && q <= 40)) throw new IllegalArgumentException("eq band q must be > 0 and <= 40, got " + Checks.fmt(q));
        if (!(Math.abs(gainDb) <= 30)) throw new IllegalArgumentException("eq band gainDb must be between -30 and 30, got " + gainDb);
        if (channel == null) channel = Channel.STEREO;
    }

    public EqBand withGainDb(double g) {
        return new EqBand(kind, freqHz, g, q, channel);
    }
}
