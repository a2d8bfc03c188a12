package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.freshears.model.FeaturePosition;
import org.junit.jupiter.api.Test;

/** The compare table's position column: how far past the references, in the feature's own unit. */
class CompareTableTest {

    @Test
    void oneReferenceGivesTheDifferenceNotAHugeCountOfBandWidths() {
        // one reference: p10 = p50 = p90, the band has no width
        FeaturePosition above = new FeaturePosition("band.lowMids", 1, -6.26, -10.74, -10.74, -10.74, -10.74, -10.74, 100, 99);
        assertEquals("above the references by 4.48", CompareCommand.position(above));
        FeaturePosition below = new FeaturePosition("band.highs", 1, -20.95, -13.61, -13.61, -13.61, -13.61, -13.61, 0, -99);
        assertEquals("below the references by 7.34", CompareCommand.position(below));
    }

    @Test
    void severalReferencesAlsoGiveBandWidths() {
        FeaturePosition p = new FeaturePosition("band.bass", 6, -2.0, -8.0, -7.0, -6.0, -5.0, -4.0, 100, 0.5);
        assertEquals("above the references by 2.00 (0.50 band widths)", CompareCommand.position(p));
        FeaturePosition low = new FeaturePosition("band.bass", 6, -10.0, -8.0, -7.0, -6.0, -5.0, -4.0, 0, -0.5);
        assertEquals("below the references by 2.00 (0.50 band widths)", CompareCommand.position(low));
        FeaturePosition in = new FeaturePosition("band.bass", 6, -6.0, -8.0, -7.0, -6.0, -5.0, -4.0, 50, 0);
        assertEquals("within (about the 50th percentile)", CompareCommand.position(in));
    }
}
