package org.freshears.mastering;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One step of a {@link MasteringChain}. In JSON each stage is an object with a {@code type} property
 * ({@code eq}, {@code compressor}, {@code stereo}, {@code gain}, {@code limiter}) and its parameters; every stage
 * takes an optional {@code reason} (which findings it answers).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = EqStage.class, name = "eq"),
        @JsonSubTypes.Type(value = CompressorStage.class, name = "compressor"),
        @JsonSubTypes.Type(value = StereoStage.class, name = "stereo"),
        @JsonSubTypes.Type(value = GainStage.class, name = "gain"),
        @JsonSubTypes.Type(value = LimiterStage.class, name = "limiter")})
public sealed interface Stage permits EqStage, CompressorStage, StereoStage, GainStage, LimiterStage {

    /** Why the stage is there (finding codes or prose); may be null. */
    String reason();

    /** This stage with its corrective moves scaled by {@code fraction} (0..1); see {@link MasteringChain}. */
    Stage scaled(double fraction);

    /** The JSON type name. */
    default String typeName() {
        return switch (this) {
            case EqStage e -> "eq";
            case CompressorStage c -> "compressor";
            case StereoStage s -> "stereo";
            case GainStage g -> "gain";
            case LimiterStage l -> "limiter";
        };
    }
}
