package org.freshears.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.freshears.advice.Platform;
import org.freshears.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @Test
    void fullDocumentHasHeadlinePlotsAndEscapedText() {
        JsonNode doc = Fixtures.fullDocument(1, 0);
        String html = HtmlReport.render(doc, Platform.SPOTIFY, null,
                new ReportView.Previous(Fixtures.fullDocument(2, 0.8), "version 1", "/analyses/abc"), null);
        try {
            Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "freshears-report-fixture.html"), html);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(html.contains("my-song_v2.wav"));
        assertTrue(html.contains("71\u202f%"), "genre confidence");
        assertTrue(html.contains("above the Spotify target"));
        for (String id : new String[]{"plot-tonal", "plot-timeline", "plot-dynamics", "plot-stereo", "plot-goniometer"}) {
            int at = html.indexOf("id=\"" + id + "\"");
            assertTrue(at > 0, id);
            assertTrue(html.indexOf("<svg", at) > at && html.indexOf("<svg", at) < html.indexOf("</div>", html.indexOf("</svg>", at)) + 10, id + " has a plot");
        }
        assertFalse(html.contains("<script>alert(1)"), "text is escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)"));
        assertFalse(html.contains("not measured"));
        assertFalse(html.contains("id=\"chain\""), "static export has no chain editor");
    }

    @Test
    void emptyDocumentSaysNotMeasured(@TempDir Path dir) throws Exception {
        JsonNode doc = Json.mapper().readTree("{\"schema\":\"freshears.analysis/1\",\"file\":{\"path\":\"/x/a.wav\"},"
                + "\"loudness\":null,\"findings\":[],\"warnings\":[]}");
        Path out = dir.resolve("r.html");
        HtmlReport.write(doc, Platform.APPLE, out);
        String html = Files.readString(out);
        assertTrue(html.contains("a.wav"));
        assertTrue(html.contains("Tonal balance: not measured."));
        assertTrue(html.contains("Nothing stands out"));
        assertFalse(html.contains("<svg"));
        // written with the permissions any new file gets here (not a temp file's 0600), and nothing left beside it
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
        try (var files = Files.list(dir)) {
            assertEquals(java.util.Set.of("r.html", "plain.txt"),
                    files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void liveReportCarriesTheChainEditor() {
        String html = HtmlReport.render(Fixtures.fullDocument(1, 0), Platform.SPOTIFY, null, null,
                new HtmlReport.Live("abc123", HtmlReport.scriptJson(Json.mapper().createObjectNode()
                        .putArray("stages").addObject().put("type", "limiter").put("ceilingDbtp", -1.0)), "/api/analyses/abc123/audio"));
        assertTrue(html.contains("id=\"chain\""));
        assertTrue(html.contains("\"abc123\""));
    }

    @Test
    void aPredictedGenreIsShownWithTheModelsMeasuredAccuracy() {
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode) Fixtures.fullDocument(1, 0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("genre")).put("modelAccuracy", 0.46).put("source", "predicted");
        String html = HtmlReport.render(doc, Platform.SPOTIFY, null, null, null);
        assertTrue(html.contains("the model names the right genre for 46"), "the headline weighs the guess");
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("genre")).put("source", "user");
        assertTrue(HtmlReport.render(doc, Platform.SPOTIFY, null, null, null).contains("chosen target"));
    }

    @Test
    void theStaticReportShowsTheSuggestedChainInWords() throws Exception {
        JsonNode doc = Json.mapper().readTree("""
                {"schema":"freshears.analysis/1","file":{"path":"/x/a.wav"},"loudness":null,"findings":[],"warnings":[],
                 "chain":{"amount":60,"stages":[
                   {"type":"eq","bands":[{"kind":"bell","freqHz":400,"gainDb":-2.5,"q":1.0,"channel":"mid"},
                                         {"kind":"highpass","freqHz":25,"gainDb":0,"q":0.70710678,"channel":"stereo"}],
                    "reason":"tonal.lowMids.excess: cut the low mids"},
                   {"type":"stereo","bands":[{"lowHz":500,"highHz":2000,"width":1.1}],"monoBelowHz":120},
                   {"type":"limiter","ceilingDbtp":-1.0,"lookaheadMs":3,"releaseMs":80}]}}""");
        java.util.List<ReportView.StageView> chain = ReportView.chain(doc);
        String n = "\u202f";
        assertEquals(3, chain.size());
        assertEquals("1. eq", chain.get(0).title());
        assertEquals(java.util.List.of("bell · 400" + n + "Hz · gain \u22122.5" + n + "dB · q 1 · mid",
                "highpass · 25" + n + "Hz · q 0.71 · stereo"), chain.get(0).settings());
        assertEquals("tonal.lowMids.excess: cut the low mids", chain.get(0).reason());
        assertEquals(java.util.List.of("mono below 120" + n + "Hz", "500–2000" + n + "Hz · width 1.1"), chain.get(1).settings());
        assertEquals(java.util.List.of("ceiling \u22121" + n + "dBTP · lookahead 3" + n + "ms · release 80" + n + "ms"),
                chain.get(2).settings());
        String html = HtmlReport.render(doc, Platform.SPOTIFY, null, null, null);
        assertTrue(html.contains("Suggested mastering chain"));
        assertTrue(html.contains("60" + n + "%"));
        assertTrue(html.contains("3. limiter"));
        String live = HtmlReport.render(doc, Platform.SPOTIFY, null, null, new HtmlReport.Live("abc", "{}", "/a"));
        assertFalse(live.contains("Suggested mastering chain"), "the live report has the editor instead");
    }
}
