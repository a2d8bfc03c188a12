package org.freshears.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.freshears.advice.Platform;

/**
 * What the report page shows, computed once from an analysis document (a JSON tree): the headline, key figures,
 * the plots as inline SVG, the findings and the nearest references. Every block is optional: a value that is not
 * measured reads "–" and a plot that cannot be drawn is null (the page says "not measured").
 */
public record ReportView(String title, String facts, Headline headline, List<Figure> figures, Plots plots,
                         List<FindingView> findings, List<Prediction> predictions, List<Reference> nearest,
                         List<String> warnings, Changes changes, String platformLabel, List<StageView> chain,
                         String chainAmount) {

    /**
     * One stage of the suggested chain, read-only (the static report; the live one has the editor): "2. compressor",
     * its settings in words ("threshold −10.9 dB · ratio 2 · attack 30 ms …", one line per EQ band) and its reason.
     */
    public record StageView(String title, List<String> settings, String reason) {
    }

    /** The first thing a producer reads. {@code *Status} is "ok", "warn" or "bad" (a CSS class). */
    public record Headline(String genre, String genreDetail, String loudness, String loudnessDetail,
                           String loudnessStatus, String truePeak, String truePeakDetail, String truePeakStatus,
                           List<String> problems) {
    }

    public record Figure(String label, String value, String hint) {
    }

    public record Plots(String tonal, String timeline, String stereo, String goniometer, String dynamics) {
    }

    public record FindingView(String severity, String code, String message, String where, String measured,
                              String target, String why, String fix) {
    }

    public record Prediction(String genre, String percent, double fraction) {
    }

    public record Reference(String name, String genre, String detail) {
    }

    /** What changed since the previous version of the same song. */
    public record Changes(String previousLabel, String previousHref, List<String> fixed, List<String> added,
                          List<String> kept, List<Move> tonal, String tonalSummary, List<Move> figures,
                          String yardstickNote) {
    }

    /** How one figure moved between versions: {@code text} is e.g. "+2.1 dB" (null delta: not comparable). */
    public record Move(String name, Double delta, String text) {
    }

    /** Band-level moves smaller than this (dB) are "unchanged" in the summary. */
    static final double TONAL_MOVE_DB = 0.5;

    /** The previous version, when there is one: its document, a label ("version 2") and a link (may be null). */
    public record Previous(JsonNode doc, String label, String href) {
    }

    public static ReportView of(JsonNode doc, Platform platform, String title, Previous previous) {
        Platform p = platform == null ? Platform.DEFAULT : platform;
        String name = title != null ? title : baseName(Nodes.text(doc, "file", "path"));
        return new ReportView(name, facts(doc), headline(doc, p), figures(doc), plots(doc, p, previous),
                findings(doc), predictions(doc), nearest(doc), warnings(doc), changes(doc, previous), p.label(),
                chain(doc), Fmt.num(Nodes.num(doc, "chain", "amount"), 0, "%"));
    }

    /** The suggested chain's stages in words, in order (empty when the document has none). */
    static List<StageView> chain(JsonNode doc) {
        List<StageView> out = new ArrayList<>();
        for (JsonNode st : Nodes.list(doc, "chain", "stages")) {
            List<String> settings = new ArrayList<>();
            List<String> plain = new ArrayList<>();
            for (var e : st.properties()) {
                String k = e.getKey();
                JsonNode v = e.getValue();
                if (k.equals("type") || k.equals("reason") || v.isNull()) continue;
                if (v.isArray()) {
                    for (JsonNode row : v) settings.add(settingsLine(row));
                } else {
                    plain.add(setting(k, v));
                }
            }
            if (!plain.isEmpty()) settings.addFirst(String.join(" · ", plain));
            out.add(new StageView((out.size() + 1) + ". " + orDefault(Nodes.text(st, "type"), "stage"), settings,
                    Nodes.text(st, "reason")));
        }
        return out;
    }

    /** An object's fields as one line, its kind first ("bell · 400 Hz · gain −2.5 dB · q 1 · mid"). */
    private static String settingsLine(JsonNode row) {
        if (!row.isObject()) return row.asText();
        List<String> parts = new ArrayList<>();
        String kind = Nodes.text(row, "kind");
        if (kind != null) parts.add(kind);
        Double lo = Nodes.num(row, "lowHz"), hi = Nodes.num(row, "highHz");
        if (lo != null && hi != null) parts.add(Fmt.num(lo, 0) + "–" + Fmt.num(hi, 0) + "\u202fHz");
        boolean pass = kind != null && kind.endsWith("pass");
        for (var e : row.properties()) {
            String k = e.getKey();
            if (k.equals("kind") || e.getValue().isNull() || (lo != null && hi != null && (k.equals("lowHz") || k.equals("highHz")))
                    || (pass && k.equals("gainDb") && e.getValue().asDouble() == 0)) continue;
            parts.add(k.equals("channel") ? e.getValue().asText() : setting(k, e.getValue()));
        }
        return String.join(" · ", parts);
    }

    /** "thresholdDb": −10.88 → "threshold −10.88 dB"; "freqHz": 400 → "400 Hz"; booleans and words as they are. */
    static String setting(String key, JsonNode v) {
        String[][] units = {{"Dbtp", "dBTP"}, {"Lufs", "LUFS"}, {"Db", "dB"}, {"Ms", "ms"}, {"Hz", "Hz"}};
        String name = key, unit = "";
        for (String[] u : units) {
            if (key.endsWith(u[0]) && key.length() > u[0].length()) {
                name = key.substring(0, key.length() - u[0].length());
                unit = u[1];
                break;
            }
        }
        name = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        String value;
        if (v.isNumber()) {
            double d = v.asDouble();
            value = Math.abs(d - Math.rint(d)) < 1e-9 ? Fmt.num(d, 0) : Fmt.num(d, Math.abs(d) >= 100 ? 0 : 2)
                    .replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        } else {
            value = v.asText();
        }
        if (name.equals("freq")) return value + (unit.isEmpty() ? "" : "\u202f" + unit);
        return name + " " + value + (unit.isEmpty() ? "" : "\u202f" + unit);
    }

    static String baseName(String path) {
        if (path == null) return "Untitled mix";
        String s = path.replace('\\', '/');
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private static String facts(JsonNode doc) {
        JsonNode f = Nodes.at(doc, "file");
        if (f == null) return "";
        List<String> parts = new ArrayList<>();
        String format = Nodes.text(f, "format");
        String enc = Nodes.text(f, "encoding");
        if (format != null) parts.add(format.toUpperCase(Locale.ROOT) + (enc != null ? " " + enc : ""));
        Double sr = Nodes.num(f, "sampleRate");
        if (sr != null) parts.add(Fmt.num(sr / 1000, sr % 1000 == 0 ? 0 : 1) + " kHz");
        Double ch = Nodes.num(f, "channels");
        if (ch != null) parts.add(ch == 1 ? "mono" : ch == 2 ? "stereo" : ch.intValue() + " channels");
        Double d = Nodes.num(f, "durationSeconds");
        if (d != null) parts.add(Fmt.clock(d));
        return String.join(" · ", parts);
    }

    private static Headline headline(JsonNode doc, Platform p) {
        String genre = Nodes.text(doc, "genre", "target");
        String genreDetail;
        if (genre == null) {
            genre = "not detected";
            genreDetail = Nodes.at(doc, "genre") != null && Nodes.num(doc, "loudness", "integratedLufs") == null
                    ? "nothing audible to classify" : "no genre model loaded";
        } else {
            Double prob = null;
            for (JsonNode g : Nodes.list(doc, "genre", "predicted")) {
                if (genre.equalsIgnoreCase(Nodes.text(g, "genre"))) prob = Nodes.num(g, "probability");
            }
            Double accuracy = Nodes.num(doc, "genre", "modelAccuracy");
            boolean chosen = "user".equals(Nodes.text(doc, "genre", "source"));
            genreDetail = chosen || prob == null ? "chosen target"
                    : Fmt.percent(prob) + " model confidence" + (accuracy == null ? ""
                    : "; the model names the right genre for " + Fmt.percent(accuracy)
                    + " of records it has not seen, so pick the genre if this one is wrong");
        }
        Double il = Nodes.num(doc, "loudness", "integratedLufs");
        String loud = Fmt.num(il, 1, "LUFS");
        String loudDetail;
        String loudStatus;
        if (il == null) {
            loudDetail = Nodes.at(doc, "loudness") == null ? "not measured" : "silent: no loudness";
            loudStatus = "none";
        } else {
            double diff = il - p.integratedLufs();
            String target = p.label() + " target " + Fmt.num(p.integratedLufs(), 0) + " LUFS";
            if (Math.abs(diff) <= 1) {
                loudDetail = "on the " + target;
                loudStatus = "ok";
            } else if (diff > 0) {
                loudDetail = Fmt.num(diff, 1) + " LU above the " + target + ": it will be turned down by that much";
                loudStatus = diff > 4 ? "bad" : "warn";
            } else {
                loudDetail = Fmt.num(-diff, 1) + " LU below the " + target;
                loudStatus = -diff > 4 ? "bad" : "warn";
            }
        }
        Double tp = Nodes.num(doc, "loudness", "truePeakDbtp");
        String tpDetail;
        String tpStatus;
        if (tp == null) {
            tpDetail = "not measured";
            tpStatus = "none";
        } else if (tp > p.truePeakCeilingDbtp()) {
            tpDetail = Fmt.num(tp - p.truePeakCeilingDbtp(), 1) + " dB over the " + Fmt.num(p.truePeakCeilingDbtp(), 1)
                    + " dBTP ceiling: distortion risk after encoding";
            tpStatus = tp > 0 ? "bad" : "warn";
        } else {
            tpDetail = "under the " + Fmt.num(p.truePeakCeilingDbtp(), 1) + " dBTP ceiling";
            tpStatus = "ok";
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode f : Nodes.list(doc, "findings")) {
            if (problems.size() == 3) break;
            String m = what(Nodes.text(f, "message"));
            if (m != null && !m.isBlank()) problems.add(m);
        }
        return new Headline(genre, genreDetail, loud, loudDetail, loudStatus,
                tp == null ? Fmt.NONE : Fmt.signed(tp, 1) + "\u202fdBTP", tpDetail,
                tpStatus, problems);
    }

    /**
     * The "what (and where)" sentence of a finding's message: the advisor writes "What. This matters because
     * why. Try fix." and the report shows why and fix on their own lines.
     */
    static String what(String message) {
        return org.freshears.advice.Advisor.whatOf(message);
    }

    /** The finding's "what to try", pointing at the chain stage that answers it when there is one. */
    private static String fixWithStage(JsonNode f) {
        String fix = firstText(f, "fix", "suggestion", "tryThis", "action", "remedy");
        Double stage = Nodes.num(f, "chainStage");
        if (fix == null || stage == null) return fix;
        return fix + " (stage " + stage.intValue() + " of the suggested chain)";
    }

    private static List<Figure> figures(JsonNode doc) {
        List<Figure> out = new ArrayList<>();
        out.add(new Figure("Loudness range", Fmt.num(Nodes.num(doc, "loudness", "loudnessRangeLu"), 1, "LU"), "EBU Tech 3342"));
        out.add(new Figure("Short-term max", Fmt.num(Nodes.num(doc, "loudness", "shortTermMaxLufs"), 1, "LUFS"), "loudest 3 s"));
        out.add(new Figure("Sample peak", Fmt.num(Nodes.num(doc, "loudness", "samplePeakDbfs"), 1, "dBFS"), ""));
        out.add(new Figure("PLR", Fmt.num(Nodes.num(doc, "dynamics", "plrDb"), 1, "dB"), "true peak − integrated"));
        out.add(new Figure("Crest factor", Fmt.num(Nodes.num(doc, "dynamics", "crestFactorDb"), 1, "dB"), "peak over RMS"));
        out.add(new Figure("PSR (median)", Fmt.num(Nodes.num(doc, "dynamics", "psrMedianDb"), 1, "dB"), "peak over short-term"));
        out.add(new Figure("Correlation", Fmt.num(Nodes.num(doc, "stereo", "correlation"), 2), "1 mono, 0 wide, <0 phase trouble"));
        out.add(new Figure("Width", Fmt.num(Nodes.num(doc, "stereo", "width"), 2), "side share of the energy"));
        out.add(new Figure("Mono drop", Fmt.num(Nodes.num(doc, "stereo", "monoLoudnessDropLu"), 1, "LU"), "lost in mono"));
        out.add(new Figure("Tilt", Fmt.num(Nodes.num(doc, "spectrum", "tiltDbPerOctave"), 1, "dB/oct"), "100 Hz–10 kHz"));
        return out;
    }

    private static Plots plots(JsonNode doc, Platform p, Previous previous) {
        SvgTonal.Curve mix = tonalCurve(doc, "this mix");
        SvgTonal.Curve prev = previous == null ? null : tonalCurve(previous.doc(), previous.label());
        String genre = Nodes.text(doc, "genre", "target");
        String tonal = SvgTonal.draw(mix, targetBands(doc), referenceCurves(doc), prev,
                genre == null ? "genre" : genre);
        Double step = Nodes.num(doc, "timeline", "stepSeconds");
        double[] loudest = null;
        Double ls = Nodes.num(doc, "dynamics", "loudest", "startSeconds");
        Double le = Nodes.num(doc, "dynamics", "loudest", "endSeconds");
        if (ls != null && le != null) loudest = new double[]{ls, le};
        List<Double> shortTerm = Nodes.nums(doc, "timeline", "shortTermLufs");
        String timeline = step == null ? null : SvgTimeline.draw(step, shortTerm, p.integratedLufs(),
                Nodes.num(doc, "loudness", "integratedLufs"), loudest,
                p.label() + " " + Fmt.num(p.integratedLufs(), 0));
        List<SvgStereo.Band> bands = new ArrayList<>();
        for (JsonNode b : Nodes.list(doc, "stereo", "bands")) {
            bands.add(new SvgStereo.Band(Nodes.text(b, "band"), Nodes.num(b, "width"), Nodes.num(b, "correlation")));
        }
        String stereo = SvgStereo.draw(bands);
        JsonNode g = Nodes.at(doc, "stereo", "goniometer");
        List<Integer> cells = new ArrayList<>();
        for (Double v : Nodes.nums(g, "cells")) cells.add(v == null ? 0 : v.intValue());
        Double size = Nodes.num(g, "size");
        String gonio = size == null ? null : SvgGoniometer.draw(size.intValue(), cells, Nodes.num(doc, "stereo", "correlation"));
        List<SvgDynamics.Crest> crest = new ArrayList<>();
        for (JsonNode c : Nodes.list(doc, "dynamics", "bandCrest")) {
            crest.add(new SvgDynamics.Crest(Nodes.text(c, "band"), Nodes.num(c, "value")));
        }
        String dynamics = SvgDynamics.draw(crest, shortTerm);
        return new Plots(tonal, timeline, stereo, gonio, dynamics);
    }

    /** The mix's tonal curve: the 1/3-octave levels, else the smoothed curve, else the seven bands. */
    static SvgTonal.Curve tonalCurve(JsonNode doc, String label) {
        JsonNode spectrum = Nodes.first(doc, "spectrum");
        if (spectrum == null) spectrum = doc;
        List<double[]> pts = new ArrayList<>();
        for (JsonNode t : Nodes.list(spectrum, "thirdOctaves")) {
            Double f = Nodes.num(t, "centerHz");
            Double v = Nodes.num(t, "levelDb");
            if (f != null && v != null) pts.add(new double[]{f, v});
        }
        if (pts.isEmpty()) {
            List<Double> fs = Nodes.nums(spectrum, "curve", "freqHz");
            List<Double> vs = Nodes.nums(spectrum, "curve", "levelDb");
            for (int i = 0; i < Math.min(fs.size(), vs.size()); i++) {
                if (fs.get(i) != null && vs.get(i) != null) pts.add(new double[]{fs.get(i), vs.get(i)});
            }
        }
        if (pts.isEmpty()) {
            for (JsonNode b : Nodes.list(spectrum, "bands")) {
                Double lo = Nodes.num(b, "lowHz"), hi = Nodes.num(b, "highHz"), v = Nodes.num(b, "levelDb");
                if (lo != null && hi != null && v != null) pts.add(new double[]{Math.sqrt(lo * hi), v});
            }
        }
        return pts.isEmpty() ? null : new SvgTonal.Curve(label, pts);
    }

    /**
     * The genre's percentile bands per frequency: the model's {@code genre.positions[]} for the 1/3-octave
     * features ({@code third.<Hz>}), or an explicit {@code genre.profile.thirdOctaves[]}.
     */
    static List<SvgTonal.TargetBand> targetBands(JsonNode doc) {
        List<SvgTonal.TargetBand> out = new ArrayList<>();
        for (JsonNode r : Nodes.list(doc, "genre", "positions")) {
            String feature = Nodes.text(r, "feature");
            if (feature == null || !feature.startsWith("third.")) continue;
            try {
                band(out, Double.parseDouble(feature.substring(6)), r);
            } catch (NumberFormatException ignored) {
                // not a frequency
            }
        }
        if (out.isEmpty()) {
            for (JsonNode r : Nodes.list(doc, "genre", "profile", "thirdOctaves")) {
                Double f = Nodes.num(r, "centerHz");
                if (f != null) band(out, f, r);
            }
        }
        out.sort(java.util.Comparator.comparingDouble(SvgTonal.TargetBand::freqHz));
        return out;
    }

    private static void band(List<SvgTonal.TargetBand> out, double hz, JsonNode q) {
        Double p10 = Nodes.num(q, "p10"), p25 = Nodes.num(q, "p25"), p50 = Nodes.num(q, "p50"),
                p75 = Nodes.num(q, "p75"), p90 = Nodes.num(q, "p90");
        if (p10 == null || p90 == null) return;
        out.add(new SvgTonal.TargetBand(hz, p10, p25 == null ? p10 : p25, p50 == null ? (p10 + p90) / 2 : p50,
                p75 == null ? p90 : p75, p90));
    }

    /** The user's reference tracks, when the document carries their spectra. */
    static List<SvgTonal.Curve> referenceCurves(JsonNode doc) {
        List<SvgTonal.Curve> out = new ArrayList<>();
        List<JsonNode> refs = Nodes.list(doc, "references");
        if (refs.isEmpty()) refs = Nodes.list(doc, "comparison", "references");
        for (JsonNode r : refs) {
            String name = baseName(firstText(r, "name", "title", "path"));
            if (name.equals("Untitled mix")) name = baseName(Nodes.text(r, "file", "path"));
            SvgTonal.Curve c = tonalCurve(r, name);
            if (c != null) out.add(c);
        }
        return out;
    }

    private static List<FindingView> findings(JsonNode doc) {
        List<FindingView> out = new ArrayList<>();
        for (JsonNode f : Nodes.list(doc, "findings")) {
            String unit = Nodes.text(f, "unit");
            unit = unit == null ? "" : unit;
            Double lo = Nodes.num(f, "targetLow"), hi = Nodes.num(f, "targetHigh");
            String target = lo == null && hi == null ? null
                    : lo == null ? "at most " + Fmt.num(hi, 1) + " " + unit
                    : hi == null ? "at least " + Fmt.num(lo, 1) + " " + unit
                    : Fmt.num(lo, 1) + " to " + Fmt.num(hi, 1) + " " + unit;
            Double m = Nodes.num(f, "measured");
            Double s = Nodes.num(f, "startSeconds"), e = Nodes.num(f, "endSeconds");
            String where = s == null ? "whole track"
                    : e == null || Fmt.clock(s).equals(Fmt.clock(e)) ? "at " + Fmt.clock(s)   // not "2:13–2:13"
                    : Fmt.clock(s) + "–" + Fmt.clock(e);
            out.add(new FindingView(orDefault(Nodes.text(f, "severity"), "low"), Nodes.text(f, "code"),
                    what(Nodes.text(f, "message")), where, m == null ? null : Fmt.num(m, 1) + " " + unit, target,
                    firstText(f, "why", "reason", "explanation"), fixWithStage(f)));
        }
        return out;
    }

    private static List<Prediction> predictions(JsonNode doc) {
        List<Prediction> out = new ArrayList<>();
        for (JsonNode g : Nodes.list(doc, "genre", "predicted")) {
            Double p = Nodes.num(g, "probability");
            if (out.size() < 5 && p != null) out.add(new Prediction(Nodes.text(g, "genre"), Fmt.percent(p), p));
        }
        return out;
    }

    private static List<Reference> nearest(JsonNode doc) {
        JsonNode n = Nodes.first(Nodes.at(doc, "genre"), "nearest", "nearestReferences", "neighbours", "neighbors");
        if (n == null) n = Nodes.first(doc, "nearestReferences", "nearest");
        List<Reference> out = new ArrayList<>();
        if (n == null || !n.isArray()) return out;
        for (JsonNode r : n) {
            if (out.size() == 3) break;
            String name = firstText(r, "title", "name");
            if (name == null) name = baseName(firstText(r, "path", "file", "id"));
            Double d = Nodes.num(Nodes.first(r, "distance"));
            Double sim = Nodes.num(Nodes.first(r, "similarity"));
            String detail = sim != null ? Fmt.percent(sim) + " similar" : d != null ? "distance " + Fmt.num(d, 2) : "";
            out.add(new Reference(name, orDefault(firstText(r, "genre"), ""), detail));
        }
        return out;
    }

    private static List<String> warnings(JsonNode doc) {
        List<String> out = new ArrayList<>();
        for (JsonNode w : Nodes.list(doc, "warnings")) if (w.isTextual()) out.add(w.asText());
        return out;
    }

    private static Changes changes(JsonNode doc, Previous previous) {
        if (previous == null || previous.doc() == null) return null;
        Set<String> before = codes(previous.doc());
        Set<String> now = codes(doc);
        List<String> fixed = new ArrayList<>(), added = new ArrayList<>(), kept = new ArrayList<>();
        for (String c : before) (now.contains(c) ? kept : fixed).add(c);
        for (String c : now) if (!before.contains(c)) added.add(c);
        List<Move> tonal = tonalMoves(previous.doc(), doc);
        List<String> moved = new ArrayList<>();
        for (Move m : tonal) if (m.delta() != null && Math.abs(m.delta()) >= TONAL_MOVE_DB) moved.add(m.name() + " " + m.text());
        String summary = tonal.isEmpty() ? null : moved.isEmpty()
                ? "The tonal balance is unchanged: every band is within " + Fmt.num(TONAL_MOVE_DB, 1, "dB") + " of " + previous.label() + "."
                : "Against " + previous.label() + ", relative to the whole spectrum: " + String.join(", ", moved)
                        + (moved.size() < tonal.size() ? "; the other bands moved less than " + Fmt.num(TONAL_MOVE_DB, 1, "dB") : "") + ".";
        List<Move> figures = new ArrayList<>();
        figures.add(move("Integrated loudness", previous.doc(), doc, 1, "LU", "LUFS", "loudness", "integratedLufs"));
        figures.add(move("True peak", previous.doc(), doc, 1, "dB", "dBTP", "loudness", "truePeakDbtp"));
        figures.add(move("Loudness range", previous.doc(), doc, 1, "LU", "LU", "loudness", "loudnessRangeLu"));
        figures.add(move("PLR", previous.doc(), doc, 1, "dB", "dB", "dynamics", "plrDb"));
        figures.add(move("Width", previous.doc(), doc, 2, "", "", "stereo", "width"));
        figures.add(move("Tilt", previous.doc(), doc, 2, "dB/oct", "dB/oct", "spectrum", "tiltDbPerOctave"));
        return new Changes(previous.label(), previous.href(), fixed, added, kept, tonal, summary, figures,
                yardstickNote(previous, doc));
    }

    /**
     * When the two versions were judged against different yardsticks (another target genre, or references on one
     * side only), the findings can come and go with that alone: say so, or "fixed" misleads.
     */
    static String yardstickNote(Previous previous, JsonNode doc) {
        String was = yardstick(previous.doc()), now = yardstick(doc);
        if (was == null || now == null || was.equals(now)) return null;
        return Fmt.capitalise(previous.label()) + " was judged against " + was + ", this one against " + now
                + ": a finding can come or go with that change alone, so fixed and new below are not all the mix's"
                + " doing. " + (was.startsWith("your") || now.startsWith("your")
                        ? "Give both versions the same references (or the same genre) to compare like with like."
                        : "Choose the genre on the upload page to compare like with like.");
    }

    /** What a document's tonal, dynamics and stereo findings were judged against, in words; null if unknown. */
    private static String yardstick(JsonNode doc) {
        if (!Nodes.list(doc, "references").isEmpty()) return "your reference tracks";
        String genre = Nodes.text(doc, "genre", "target");
        return genre == null ? null : "typical " + genre + " masters";
    }

    /** Each named band's level change (dB, relative to the 20 Hz–20 kHz total) from {@code before} to {@code after}. */
    static List<Move> tonalMoves(JsonNode before, JsonNode after) {
        Map<String, Double> was = new LinkedHashMap<>();
        for (JsonNode b : Nodes.list(before, "spectrum", "bands")) was.put(Nodes.text(b, "name"), Nodes.num(b, "levelDb"));
        List<Move> out = new ArrayList<>();
        for (JsonNode b : Nodes.list(after, "spectrum", "bands")) {
            String name = Nodes.text(b, "name");
            Double now = Nodes.num(b, "levelDb"), then = was.get(name);
            if (name == null || now == null || then == null) continue;
            double d = Math.round((now - then) * 10) / 10.0;
            out.add(new Move(name, d, signed(d, 1, "dB")));
        }
        return out;
    }

    /** A figure's move: the change in {@code deltaUnit}, then from → to in {@code unit}. */
    private static Move move(String label, JsonNode before, JsonNode after, int decimals, String deltaUnit, String unit,
                             String... path) {
        Double a = Nodes.num(before, path), b = Nodes.num(after, path);
        if (a == null || b == null) return new Move(label, null, Fmt.NONE);
        double scale = Math.pow(10, decimals);
        double d = Math.round((b - a) * scale) / scale;
        return new Move(label, d, signed(d, decimals, deltaUnit) + "  (" + withUnit(a, decimals, unit) + " → "
                + withUnit(b, decimals, unit) + ")");
    }

    private static String withUnit(double v, int decimals, String unit) {
        return unit.isEmpty() ? Fmt.num(v, decimals) : Fmt.num(v, decimals, unit);
    }

    private static String signed(double d, int decimals, String unit) {
        return Fmt.signed(d, decimals) + (unit.isEmpty() ? "" : "\u202f" + unit);
    }

    private static Set<String> codes(JsonNode doc) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode f : Nodes.list(doc, "findings")) {
            String c = Nodes.text(f, "code");
            if (c != null) out.add(c);
        }
        return out;
    }

    private static String firstText(JsonNode n, String... names) {
        for (String name : names) {
            String t = Nodes.text(n, name);
            if (t != null && !t.isBlank()) return t;
        }
        return null;
    }

    private static String orDefault(String s, String d) {
        return s == null ? d : s;
    }
}
