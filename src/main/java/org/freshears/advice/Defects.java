package org.freshears.advice;

import java.util.List;
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
        return DefectFindings.of(f, t.truePeakCeilingDbtp()).stream().map(Defects::enrich).toList();
    }

    static Finding enrich(Finding d) {
        FindingText.Template t = FindingText.of(d.code());
        if (t == null || d.why() != null) return d;
        return new Finding(d.code(), d.severity(), d.message(), d.measured(), d.targetLow(), d.targetHigh(), d.unit(),
                d.startSeconds(), d.endSeconds(), t.why(), t.fix(), null);
    }
}
