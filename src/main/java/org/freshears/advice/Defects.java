package org.freshears.advice;

import java.util.List;
import java.util.Map;
import org.freshears.analysis.DefectFindings;
import org.freshears.analysis.Finding;
import org.freshears.analysis.MixFeatures;

/**
 * The measurable defects that need no genre (clipping, true-peak overs against the delivery ceiling, phase,
 * balance, DC, silence padding, band limiting) come from the analyser's {@link DefectFindings}, judged against
 * the delivery target's ceiling. Their messages stay as the analyser wrote them; the structured {@code why} and
 * {@code fix} fields are added from {@link FindingText}.
 */
final class Defects {
    private Defects() {}

    static List<Finding> of(MixFeatures f, DeliveryTarget t) {
        Map<String, String> values = Map.of("ceiling", Advisor.num1(t.truePeakCeilingDbtp()),
                "target", Advisor.num1(t.integratedLufs()), "platform", t.name());
        return DefectFindings.of(f, t.truePeakCeilingDbtp()).stream().map(d -> enrich(d, values)).toList();
    }

    static Finding enrich(Finding d, Map<String, String> values) {
        FindingText.Template t = FindingText.of(d.code());
        if (t == null || d.why() != null) return d;
        return new Finding(d.code(), d.severity(), d.message(), d.measured(), d.targetLow(), d.targetHigh(), d.unit(),
                d.startSeconds(), d.endSeconds(), FindingText.fill(t.why(), values), FindingText.fill(t.fix(), values), null);
    }
}
