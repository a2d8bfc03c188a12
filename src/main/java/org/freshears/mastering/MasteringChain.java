package org.freshears.mastering;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of stages and an {@code amount} (0–100 %, default 100) that scales every corrective move: EQ
 * gains, width deviations from 1, compressor ratio (toward 1) and makeup. The loudness {@code gain} and the
 * limiter are not scaled; at 0 % the high-pass bands and {@code monoBelowHz} are dropped as well, leaving only
 * level and limiting. JSON: {@code {"amount": 100, "stages": [{"type": ...}, ...]}}; {@link #fromJson} also takes a
 * bare array of stages. At most one limiter, and it must be the last stage (nothing after it may raise peaks).
 */
public record MasteringChain(List<Stage> stages, double amount) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @JsonCreator
    public static MasteringChain of(@JsonProperty("stages") List<Stage> stages, @JsonProperty("amount") Double amount) {
        return new MasteringChain(stages, amount == null ? 100 : amount);
    }

    public MasteringChain(List<Stage> stages) {
        this(stages, 100);
    }

    public MasteringChain {
        if (stages == null) throw new IllegalArgumentException("chain stages are required (may be empty)");
        Checks.range(amount, 100, 0, 100, "chain amount (%)");
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            if (s == null) throw new IllegalArgumentException("chain stage " + i + " must not be null");
            if (s instanceof LimiterStage && i != stages.size() - 1) {
                throw new IllegalArgumentException("the limiter must be the last stage (found at position " + (i + 1) + " of " + stages.size() + ")");
            }
        }
        stages = List.copyOf(stages);
    }

    /** The stages with {@link #amount()} applied, as the renderer runs them. */
    public List<Stage> effectiveStages() {
        double f = amount / 100;
        return stages.stream().map(s -> f == 1 ? s : s.scaled(f)).toList();
    }

    public MasteringChain withAmount(double amountPercent) {
        return new MasteringChain(stages, amountPercent);
    }

    /** The same chain with one more gain before the limiter (or at the end): the closed loop's level trim. */
    public MasteringChain withGainBeforeLimiter(double gainDb, String reason) {
        List<Stage> out = new ArrayList<>(stages);
        int at = !out.isEmpty() && out.getLast() instanceof LimiterStage ? out.size() - 1 : out.size();
        out.add(at, new GainStage(gainDb, reason));
        return new MasteringChain(out, amount);
    }

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write chain as JSON", e);
        }
    }

    /** The stages alone, as a JSON array (the form of {@code chain.stages[]} in the analysis document). */
    public JsonNode stagesJson() {
        try {
            return MAPPER.readTree(MAPPER.writerFor(new TypeReference<List<Stage>>() { }).writeValueAsString(stages));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write stages as JSON", e);
        }
    }

    /**
     * Reads a chain from JSON. Invalid input throws {@link IllegalArgumentException} with one clear line, e.g.
     * {@code "stages[2]: limiter ceilingDbtp must be <= 0 dBTP, got 0.5"}.
     */
    public static MasteringChain fromJson(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) throw new IllegalArgumentException("chain JSON is empty");
            if (node.isArray()) {
                ObjectNode wrapped = MAPPER.createObjectNode();
                wrapped.set("stages", node);
                node = wrapped;
            }
            if (!node.isObject()) throw new IllegalArgumentException("chain JSON must be an object with \"stages\" or an array of stages");
            if (!node.has("stages")) throw new IllegalArgumentException("chain JSON has no \"stages\"");
            return MAPPER.treeToValue(node, MasteringChain.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
    }

    public static MasteringChain fromJson(Path file) throws IOException {
        return fromJson(Files.readString(file));
    }

    private static String describe(JsonProcessingException e) {
        String where = e instanceof JsonMappingException m ? path(m) : "";
        String prefix = where.isEmpty() ? "" : where + ": ";
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        if (root instanceof IllegalArgumentException iae) return prefix + iae.getMessage();
        if (e instanceof InvalidTypeIdException t && t.getTypeId() == null) {
            return prefix + "stage has no \"type\" (expected eq, compressor, stereo, gain or limiter)";
        }
        if (e instanceof InvalidTypeIdException t) {
            return prefix + "unknown stage type '" + t.getTypeId() + "' (expected eq, compressor, stereo, gain or limiter)";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            List<String> names = new ArrayList<>();
            for (var field : f.getTargetType().getFields()) {
                JsonProperty p = field.getAnnotation(JsonProperty.class);
                if (field.isEnumConstant()) names.add(p != null ? p.value() : field.getName());
            }
            return prefix + "'" + f.getValue() + "' is not one of " + String.join(", ", names);
        }
        if (e instanceof UnrecognizedPropertyException u) return prefix + "unknown property '" + u.getPropertyName() + "'";
        if (e.getMessage() != null && e.getMessage().contains("missing type id")) {
            return prefix + "stage has no \"type\" (expected eq, compressor, stereo, gain or limiter)";
        }
        return prefix + "invalid chain JSON: " + e.getOriginalMessage();
    }

    private static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getIndex() >= 0) sb.append('[').append(r.getIndex()).append(']');
            else if (r.getFieldName() != null) sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
        }
        return sb.toString();
    }

}
