package org.freshears.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.freshears.advice.Platform;
import org.freshears.util.Json;
import org.junit.jupiter.api.Test;

/** The "since version N" section: findings fixed or new, and how the tonal curve and the key figures moved. */
class VersionChangesTest {

    private static JsonNode doc(double lowMids, double air, double lufs, String... codes) throws Exception {
        StringBuilder findings = new StringBuilder();
        for (String c : codes) {
            if (findings.length() > 0) findings.append(',');
            findings.append("{\"code\":\"").append(c).append("\",\"severity\":\"medium\",\"message\":\"m\"}");
        }
        return Json.mapper().readTree("""
                {"schema":"freshears.analysis/1","file":{"path":"song.wav"},
                 "loudness":{"integratedLufs":%s,"truePeakDbtp":-1.0,"loudnessRangeLu":6.0},
                 "spectrum":{"bands":[{"name":"bass","levelDb":-6.0},{"name":"lowMids","levelDb":%s},
                                      {"name":"air","levelDb":%s}]},
                 "findings":[%s],"warnings":[]}""".formatted(lufs, lowMids, air, findings));
    }

    @Test
    void theTonalMoveIsSummarisedBandByBand() throws Exception {
        JsonNode v1 = doc(-12.0, -20.0, -16.0, "tonal.lowMids.lack", "loudness.tooQuiet");
        JsonNode v2 = doc(-9.0, -20.3, -14.0, "peaks.truePeakOver");
        ReportView.Changes c = ReportView.of(v2, Platform.SPOTIFY, null,
                new ReportView.Previous(v1, "version 1", "/analyses/x")).changes();
        assertEquals(List.of("tonal.lowMids.lack", "loudness.tooQuiet"), c.fixed());
        assertEquals(List.of("peaks.truePeakOver"), c.added());
        assertEquals(3, c.tonal().size());
        assertEquals(0.0, c.tonal().get(0).delta(), 1e-9);
        assertEquals(3.0, c.tonal().get(1).delta(), 1e-9);
        assertEquals(-0.3, c.tonal().get(2).delta(), 1e-9);
        // only the band that moved by 0.5 dB or more is named
        assertTrue(c.tonalSummary().contains("lowMids +3.0"), c.tonalSummary());
        assertTrue(!c.tonalSummary().contains("air"), c.tonalSummary());
        assertEquals(2.0, c.figures().getFirst().delta(), 1e-9);
        assertTrue(c.figures().getFirst().text().contains("−16.0\u202fLUFS → −14.0\u202fLUFS"), c.figures().getFirst().text());
        String html = HtmlReport.render(v2, Platform.SPOTIFY, null, new ReportView.Previous(v1, "version 1", "/a/x"), null);
        assertTrue(html.contains("How the tonal curve moved"));
        assertTrue(html.contains("lowMids +3.0"));
    }

    @Test
    void anUnchangedCurveSaysSo() throws Exception {
        JsonNode v1 = doc(-12.0, -20.0, -16.0);
        ReportView.Changes c = ReportView.of(doc(-12.2, -19.8, -16.0), Platform.SPOTIFY, null,
                new ReportView.Previous(v1, "version 1", null)).changes();
        assertTrue(c.tonalSummary().startsWith("The tonal balance is unchanged"), c.tonalSummary());
    }

    private static JsonNode withGenre(JsonNode doc, String genre) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) doc.deepCopy();
        o.set("genre", Json.mapper().readTree("{\"target\":\"" + genre + "\",\"source\":\"predicted\"}"));
        return o;
    }

    @Test
    void aChangeOfTargetGenreBetweenVersionsIsSaidOutLoud() throws Exception {
        JsonNode v1 = withGenre(doc(-12.0, -20.0, -16.0, "dynamics.overCompressed"), "chiptune");
        JsonNode v2 = withGenre(doc(-12.0, -20.0, -16.0), "rock");
        ReportView.Changes c = ReportView.of(v2, Platform.SPOTIFY, null,
                new ReportView.Previous(v1, "version 1", "/analyses/x")).changes();
        assertEquals(List.of("dynamics.overCompressed"), c.fixed());
        assertTrue(c.yardstickNote().startsWith("Version 1 was judged against typical chiptune masters, this one against"
                + " typical rock masters"), c.yardstickNote());
        String html = HtmlReport.render(v2, Platform.SPOTIFY, null, new ReportView.Previous(v1, "version 1", "/a/x"), null);
        assertTrue(html.contains("judged against typical chiptune masters"));
        // the same genre on both sides: no note
        ReportView.Changes same = ReportView.of(withGenre(v2, "chiptune"), Platform.SPOTIFY, null,
                new ReportView.Previous(v1, "version 1", null)).changes();
        assertEquals(null, same.yardstickNote());
    }
}
