package org.freshears.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.freshears.model.FeatureStats;
import org.freshears.model.GenreProfile;
import org.junit.jupiter.api.Test;

class GenreTargetProfileTest {

    static FeatureStats stats(String name, int n, double p50) {
        return new FeatureStats(name, n, p50 - 2, p50 - 1, p50, p50 + 1, p50 + 2);
    }

    @Test
    void modelFeatureNamesBecomeTheAdvisorsKeys() {
        GenreProfile g = new GenreProfile("electronic", 39, false, List.of(
                stats("band.lowMids", 39, -10), stats("third.31.5", 39, -20), stats("third.12500", 30, -25),
                stats("plrDb", 39, 8), stats("psrMedianDb", 39, 9), stats("loudnessRangeLu", 39, 6),
                stats("crestFactorDb", 39, 12), stats("width", 39, 0.2), stats("lowEndWidth", 39, 0.02),
                stats("width.bass", 39, 0.05), stats("correlation.bass", 39, 0.9), stats("tiltDbPerOctave", 39, -4.5)));
        TargetProfile p = TargetProfile.ofGenre(g);
        assertEquals("model", p.source());
        assertEquals("typical electronic masters", p.label());
        assertEquals(-10, p.get(ProfileKeys.band("lowMids")).p50());
        assertEquals(-20, p.get(ProfileKeys.third(31.5)).p50());
        assertEquals(-25, p.get(ProfileKeys.third(12500)).p50());
        assertEquals(8, p.get(ProfileKeys.PLR).p50());
        assertEquals(9, p.get(ProfileKeys.PSR).p50());
        assertEquals(6, p.get(ProfileKeys.LRA).p50());
        assertEquals(12, p.get(ProfileKeys.CREST).p50());
        assertEquals(0.2, p.get(ProfileKeys.WIDTH).p50());
        assertEquals(0.02, p.get(ProfileKeys.LOW_END_WIDTH).p50());
        assertEquals(0.05, p.get(ProfileKeys.bandWidth("bass")).p50());
        assertEquals(10, p.features().size(), "correlation per band and tilt have no advisor key: " + p.features().keySet());
        assertNull(p.integratedLufs(), "a genre sets no loudness; the platform does");
    }

    @Test
    void missingFeaturesAreLeftOutAndThinProfilesSaySo() {
        GenreProfile g = new GenreProfile("jazz", 3, true, List.of(stats("band.air", 0, Double.NaN), stats("band.bass", 3, -5)));
        TargetProfile p = TargetProfile.ofGenre(g);
        assertNull(p.get(ProfileKeys.band("air")));
        assertEquals(-5, p.get(ProfileKeys.band("bass")).p50());
        assertTrue(p.label().contains("the only 3 ") && p.label().contains("tracks in the model"), p.label());
    }

    @Test
    void aFewTracksGiveAtLeastTheSingleReferenceToleranceButAGenreOfManyKeepsItsRange() {
        // five tracks whose mids happen to lie within 0.64 dB: 1.2 dB above their median is not a finding
        FeatureStats narrow = new FeatureStats("band.mids", 5, -8.32, -8.1, -8.0, -7.9, -7.68);
        Percentiles few = TargetProfile.ofGenre(new GenreProfile("spacey", 5, false, List.of(narrow)))
                .get(ProfileKeys.band("mids"));
        assertEquals(-9.5, few.p10(), 1e-12);
        assertEquals(-6.5, few.p90(), 1e-12);
        assertEquals(0, few.outside(-6.8));
        assertTrue(few.outside(-4.0) > 0);
        // with 40 tracks the measured range is trusted as it is
        Percentiles many = TargetProfile.ofGenre(new GenreProfile("spacey", 40, false,
                List.of(new FeatureStats("band.mids", 40, -8.32, -8.1, -8.0, -7.9, -7.68)))).get(ProfileKeys.band("mids"));
        assertEquals(-8.32, many.p10(), 1e-12);
        assertEquals(-7.68, many.p90(), 1e-12);
        assertEquals(-8.1, many.p25(), 1e-12);
    }
}
