package org.freshears.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Null-safe reads from a JSON tree: a missing or null value is {@code null}, never an exception. */
public final class Nodes {
    private Nodes() {}

    /** The node at {@code path} (field names), or null when any step is missing or JSON null. */
    public static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            if (n == null || n.isNull() || n.isMissingNode()) return null;
            n = n.get(p);
        }
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    public static Double num(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return n != null && n.isNumber() && Double.isFinite(n.asDouble()) ? n.asDouble() : null;
    }

    public static String text(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return n == null ? null : n.isValueNode() ? n.asText() : null;
    }

    /** The elements of the array at {@code path}; empty when it is not an array. */
    public static List<JsonNode> list(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        List<JsonNode> out = new ArrayList<>();
        if (n != null && n.isArray()) n.forEach(out::add);
        return out;
    }

    /** A numeric array, non-numbers as null. */
    public static List<Double> nums(JsonNode node, String... path) {
        List<Double> out = new ArrayList<>();
        for (JsonNode e : list(node, path)) out.add(e.isNumber() && Double.isFinite(e.asDouble()) ? e.asDouble() : null);
        return out;
    }

    /** The first of several field names that is present (documents from different versions). */
    public static JsonNode first(JsonNode node, String... names) {
        if (node == null) return null;
        for (String name : names) {
            JsonNode n = at(node, name);
            if (n != null) return n;
        }
        return null;
    }
}
