package org.freshears.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.freshears.analysis.BandStereo;
import org.freshears.analysis.BandValue;
import org.freshears.analysis.DynamicsStats;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.SpectralBalance;
import org.freshears.analysis.SpectrumBand;
import org.freshears.analysis.StereoImage;
import org.freshears.analysis.Texture;
import org.freshears.analysis.ThirdOctaveBand;

/**
 * A mix's genre features as a named, fixed-order vector of doubles. Every feature is level-independent
 * (spectral levels are relative to the track's total, dynamics are ratios); loudness itself is not a feature,
 * because reference corpora and commercial masters sit at very different levels.
 *
 * <p>A value that does not exist is {@code NaN}: a measurement the analyser did not produce, and every
 * spectral band (and that band's width, correlation and crest) above the track's effective bandwidth, so that a
 * band-limited (lossy, low-passed) reference never teaches a genre that "no air" is normal.
 */
public record FeatureVector(double[] values) {

    /** The seven named bands of CONTRACT.md, in order. */
    public static final List<String> BANDS = List.of("sub", "bass", "lowMids", "mids", "upperMids", "highs", "air");
    static final double[] BAND_LOW_HZ = {20, 60, 250, 500, 2000, 5000, 10000};
    static final double[] BAND_HIGH_HZ = {60, 250, 500, 2000, 5000, 10000, 20000};

    /** ISO nominal 1/3-octave centres, 20 Hz to 20 kHz. */
    public static final List<Double> THIRD_OCTAVE_CENTRES_HZ = List.of(20.0, 25.0, 31.5, 40.0, 50.0, 63.0, 80.0,
            100.0, 125.0, 160.0, 200.0, 250.0, 315.0, 400.0, 500.0, 630.0, 800.0, 1000.0, 1250.0, 1600.0, 2000.0,
            2500.0, 3150.0, 4000.0, 5000.0, 6300.0, 8000.0, 10000.0, 12500.0, 16000.0, 20000.0);

    /** A band counts as measured when the track's bandwidth covers this share of it (up to 20 kHz). */
    static final double COVERAGE = 0.8;
    static final double FLOOR_DB = -120;

    private static final List<String> SCALARS = List.of("tiltDbPerOctave", "crestFactorDb", "plrDb", "psrMedianDb",
            "psrLowDb", "psrHighDb", "loudnessRangeLu", "width", "correlation", "monoLoudnessDropLu", "lowEndWidth",
            "lowEndCrestDb", "restCrestDb");

    /** Rhythm and timbre ({@link Texture}), last so that the older columns keep their places. */
    private static final List<String> TEXTURE = List.of("texture.onsetsPerSecond", "texture.tempoBpm",
            "texture.pulseClarity", "texture.onsetStrength", "texture.flatnessDb", "texture.brightnessSpreadOctaves");

    /** The feature names, in vector order. */
    public static final List<String> NAMES = names();

    public FeatureVector {
        if (values.length != NAMES.size()) {
            throw new IllegalArgumentException("a feature vector has " + NAMES.size() + " values, not " + values.length);
        }
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public double get(int i) {
        return values[i];
    }

    public double get(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no feature named " + name);
        return values[i];
    }

    public int size() {
        return values.length;
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        for (String b : BANDS) n.add("band." + b);
        for (double c : THIRD_OCTAVE_CENTRES_HZ) n.add("third." + centreName(c));
        n.addAll(SCALARS);
        for (String b : BANDS) n.add("width." + b);
        for (String b : BANDS) n.add("correlation." + b);
        for (String b : BANDS) n.add("crest." + b);
        n.addAll(TEXTURE);
        return Collections.unmodifiableList(n);
    }

    static String centreName(double hz) {
        return hz == Math.rint(hz) ? Long.toString((long) hz) : String.format(Locale.ROOT, "%.1f", hz);
    }

    /** The genre features of one analysed mix. */
    public static FeatureVector of(MixFeatures f) {
        double[] v = new double[NAMES.size()];
        Arrays.fill(v, Double.NaN);
        double bandwidth = bandwidthHz(f);
        boolean[] bandMissing = new boolean[BANDS.size()];
        for (int b = 0; b < BANDS.size(); b++) bandMissing[b] = !covered(BAND_LOW_HZ[b], BAND_HIGH_HZ[b], bandwidth);
        int i = 0;
        SpectralBalance s = f.spectrum();
        for (int b = 0; b < BANDS.size(); b++, i++) {
            if (!bandMissing[b]) v[i] = level(s == null ? null : bandLevel(s.bands(), BANDS.get(b)));
        }
        for (double c : THIRD_OCTAVE_CENTRES_HZ) {
            ThirdOctaveBand t = s == null ? null : thirdOctave(s.thirdOctaves(), c);
            double low = t == null ? c / Math.pow(2, 1 / 6.0) : t.lowHz();
            double high = t == null ? c * Math.pow(2, 1 / 6.0) : t.highHz();
            if (t != null && covered(low, high, bandwidth)) v[i] = level(t.levelDb());
            i++;
        }
        DynamicsStats d = f.dynamics();
        StereoImage st = f.stereo();
        Double lra = d != null && d.loudnessRangeLu() != null ? d.loudnessRangeLu()
                : f.loudness() == null ? null : f.loudness().loudnessRangeLu();
        Double[] scalars = {s == null ? null : s.tiltDbPerOctave(), d == null ? null : d.crestFactorDb(),
                d == null ? null : d.plrDb(), d == null ? null : d.psrMedianDb(), d == null ? null : d.psrLowDb(),
                d == null ? null : d.psrHighDb(), lra, st == null ? null : st.width(),
                st == null ? null : st.correlation(), st == null ? null : st.monoLoudnessDropLu(),
                st == null ? null : st.lowEndWidth(), d == null ? null : d.lowEndCrestDb(),
                d == null ? null : d.restCrestDb()};
        for (Double x : scalars) v[i++] = finite(x);
        for (int b = 0; b < BANDS.size(); b++, i++) {
            BandStereo bs = st == null ? null : bandStereo(st.bands(), BANDS.get(b));
            if (!bandMissing[b] && bs != null) v[i] = finite(bs.width());
        }
        for (int b = 0; b < BANDS.size(); b++, i++) {
            BandStereo bs = st == null ? null : bandStereo(st.bands(), BANDS.get(b));
            if (!bandMissing[b] && bs != null) v[i] = finite(bs.correlation());
        }
        for (int b = 0; b < BANDS.size(); b++, i++) {
            if (!bandMissing[b] && d != null) v[i] = finite(bandValue(d.bandCrest(), BANDS.get(b)));
        }
        Texture t = f.texture();
        if (t != null) {
            for (Double x : new Double[] {t.onsetsPerSecond(), t.tempoBpm(), t.pulseClarity(), t.onsetStrength(),
                    t.flatnessDb(), t.brightnessSpreadOctaves()}) v[i++] = finite(x);
        }
        for (int k = 0; k < v.length; k++) v[k] = round(v[k]);
        return new FeatureVector(v);
    }

    /** Four decimals: far finer than any of these measurements, and short in {@code features.csv}. */
    static double round(double x) {
        return Double.isFinite(x) ? Math.round(x * 1e4) / 1e4 : x;
    }

    /** The effective bandwidth, or +∞ when it is unknown (then nothing is treated as missing). */
    static double bandwidthHz(MixFeatures f) {
        Double bw = f.spectrum() == null ? null : f.spectrum().bandwidthHz();
        if (bw == null && f.technical() != null) bw = f.technical().bandwidthHz();
        return bw == null || !Double.isFinite(bw) || bw <= 0 ? Double.POSITIVE_INFINITY : bw;
    }

    /** True when {@code bandwidthHz} reaches {@link #COVERAGE} of the way through the band (capped at 20 kHz). */
    static boolean covered(double lowHz, double highHz, double bandwidthHz) {
        double top = Math.min(highHz, 20000);
        return bandwidthHz >= lowHz + COVERAGE * (top - lowHz);
    }

    /** A level in dB: silence ({@code -Infinity}) and anything below it reads {@link #FLOOR_DB}. */
    private static double level(Double db) {
        if (db == null || Double.isNaN(db) || db == Double.POSITIVE_INFINITY) return Double.NaN;
        return Math.max(FLOOR_DB, db);
    }

    private static double finite(Double x) {
        return x == null || !Double.isFinite(x) ? Double.NaN : x;
    }

    private static Double bandLevel(List<SpectrumBand> bands, String name) {
        if (bands == null) return null;
        for (SpectrumBand b : bands) if (name.equals(b.name())) return b.levelDb();
        return null;
    }

    private static ThirdOctaveBand thirdOctave(List<ThirdOctaveBand> bands, double nominalHz) {
        if (bands == null) return null;
        for (ThirdOctaveBand t : bands) {
            if (t.centerHz() > 0 && Math.abs(Math.log(t.centerHz() / nominalHz)) < Math.log(2) / 12) return t;
        }
        return null;
    }

    private static BandStereo bandStereo(List<BandStereo> bands, String name) {
        if (bands == null) return null;
        for (BandStereo b : bands) if (name.equals(b.band())) return b;
        return null;
    }

    private static Double bandValue(List<BandValue> values, String name) {
        if (values == null) return null;
        for (BandValue b : values) if (name.equals(b.band())) return b.value();
        return null;
    }
}
