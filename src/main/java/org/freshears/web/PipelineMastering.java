package org.freshears.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.freshears.advice.Platform;
import org.freshears.analysis.ProgressListener;
import org.freshears.audio.OutputFormat;
import org.freshears.mastering.MasteringChain;
import org.freshears.pipeline.MasterResult;
import org.freshears.pipeline.Pipeline;
import org.freshears.report.Nodes;
import org.freshears.util.Json;

/**
 * Mastering through the shared {@link Pipeline#master} (the same closed loop as {@code freshears master}): the
 * edited chain is read with {@link MasteringChain#fromJson}; no chain means the advisor suggests one. Server paths
 * in the result are replaced by the upload's display name.
 */
final class PipelineMastering implements Mastering {
    private final Pipeline pipeline;

    PipelineMastering(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public JsonNode suggestedChain(JsonNode analysis, Platform platform) {
        JsonNode chain = Nodes.at(analysis, "chain");
        if (chain != null && chain.isObject() && !Nodes.list(chain, "stages").isEmpty()) return chain.deepCopy();
        if (chain != null && chain.isArray() && !chain.isEmpty()) {
            ObjectNode c = Json.mapper().createObjectNode();
            c.set("stages", chain.deepCopy());
            return c;
        }
        // the analysis carries no chain: level to the platform target and limit at its ceiling
        Double measured = Nodes.num(analysis, "loudness", "integratedLufs");
        double gain = measured == null ? 0 : Math.round((platform.integratedLufs() - measured) * 10) / 10.0;
        ObjectNode c = Json.mapper().createObjectNode();
        ArrayNode stages = c.putArray("stages");
        stages.addObject().put("type", "gain").put("gainDb", gain).put("reason", "level to the " + platform.label() + " target");
        stages.addObject().put("type", "limiter").put("ceilingDbtp", platform.truePeakCeilingDbtp()).put("lookaheadMs", 5.0)
                .put("releaseMs", 80.0).put("reason", "keep true peaks under the ceiling");
        return c;
    }

    @Override
    public JsonNode master(Path input, String displayName, JsonNode analysis, Request request, Path output,
                           ProgressListener progress) throws Exception {
        MasteringChain chain = request.chain() == null ? null : MasteringChain.fromJson(request.chain().toString());
        String genre = Nodes.text(analysis, "genre", "target");
        MasterResult result = pipeline.master(new Pipeline.MasterRequest(input, output, genre, request.references(),
                request.platform(), chain, request.amount() == null ? null : request.amount() * 100, OutputFormat.PCM24,
                request.integratedLufs()), progress);
        ObjectNode tree = Json.mapper().valueToTree(result);
        String base = baseName(displayName);
        setPath(tree.get("before"), displayName);
        setPath(tree.get("after"), base + "-master.wav");
        if (tree.get("output") instanceof ObjectNode o) o.put("path", base + "-master.wav");
        return tree;
    }

    private static void setPath(JsonNode doc, String path) {
        if (doc != null && doc.get("file") instanceof ObjectNode f) f.put("path", path);
    }

    static String baseName(String name) {
        String s = name == null ? "mix" : name;
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
