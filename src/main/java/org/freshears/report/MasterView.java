package org.freshears.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the master page shows from a {@code freshears.master/1} result: before/after figures, the closed-loop
 * checks, and each original finding as fixed, improved, unchanged or worse (plus new ones).
 */
public record MasterView(String title, List<Row> figures, List<Check> checks, List<Outcome> outcomes,
                         String chainSummary, Double beforeLufs, Double afterLufs, String targetText) {

    public record Row(String label, String before, String after, String change) {
    }

    public record Check(String name, boolean passed, String measured, String target) {
    }

    /** {@code status} is "fixed", "improved", "unchanged", "worse" or "new". */
    public record Outcome(String code, String message, String status) {
    }

    public static MasterView of(JsonNode result, String title) {
        JsonNode b = Nodes.at(result, "before"), a = Nodes.at(result, "after");
        List<Row> rows = new ArrayList<>();
        row(rows, "Integrated loudness", b, a, "LUFS", 1, "loudness", "integratedLufs");
        row(rows, "True peak", b, a, "dBTP", 1, "loudness", "truePeakDbtp");
        row(rows, "Sample peak", b, a, "dBFS", 1, "loudness", "samplePeakDbfs");
        row(rows, "Loudness range", b, a, "LU", 1, "loudness", "loudnessRangeLu");
        row(rows, "PLR", b, a, "dB", 1, "dynamics", "plrDb");
        row(rows, "Crest factor", b, a, "dB", 1, "dynamics", "crestFactorDb");
        row(rows, "Correlation", b, a, "", 2, "stereo", "correlation");
        row(rows, "Width", b, a, "", 2, "stereo", "width");
        List<Check> checks = new ArrayList<>();
        for (JsonNode c : Nodes.list(result, "checks")) {
            JsonNode passed = Nodes.at(c, "passed");
            checks.add(new Check(Nodes.text(c, "name"), passed != null && passed.asBoolean(),
                    value(Nodes.at(c, "measured")), value(Nodes.at(c, "target"))));
        }
        Map<String, JsonNode> after = new LinkedHashMap<>();
        for (JsonNode f : Nodes.list(a, "findings")) after.put(Nodes.text(f, "code"), f);
        // the closed loop's own verdict per finding (checks "finding <code>"), so that the page and checks[] agree
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (JsonNode c : Nodes.list(result, "checks")) {
            String name = Nodes.text(c, "name");
            String status = Nodes.text(c, "measured");
            if (name != null && name.startsWith("finding ") && status != null) verdicts.put(name.substring(8), status);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (JsonNode f : Nodes.list(b, "findings")) {
            String code = Nodes.text(f, "code");
            JsonNode g = after.remove(code);
            String status = verdicts.getOrDefault(code, g == null ? "fixed" : compare(f, g));
            outcomes.add(new Outcome(code, ReportView.what(Nodes.text(f, "message")), status));
        }
        for (JsonNode g : after.values()) {
            outcomes.add(new Outcome(Nodes.text(g, "code"), ReportView.what(Nodes.text(g, "message")), "new"));
        }
        List<String> stages = new ArrayList<>();
        for (JsonNode s : Nodes.list(result, "chain", "stages")) stages.add(Nodes.text(s, "type"));
        Double tl = Nodes.num(result, "targets", "integratedLufs"), tc = Nodes.num(result, "targets", "truePeakCeilingDbtp");
        String targetText = (tl == null ? "" : Fmt.num(tl, 1) + " LUFS") + (tc == null ? "" : ", ceiling " + Fmt.num(tc, 1) + " dBTP");
        return new MasterView(title, rows, checks, outcomes, String.join(" → ", stages),
                Nodes.num(b, "loudness", "integratedLufs"), Nodes.num(a, "loudness", "integratedLufs"), targetText);
    }

    private static void row(List<Row> rows, String label, JsonNode b, JsonNode a, String unit, int dec, String... path) {
        Double x = Nodes.num(b, path), y = Nodes.num(a, path);
        String change = x == null || y == null ? "" : Fmt.signed(y - x, dec);
        rows.add(new Row(label, unit.isEmpty() ? Fmt.num(x, dec) : Fmt.num(x, dec, unit),
                unit.isEmpty() ? Fmt.num(y, dec) : Fmt.num(y, dec, unit), change));
    }

    private static String value(JsonNode n) {
        if (n == null) return Fmt.NONE;
        if (n.isIntegralNumber()) return Long.toString(n.asLong());   // a frame count: 9094391, not 9094391.0
        if (n.isNumber()) return Fmt.num(n.asDouble(), 1);
        return n.isValueNode() ? n.asText() : n.toString();
    }

    /** How far a finding's measurement sits outside its accepted range, before and after. */
    static String compare(JsonNode before, JsonNode after) {
        Double d0 = distance(before), d1 = distance(after);
        if (d0 == null || d1 == null) return "unchanged";
        if (d1 < d0 * 0.8 - 0.05) return "improved";
        if (d1 > d0 * 1.2 + 0.05) return "worse";
        return "unchanged";
    }

    private static Double distance(JsonNode f) {
        Double m = Nodes.num(f, "measured");
        if (m == null) return null;
        Double lo = Nodes.num(f, "targetLow"), hi = Nodes.num(f, "targetHigh");
        if (lo != null && m < lo) return lo - m;
        if (hi != null && m > hi) return m - hi;
        return 0.0;
    }
}
