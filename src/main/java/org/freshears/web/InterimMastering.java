package org.freshears.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.freshears.advice.Platform;
import org.freshears.analysis.ProgressListener;
import org.freshears.audio.AudioDecoder;
import org.freshears.audio.AudioSource;
import org.freshears.audio.OutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.pipeline.AnalysisDocument;
import org.freshears.pipeline.Pipeline;
import org.freshears.report.Nodes;
import org.freshears.util.Json;

/**
 * A stand-in for the master pipeline until the advice and mastering branches land: it renders only the parts of
 * a chain that need no DSP library (a loudness target or a plain gain, and a sample-peak limiter at the ceiling),
 * re-analyses the render with the same {@link Pipeline} and checks the result. Stages it cannot render are named
 * in the result's {@code warnings}.
 */
final class InterimMastering implements Mastering {
    private final Pipeline pipeline;

    InterimMastering(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public JsonNode suggestedChain(JsonNode analysis, Platform platform) {
        JsonNode chain = Nodes.at(analysis, "chain");
        if (chain != null && !Nodes.list(chain, "stages").isEmpty()) return chain.deepCopy();
        ObjectNode c = Json.mapper().createObjectNode();
        ArrayNode stages = c.putArray("stages");
        stages.addObject().put("type", "loudness").put("targetLufs", platform.integratedLufs());
        stages.addObject().put("type", "limiter").put("ceilingDbtp", platform.truePeakCeilingDbtp()).put("releaseMs", 80.0);
        return c;
    }

    @Override
    public JsonNode master(Path input, String displayName, JsonNode analysis, Request request, Path output,
                           ProgressListener progress) throws Exception {
        JsonNode chain = request.chain() != null ? request.chain() : suggestedChain(analysis, request.platform());
        Double measured = Nodes.num(analysis, "loudness", "integratedLufs");
        double target = request.integratedLufs() != null ? request.integratedLufs() : request.platform().integratedLufs();
        double ceiling = request.platform().truePeakCeilingDbtp();
        double gainDb = 0;
        double releaseMs = 80;
        Set<String> skipped = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        for (JsonNode st : Nodes.list(chain, "stages")) {
            String type = String.valueOf(Nodes.text(st, "type"));
            Double t = Nodes.num(Nodes.first(st, "targetLufs", "integratedLufs"));
            Double g = Nodes.num(st, "gainDb");
            Double ceil = Nodes.num(Nodes.first(st, "ceilingDbtp", "ceilingDb"));
            if (t != null && request.integratedLufs() == null) target = t;
            if (ceil != null) ceiling = ceil;
            Double rel = Nodes.num(st, "releaseMs");
            if (rel != null && ceil != null) releaseMs = Math.max(1, rel);
            if (type.equals("gain") && g != null) gainDb += g;
            if (t == null && ceil == null && !type.equals("gain")) skipped.add(type);
        }
        if (measured != null) gainDb += target - measured;
        else warnings.add("the mix's loudness is not measured yet, so no loudness gain was applied");
        if (!skipped.isEmpty()) warnings.add("the interim renderer does not process these stages yet: " + String.join(", ", skipped));
        gainDb *= request.amount();
        int frames = render(input, output, gainDb, ceiling, releaseMs, progress);
        ProgressListener verify = (stage, f) -> progress.progress("verify", f);
        String shown = baseName(displayName) + "-master.wav";
        String genre = Nodes.text(analysis, "genre", "target");
        AnalysisDocument after = pipeline.analyze(output, shown,
                new Pipeline.AnalyzeRequest(genre, request.platform(), List.of()), verify);
        JsonNode afterTree = Json.mapper().valueToTree(after);
        ObjectNode result = Json.mapper().createObjectNode();
        result.put("schema", "freshears.master/1");
        result.putObject("targets").put("integratedLufs", target).put("truePeakCeilingDbtp", ceiling);
        result.set("chain", chain);
        result.put("amount", request.amount());
        result.set("before", analysis);
        result.set("after", afterTree);
        ArrayNode checks = result.putArray("checks");
        Double il = Nodes.num(afterTree, "loudness", "integratedLufs");
        check(checks, "loudness on target", il != null && Math.abs(il - target) <= 1.0, il, target);
        Double tp = Nodes.num(afterTree, "loudness", "truePeakDbtp");
        check(checks, "true peak under ceiling", tp != null && tp <= ceiling + 0.05, tp, ceiling);
        long inFrames = Nodes.num(analysis, "file", "frames") == null ? frames : Nodes.num(analysis, "file", "frames").longValue();
        check(checks, "length unchanged", inFrames == frames, (double) frames, (double) inFrames);
        result.putObject("output").put("path", shown);
        ArrayNode w = result.putArray("warnings");
        warnings.forEach(w::add);
        return result;
    }

    private static void check(ArrayNode checks, String name, boolean passed, Double measured, Double target) {
        ObjectNode c = checks.addObject().put("name", name).put("passed", passed);
        if (measured == null) c.putNull("measured");
        else c.put("measured", measured);
        c.put("target", target);
    }

    /** Gain, then a linked sample-peak limiter (instant attack, exponential release); returns frames written. */
    static int render(Path input, Path output, double gainDb, double ceilingDbtp, double releaseMs,
                      ProgressListener progress) throws Exception {
        try (AudioSource src = AudioDecoder.open(input)) {
            int ch = src.info().channels();
            int rate = src.info().sampleRate();
            long total = src.info().frameLength();
            float[][] block = new float[ch][8192];
            double gain = Math.pow(10, gainDb / 20);
            double ceil = Math.pow(10, (ceilingDbtp - 0.3) / 20);
            double release = Math.exp(-1.0 / (releaseMs / 1000.0 * rate));
            double env = 1;
            int frames = 0;
            progress.progress("render", 0);
            try (WavWriter out = new WavWriter(output, rate, ch, OutputFormat.PCM24)) {
                for (int n; (n = src.read(block, 8192)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        double peak = 0;
                        for (int c = 0; c < ch; c++) peak = Math.max(peak, Math.abs(block[c][i] * gain));
                        double want = peak > ceil ? ceil / peak : 1;
                        env = want < env ? want : want - (want - env) * release;
                        double g = gain * env;
                        for (int c = 0; c < ch; c++) block[c][i] = (float) (block[c][i] * g);
                    }
                    out.write(block, 0, n);
                    frames += n;
                    if (total > 0) progress.progress("render", Math.min(1, frames / (double) total));
                }
            }
            return frames;
        }
    }

    static String baseName(String name) {
        String s = name == null ? "mix" : name;
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
