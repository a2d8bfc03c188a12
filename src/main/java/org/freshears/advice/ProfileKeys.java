package org.freshears.advice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.freshears.analysis.BandStereo;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.SpectrumBand;
import org.freshears.analysis.ThirdOctaveBand;

/**
 * Names of the features a {@link TargetProfile} holds percentiles for, and how to read them off
 * {@link MixFeatures}. One flat namespace so that genre models and reference sets speak the same language.
 */
public final class ProfileKeys {
    public static final List<String> BANDS = List.of("sub", "bass", "lowMids", "mids", "upperMids", "highs", "air");
    public static final double[][] BAND_EDGES_HZ = {{20, 60}, {60, 250}, {250, 500}, {500, 2000}, {2000, 5000},
            {5000, 10000}, {10000, 20000}};

    public static final String PLR = "dynamics.plrDb";
    public static final String PSR = "dynamics.psrMedianDb";
    public static final String LRA = "dynamics.loudnessRangeLu";
    public static final String CREST = "dynamics.crestFactorDb";
    public static final String WIDTH = "stereo.width";
    public static final String LOW_END_WIDTH = "stereo.lowEndWidth";
    public static final String INTEGRATED = "loudness.integratedLufs";

    private ProfileKeys() {}

    public static String band(String name) {
        return "spectrum." + name;
    }

    public static String bandWidth(String name) {
        return "stereo." + name + ".width";
    }

    /** 1/3-octave level (channels averaged), mid level and side level, keyed by the rounded centre in Hz. */
    public static String third(double centerHz) {
        return "third." + centre(centerHz);
    }

    public static String thirdMid(double centerHz) {
        return "thirdMid." + centre(centerHz);
    }

    public static String thirdSide(double centerHz) {
        return "thirdSide." + centre(centerHz);
    }

    private static String centre(double hz) {
        return String.format(Locale.ROOT, "%.0f", hz);
    }

    /** Every profile feature that {@code f} has a value for. */
    public static Map<String, Double> values(MixFeatures f) {
        Map<String, Double> v = new LinkedHashMap<>();
        if (f.spectrum() != null) {
            if (f.spectrum().bands() != null) {
                for (SpectrumBand b : f.spectrum().bands()) put(v, band(b.name()), b.levelDb());
            }
            if (f.spectrum().thirdOctaves() != null) {
                for (ThirdOctaveBand t : f.spectrum().thirdOctaves()) {
                    put(v, third(t.centerHz()), t.levelDb());
                    put(v, thirdMid(t.centerHz()), t.midDb());
                    put(v, thirdSide(t.centerHz()), t.sideDb());
                }
            }
        }
        if (f.dynamics() != null) {
            put(v, PLR, f.dynamics().plrDb());
            put(v, PSR, f.dynamics().psrMedianDb());
            put(v, LRA, f.dynamics().loudnessRangeLu());
            put(v, CREST, f.dynamics().crestFactorDb());
        }
        if (f.loudness() != null) {
            put(v, INTEGRATED, f.loudness().integratedLufs());
            if (f.dynamics() == null || f.dynamics().loudnessRangeLu() == null) put(v, LRA, f.loudness().loudnessRangeLu());
            if ((f.dynamics() == null || f.dynamics().plrDb() == null) && f.loudness().truePeakDbtp() != null
                    && f.loudness().integratedLufs() != null) {
                put(v, PLR, f.loudness().truePeakDbtp() - f.loudness().integratedLufs());
            }
        }
        if (f.stereo() != null && f.file() != null && f.file().channels() >= 2) {
            put(v, WIDTH, f.stereo().width());
            put(v, LOW_END_WIDTH, f.stereo().lowEndWidth());
            if (f.stereo().bands() != null) {
                for (BandStereo b : f.stereo().bands()) put(v, bandWidth(b.band()), b.width());
            }
        }
        return v;
    }

    private static void put(Map<String, Double> map, String key, Double value) {
        if (value != null && Double.isFinite(value)) map.put(key, value);
    }
}
