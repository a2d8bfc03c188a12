package org.freshears.advice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.freshears.analysis.MixFeatures;
import org.freshears.model.FeatureStats;
import org.freshears.model.GenreProfile;

/**
 * What a mix is compared with: per-feature percentiles (keys from {@link ProfileKeys}) of a target genre or of
 * the user's reference tracks.
 *
 * @param label          how messages name the comparison set, e.g. "typical electronic masters"
 * @param source         where the numbers come from: "model", "references", or "built-in fallback"
 * @param features       percentiles per feature key
 * @param integratedLufs the loudness to master to when no platform is given (references only; else null)
 */
public record TargetProfile(String label, String source, Map<String, Percentiles> features, Double integratedLufs) {
    public TargetProfile {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
        features = Map.copyOf(features);
    }

    public Percentiles get(String key) {
        return features.get(key);
    }

    public boolean isReferences() {
        return "references".equals(source);
    }

    /**
     * A profile from the user's reference tracks. Medians are the references' median; the 10–90 % range is
     * their spread widened by a tolerance per feature kind, so that one reference still gives a usable range.
     */
    public static TargetProfile ofReferences(List<MixFeatures> references) {
        if (references.isEmpty()) throw new IllegalArgumentException("at least one reference is needed");
        Map<String, List<Double>> all = new LinkedHashMap<>();
        for (MixFeatures r : references) {
            ProfileKeys.values(r).forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        Map<String, Percentiles> out = new LinkedHashMap<>();
        all.forEach((k, list) -> {
            double[] xs = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double tol = tolerance(k);
            double med = quantile(xs, 0.5);
            double lo = Math.min(quantile(xs, 0.1), med) - tol;
            double hi = Math.max(quantile(xs, 0.9), med) + tol;
            out.put(k, new Percentiles(lo, (lo + med) / 2, med, (med + hi) / 2, hi));
        });
        double lufs = references.stream().map(r -> r.loudness() == null ? null : r.loudness().integratedLufs())
                .filter(Objects::nonNull).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        String label = references.size() == 1 ? "your reference track" : "your " + references.size() + " reference tracks";
        return new TargetProfile(label, "references", out, Double.isFinite(lufs) ? lufs : null);
    }

    /**
     * The profile of a genre of the trained reference model: its percentiles renamed to {@link ProfileKeys}.
     * Features that no track of the genre had (e.g. the top bands of a band-limited set) are left out. A thin
     * genre (fewer tracks than the model's threshold) says so in its label.
     */
    public static TargetProfile ofGenre(GenreProfile genre) {
        Map<String, Percentiles> out = new LinkedHashMap<>();
        for (FeatureStats s : genre.features()) {
            String key = profileKey(s.feature());
            if (key == null || s.n() == 0 || !Double.isFinite(s.p10()) || !Double.isFinite(s.p90())) continue;
            double p10 = s.p10(), p25 = s.p25(), p75 = s.p75(), p90 = s.p90();
            if (genre.tracks() < FEW_TRACKS) {
                // the 10-90 % range of a handful of tracks can be a fraction of a dB wide by chance, which would
                // make a barely audible difference "high": at least the tolerance a single reference gets
                p10 = Math.min(p10, s.p50() - tolerance(key));
                p90 = Math.max(p90, s.p50() + tolerance(key));
                p25 = Math.min(p25, (p10 + s.p50()) / 2);
                p75 = Math.max(p75, (s.p50() + p90) / 2);
            }
            out.put(key, new Percentiles(p10, p25, s.p50(), p75, p90));
        }
        // a thin genre says so in every message that names it, without a second pair of brackets in the sentence
        String label = genre.thin() ? "the only " + genre.tracks() + " " + genre.genre() + " track"
                + (genre.tracks() == 1 ? "" : "s") + " in the model" : "typical " + genre.genre() + " masters";
        return new TargetProfile(label, "model", out, null);
    }

    /** The {@link ProfileKeys} name of one of the model's feature names, or null when the advice has no use for it. */
    static String profileKey(String feature) {
        int dot = feature.indexOf('.');
        if (dot > 0) {
            String head = feature.substring(0, dot);
            String tail = feature.substring(dot + 1);
            return switch (head) {
                case "band" -> ProfileKeys.band(tail);
                case "third" -> ProfileKeys.third(Double.parseDouble(tail));
                case "width" -> ProfileKeys.bandWidth(tail);
                default -> null;
            };
        }
        return switch (feature) {
            case "plrDb" -> ProfileKeys.PLR;
            case "psrMedianDb" -> ProfileKeys.PSR;
            case "loudnessRangeLu" -> ProfileKeys.LRA;
            case "crestFactorDb" -> ProfileKeys.CREST;
            case "width" -> ProfileKeys.WIDTH;
            case "lowEndWidth" -> ProfileKeys.LOW_END_WIDTH;
            default -> null;
        };
    }

    /** A genre of fewer tracks than this has its ranges widened to at least {@link #tolerance} around the median. */
    static final int FEW_TRACKS = 10;

    /** Half-width of the accepted range around a single reference value. */
    static double tolerance(String key) {
        if (key.startsWith("spectrum.")) return 1.5;
        if (key.startsWith("third")) return 1.5;
        if (key.equals(ProfileKeys.LOW_END_WIDTH)) return 0.03;
        if (key.startsWith("stereo.")) return 0.05;
        if (key.equals(ProfileKeys.LRA)) return 2;
        return 1.5;
    }

    static double quantile(double[] sorted, double q) {
        if (sorted.length == 1) return sorted[0];
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (sorted[j] - sorted[i]) * (pos - i);
    }

    @Override
    public String toString() {
        return "TargetProfile[" + label + ", " + source + ", " + features.size() + " features"
                + (integratedLufs == null ? "" : ", " + integratedLufs + " LUFS") + "]";
    }
}
