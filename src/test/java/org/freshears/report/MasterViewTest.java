package org.freshears.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.freshears.util.Json;
import org.junit.jupiter.api.Test;

class MasterViewTest {

    @Test
    void findingOutcomesFollowTheClosedLoopsChecksAndShowOnlyTheWhat() throws Exception {
        JsonNode result = Json.mapper().readTree("""
                {"before": {"findings": [
                   {"code": "tonal.lowMids.excess", "message": "The low-mids sit 3 dB high. This matters because mud. What to try: a cut.",
                    "measured": -6.0, "targetLow": -12.0, "targetHigh": -8.0},
                   {"code": "peaks.truePeakOver", "message": "True peak is +1 dBTP.", "measured": 1.0, "targetHigh": -1.0}]},
                 "after": {"findings": [
                   {"code": "tonal.lowMids.excess", "message": "The low-mids sit 2.9 dB high.", "measured": -6.1,
                    "targetLow": -12.0, "targetHigh": -8.0},
                   {"code": "stereo.tooWide", "message": "Too wide.", "measured": 0.6, "targetHigh": 0.5}]},
                 "checks": [{"name": "finding tonal.lowMids.excess", "passed": true, "measured": "improved", "target": "fixed or improved"}]}
                """);
        MasterView v = MasterView.of(result, "x");
        assertEquals(3, v.outcomes().size());
        // by its own 0.8/1.2 rule the page would call -6.0 -> -6.1 "unchanged"; the loop's verdict wins
        assertEquals("improved", v.outcomes().get(0).status());
        assertEquals("The low-mids sit 3 dB high.", v.outcomes().get(0).message());
        assertEquals("fixed", v.outcomes().get(1).status(), "gone after the render, no check row: fixed");
        assertEquals("new", v.outcomes().get(2).status());
    }

    @Test
    void aCheckOnAFrameCountShowsWholeNumbersAndLevelsOneDecimal() throws Exception {
        JsonNode result = Json.mapper().readTree("""
                {"before": {"findings": []}, "after": {"findings": []},
                 "checks": [{"name": "length preserved", "passed": true, "measured": 9094391, "target": 9094391},
                            {"name": "loudness on target", "passed": true, "measured": -14.04, "target": "-14.00 ± 0.2 LUFS"}]}
                """);
        MasterView v = MasterView.of(result, "x");
        assertEquals("9094391", v.checks().get(0).measured());
        assertEquals("9094391", v.checks().get(0).target());
        assertEquals("−14.0", v.checks().get(1).measured().replace('-', '−'));
    }
}
