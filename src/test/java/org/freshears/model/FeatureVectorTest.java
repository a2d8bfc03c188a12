package org.freshears.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.freshears.analysis.BandStereo;
import org.freshears.analysis.BandValue;
import org.freshears.analysis.DynamicsStats;
import org.freshears.analysis.FileInfo;
import org.freshears.analysis.LoudnessStats;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.SpectralBalance;
import org.freshears.analysis.SpectrumBand;
import org.freshears.analysis.StereoImage;
import org.freshears.analysis.ThirdOctaveBand;
import org.junit.jupiter.api.Test;

class FeatureVectorTest {

    /** A mix whose every band reads -10 dB (third octaves -20 dB), with the given effective bandwidth. */
    static MixFeatures mix(Double bandwidthHz, double integratedLufs) {
        List<SpectrumBand> bands = new ArrayList<>();
        List<BandStereo> stereo = new ArrayList<>();
        List<BandValue> crest = new ArrayList<>();
        for (int b = 0; b < FeatureVector.BANDS.size(); b++) {
            String name = FeatureVector.BANDS.get(b);
            bands.add(new SpectrumBand(name, FeatureVector.BAND_LOW_HZ[b], FeatureVector.BAND_HIGH_HZ[b], -10.0 - b));
            stereo.add(new BandStereo(name, 0.5, 0.2));
            crest.add(new BandValue(name, 12.0));
        }
        List<ThirdOctaveBand> thirds = new ArrayList<>();
        for (double c : FeatureVector.THIRD_OCTAVE_CENTRES_HZ) {
            thirds.add(new ThirdOctaveBand(c, c / Math.pow(2, 1 / 6.0), c * Math.pow(2, 1 / 6.0), -20.0, -21.0, -30.0));
        }
        var spectrum = new SpectralBalance(bands, thirds, -4.5, bandwidthHz, null);
        var dynamics = new DynamicsStats(14.0, 11.0, 9.5, 7.0, 12.0, 6.5, crest, 10.0, 15.0, null, null);
        var st = new StereoImage(0.8, 0.15, 0.7, stereo, 0.02, 0.1, false, null);
        var loudness = new LoudnessStats(integratedLufs, integratedLufs + 5, integratedLufs + 3, 6.5, -1.0, -0.8,
                integratedLufs - 10, integratedLufs - 5, integratedLufs + 1, 0L);
        var file = new FileInfo("x.wav", 44100, 2, 60.0, "wav", "pcm16", 44100 * 60L, 0);
        var texture = new org.freshears.analysis.Texture(3.5, 124.0, 0.6, 0.4, -18.0, 0.7);
        return new MixFeatures(file, loudness, dynamics, spectrum, st, null, null, List.of(), List.of(), List.of(),
                texture);
    }

    @Test
    void namesAreFixedUniqueAndInOrder() {
        assertEquals(7 + 31 + 13 + 21 + 6, FeatureVector.NAMES.size());
        assertEquals("texture.onsetsPerSecond", FeatureVector.NAMES.get(72), "texture comes last: older columns keep their places");
        assertEquals(FeatureVector.NAMES.size(), FeatureVector.NAMES.stream().distinct().count());
        assertEquals("band.sub", FeatureVector.NAMES.getFirst());
        assertEquals("third.20", FeatureVector.NAMES.get(7));
        assertEquals("third.31.5", FeatureVector.NAMES.get(9));
        assertEquals("third.20000", FeatureVector.NAMES.get(37));
        assertTrue(FeatureVector.NAMES.stream().noneMatch(n -> n.toLowerCase().contains("lufs")),
                "loudness itself is not a genre feature");
    }

    @Test
    void aFullBandMixHasEveryFeature() {
        FeatureVector v = FeatureVector.of(mix(20500.0, -14));
        for (int i = 0; i < v.size(); i++) assertTrue(Double.isFinite(v.get(i)), FeatureVector.NAMES.get(i));
        assertEquals(-16.0, v.get("band.air"));
        assertEquals(-20.0, v.get("third.1000"));
        assertEquals(-4.5, v.get("tiltDbPerOctave"));
        assertEquals(0.2, v.get("width.air"));
        assertEquals(12.0, v.get("crest.air"));
        assertEquals(6.5, v.get("loudnessRangeLu"));
        assertEquals(124.0, v.get("texture.tempoBpm"));
        assertEquals(-18.0, v.get("texture.flatnessDb"));
    }

    @Test
    void bandsAboveTheBandwidthAreMissingNotSilent() {
        FeatureVector v = FeatureVector.of(mix(16000.0, -14));
        assertTrue(Double.isNaN(v.get("band.air")));
        assertTrue(Double.isNaN(v.get("width.air")));
        assertTrue(Double.isNaN(v.get("correlation.air")));
        assertTrue(Double.isNaN(v.get("crest.air")));
        assertTrue(Double.isNaN(v.get("third.16000")));
        assertTrue(Double.isNaN(v.get("third.20000")));
        assertEquals(-20.0, v.get("third.12500"));
        assertEquals(-15.0, v.get("band.highs"));
        assertEquals(12.0, v.get("crest.highs"));
    }

    @Test
    void featuresDoNotDependOnTheLevel() {
        double[] quiet = FeatureVector.of(mix(null, -23)).values();
        double[] loud = FeatureVector.of(mix(null, -7)).values();
        assertEquals(java.util.Arrays.toString(quiet), java.util.Arrays.toString(loud));
    }

    @Test
    void missingBlocksGiveNaNAndSilentBandsTheFloor() {
        var file = new FileInfo("x.wav", 44100, 2, 0.0, "wav", "pcm16", 0, 0);
        FeatureVector empty = FeatureVector.of(new MixFeatures(file, null, null, null, null, null, null, List.of(),
                List.of(), List.of()));
        for (int i = 0; i < empty.size(); i++) assertTrue(Double.isNaN(empty.get(i)));
        MixFeatures m = mix(20000.0, -14);
        List<SpectrumBand> bands = new ArrayList<>(m.spectrum().bands());
        bands.set(0, new SpectrumBand("sub", 20, 60, Double.NEGATIVE_INFINITY));
        var s = new SpectralBalance(bands, m.spectrum().thirdOctaves(), -3.0, 20000.0, null);
        FeatureVector v = FeatureVector.of(new MixFeatures(m.file(), m.loudness(), m.dynamics(), s, m.stereo(), null,
                null, List.of(), List.of(), List.of()));
        assertEquals(FeatureVector.FLOOR_DB, v.get("band.sub"));
        assertFalse(Double.isNaN(v.get("band.bass")));
    }

    @Test
    void theVectorIsImmutableAndSized() {
        double[] raw = new double[FeatureVector.NAMES.size()];
        FeatureVector v = new FeatureVector(raw);
        raw[0] = 5;
        assertEquals(0, v.get(0));
        v.values()[0] = 7;
        assertEquals(0, v.get(0));
        assertThrows(IllegalArgumentException.class, () -> new FeatureVector(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> v.get("loudness"));
    }
}
