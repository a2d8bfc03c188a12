package org.freshears.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.freshears.analysis.BandStereo;
import org.freshears.analysis.BandValue;
import org.freshears.analysis.DynamicsStats;
import org.freshears.analysis.FileInfo;
import org.freshears.analysis.Finding;
import org.freshears.analysis.Goniometer;
import org.freshears.analysis.LoudnessStats;
import org.freshears.analysis.SpectralBalance;
import org.freshears.analysis.SpectrumBand;
import org.freshears.analysis.SpectrumCurve;
import org.freshears.analysis.StereoImage;
import org.freshears.analysis.Stretch;
import org.freshears.analysis.ThirdOctaveBand;
import org.freshears.analysis.Timeline;
import org.freshears.model.GenreAssessment;
import org.freshears.model.GenrePrediction;
import org.freshears.pipeline.AnalysisDocument;
import org.freshears.util.Json;

/** A fully populated, plausible analysis document (seeded), for report tests and screenshots. */
public final class Fixtures {
    static final String[] BANDS = {"sub", "bass", "lowMids", "mids", "upperMids", "highs", "air"};

    private Fixtures() {}

    public static JsonNode fullDocument(long seed, double tiltShift) {
        Random rnd = new Random(seed);
        List<ThirdOctaveBand> thirds = new ArrayList<>();
        double[] centres = {20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1000,
                1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000, 20000};
        for (double c : centres) {
            double oct = Math.log(c / 1000) / Math.log(2);
            double level = -17 - 2.6 * oct + tiltShift * oct - (c < 40 ? 6 : 0) + (c > 200 && c < 500 ? 2.5 : 0)
                    + rnd.nextGaussian() * 0.8;
            thirds.add(new ThirdOctaveBand(c, c / 1.12, c * 1.12, level, level - 0.5, level - 8));
        }
        double[] lo = {20, 60, 250, 500, 2000, 5000, 10000}, hi = {60, 250, 500, 2000, 5000, 10000, 20000};
        double[] lv = {-9.5, -5.2, -8.1, -8.8, -12.4, -15.9, -21.3};
        List<SpectrumBand> bands = new ArrayList<>();
        for (int i = 0; i < 7; i++) bands.add(new SpectrumBand(BANDS[i], lo[i], hi[i], lv[i]));
        List<Double> st = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            double t = i;
            double v = t < 20 ? -22 + t * 0.4 : t < 60 ? -13 : t < 70 ? -17 : t < 130 ? -9.5 : t < 150 ? -16 : t < 210 ? -8.6 : -14 - (t - 210) * 0.3;
            st.add(v + rnd.nextGaussian() * 0.6);
        }
        List<Integer> cells = new ArrayList<>();
        int size = 48;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                double x = (c - size / 2.0 + 0.5) / (size / 2.0), y = (r - size / 2.0 + 0.5) / (size / 2.0);
                double d = Math.exp(-(x * x) / 0.03 - (y * y) / 0.25);
                cells.add((int) Math.round(255 * d * (0.8 + 0.2 * rnd.nextDouble())));
            }
        }
        List<BandStereo> bs = new ArrayList<>();
        double[] widths = {0.04, 0.12, 0.21, 0.27, 0.33, 0.38, 0.55};
        double[] corr = {0.97, 0.85, 0.66, 0.52, 0.41, 0.30, -0.08};
        for (int i = 0; i < 7; i++) bs.add(new BandStereo(BANDS[i], corr[i], widths[i]));
        List<BandValue> crest = new ArrayList<>();
        double[] cr = {7.4, 8.9, 10.2, 11.5, 12.6, 13.1, 14.0};
        for (int i = 0; i < 7; i++) crest.add(new BandValue(BANDS[i], cr[i]));
        List<GenrePrediction> preds = List.of(new GenrePrediction("house", 0.71), new GenrePrediction("techno", 0.17),
                new GenrePrediction("pop", 0.08), new GenrePrediction("hiphop", 0.04));
        List<Finding> findings = List.of(
                new Finding("peaks.truePeakOver", "high", "True peak reaches +0.4 dBTP, over the −1 dBTP ceiling: lossy encoding will distort the loudest hits around 2:10.", 0.4, null, -1.0, "dBTP", 130.0, 131.0),
                new Finding("tonal.lowMids.excess", "medium", "The low mids (250–500 Hz) sit 2.7 dB above the house range: the mix sounds boxy. Try a wide 1.5 dB cut around 350 Hz.", -5.4, -10.5, -8.1, "dB", null, null),
                new Finding("stereo.lowEndNotMono", "medium", "Below 120 Hz the mix is 12 % side energy: the bass will shift in mono and on club systems. Try mono-ing below 100 Hz.", 12.0, null, 5.0, "%", null, null),
                new Finding("dynamics.overCompressed", "low", "The loudest chorus holds a PSR of 6.1 dB: transients are flattened there.", 6.1, 7.0, null, "dB", 150.0, 210.0));
        AnalysisDocument doc = new AnalysisDocument(AnalysisDocument.SCHEMA,
                new FileInfo("my-song_v2.wav", 44100, 2, 240.0, "wav", "pcm24", 240 * 44100L, 0),
                new LoudnessStats(-8.9, -6.1, -7.4, 6.3, -0.2, 0.4, -18.9, -12.0, -5.7, 0),
                new DynamicsStats(9.8, 9.3, 8.2, 6.1, 10.4, 6.3, crest, 7.9, 12.1,
                        new Stretch(150, 210, -8.4), new Stretch(0, 20, -21.0)),
                new SpectralBalance(bands, thirds, -2.6, 19500.0, new SpectrumCurve(List.of(), List.of())),
                new StereoImage(0.62, 0.24, 1.4, bs, 0.12, 0.3, false, new Goniometer(size, cells)),
                null, null, new Timeline(1.0, st), List.of(), new GenreAssessment("house", preds), findings, null,
                List.of(), null);
        ObjectNode tree = Json.mapper().valueToTree(doc);
        ArrayNode profile = ((ObjectNode) tree.get("genre")).putObject("profile").putArray("thirdOctaves");
        for (ThirdOctaveBand t : thirds) {
            double oct = Math.log(t.centerHz() / 1000) / Math.log(2);
            double m = -17.5 - 2.8 * oct - (t.centerHz() < 40 ? 5 : 0);
            profile.addObject().put("centerHz", t.centerHz()).put("p10", m - 4).put("p25", m - 2).put("p50", m)
                    .put("p75", m + 2).put("p90", m + 4);
        }
        ArrayNode nearest = ((ObjectNode) tree.get("genre")).putArray("nearest");
        nearest.addObject().put("title", "Night Drive (club mix)").put("genre", "house").put("distance", 0.42);
        nearest.addObject().put("title", "Warehouse Lights").put("genre", "house").put("distance", 0.51);
        nearest.addObject().put("title", "<script>alert(1)</script>").put("genre", "techno").put("distance", 0.66);
        return tree;
    }
}
