package org.freshears.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.freshears.analysis.Finding;
import org.freshears.analysis.MixFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every finding code: injected into a clean feature set it is reported; the clean set does not report it. */
class AdvisorTest {
    static final TargetProfile P = BuiltInFallbackProfile.get();

    static List<Finding> advise(Consumer<CleanFeatures> inject) {
        CleanFeatures c = CleanFeatures.fallback();
        inject.accept(c);
        return Advisor.advise(c.build(), P, Platform.SPOTIFY);
    }

    static Finding find(List<Finding> fs, String code) {
        return fs.stream().filter(f -> f.code().equals(code)).findFirst().orElse(null);
    }

    @Test
    void cleanReportsNothing() {
        List<Finding> fs = advise(c -> {});
        assertTrue(fs.isEmpty(), () -> "clean feature set reported " + fs);
    }

    @ParameterizedTest
    @CsvSource({"40, 9, sub", "120, 12, bass", "350, 8, lowMids", "1000, 7, mids", "3150, 8, upperMids",
            "7000, 9, highs", "14000, 12, air"})
    void tonalExcessAndLackPerBand(double hz, double db, String band) {
        Finding up = find(advise(c -> c.bell(hz, db)), "tonal." + band + ".excess");
        assertNotNull(up, "+" + db + " dB at " + hz + " Hz should give tonal." + band + ".excess");
        assertTrue(up.measured() > up.targetHigh());
        assertNotNull(up.why());
        assertNotNull(up.fix());
        assertTrue(up.message().contains(Advisor.BAND_RANGES[ProfileKeys.BANDS.indexOf(band)]), up.message());
        // the verb agrees with the band's name: the sub-bass, the bass and the air sit as one
        boolean singular = band.equals("sub") || band.equals("bass") || band.equals("air");
        String range = Advisor.BAND_RANGES[ProfileKeys.BANDS.indexOf(band)];
        assertTrue(up.message().contains(range + (singular ? ", sits " : ", sit ")), up.message());
        assertTrue(up.message().contains(singular ? "(median; its usual range" : "(median; their usual range"), up.message());
        Finding down = find(advise(c -> c.bell(hz, -db * 1.2)), "tonal." + band + ".lack");
        assertNotNull(down, "-" + db + " dB at " + hz + " Hz should give tonal." + band + ".lack");
        assertTrue(down.measured() < down.targetLow());
    }

    @Test
    void lowMidsBellAt350WordsWhatWhyFix() {
        Finding f = find(advise(c -> c.bell(350, 8)), "tonal.lowMids.excess");
        assertNotNull(f);
        assertTrue(f.message().contains("low-mids, 250–500 Hz, sit"), f.message());
        assertTrue(f.message().contains("muddy"), f.message());
        assertTrue(f.message().contains("wide cut of about"), f.message());
        assertTrue(f.fix().contains("315 Hz") || f.fix().contains("400 Hz"), f.fix());
    }

    @Test
    void localExcessSaysWhere() {
        Finding f = find(advise(c -> {
            c.bell(350, 6);
            c.localBand = 2;
            c.localDb = 4;
            c.localFrom = 4;
            c.localTo = 7;
        }), "tonal.lowMids.excess");
        assertNotNull(f);
        assertEquals(12.0, f.startSeconds());
        assertEquals(21.0, f.endSeconds());
        assertTrue(f.message().contains("worst from 0:12 to 0:21"), f.message());
    }

    @Test
    void loudnessTooQuietAndTooLoud() {
        Finding q = find(advise(c -> {
            c.integratedLufs = -22;
            c.truePeakDbtp = -3;
        }), "loudness.tooQuiet");
        assertNotNull(q);
        assertTrue(q.message().contains("quieter than its peers"), q.message());
        Finding qOk = find(advise(c -> {
            c.integratedLufs = -18;
            c.truePeakDbtp = -8;
        }), "loudness.tooQuiet");
        assertEquals(Finding.LOW, qOk.severity(), "turned up in full when the peaks allow");
        Finding l = find(advise(c -> {
            c.integratedLufs = -7;
            c.truePeakDbtp = -1.2;
            c.plr = 5.8;
        }), "loudness.tooLoud");
        assertNotNull(l);
        assertTrue(l.message().contains("turn it down by about 7.0 dB"), l.message());
        assertEquals(Finding.MEDIUM, l.severity());
    }

    @Test
    void dynamicsOverCompressedAndTooDynamic() {
        List<Finding> crushed = advise(c -> {
            c.integratedLufs = -14;
            c.truePeakDbtp = -9;   // PLR 5 dB: hard limiting
            c.psr = 4;
        });
        assertNotNull(find(crushed, "dynamics.overCompressed"));
        assertFalse(crushed.stream().anyMatch(f -> f.code().equals("dynamics.tooDynamic")));
        List<Finding> wide = advise(c -> {
            c.integratedLufs = -20;
            c.truePeakDbtp = -1.5;  // PLR 18.5
            c.lra = 16;
        });
        Finding d = find(wide, "dynamics.tooDynamic");
        assertNotNull(d);
        assertTrue(d.message().contains("loudness range 16.0 LU"), d.message());
    }

    @Test
    void stereoNarrowWideAndLowEnd() {
        assertNotNull(find(advise(c -> c.width = 0.01), "stereo.tooNarrow"));
        assertNotNull(find(advise(c -> c.width = 0.45), "stereo.tooWide"));
        Finding low = find(advise(c -> c.lowEndWidth = 0.35), "stereo.lowEndNotMono");
        assertNotNull(low);
        assertEquals(Finding.HIGH, low.severity());
        assertTrue(advise(c -> c.channels = 1).stream().noneMatch(f -> f.code().startsWith("stereo.")));
    }

    @Test
    void defectsFromTheAnalyserAreIncludedWithWhyAndFix() {
        Finding clip = find(advise(c -> c.clippedRuns = 30), "peaks.clipping");
        assertNotNull(clip);
        assertNotNull(clip.why());
        assertNotNull(find(advise(c -> c.truePeakDbtp = 0.4), "peaks.truePeakOver"));
        assertNotNull(find(advise(c -> {
            c.polarityInverted = true;
            c.correlation = -0.95;
            c.width = 0.97;
        }), "stereo.phaseProblem"));
        assertNotNull(find(advise(c -> c.balanceDb = 4), "stereo.imbalance"));
        assertNotNull(find(advise(c -> c.dc = 0.02), "technical.dcOffset"));
        assertNotNull(find(advise(c -> {
            c.lead = 3;
            c.trail = 8;
        }), "technical.silencePadding"));
        assertNotNull(find(advise(c -> {
            c.bandwidthHz = 15800.0;
            c.bandLimited = true;
        }), "technical.bandLimited"));
    }

    @Test
    void truePeakIsJudgedAgainstThePlatformCeiling() {
        CleanFeatures c = CleanFeatures.fallback();
        c.truePeakDbtp = -1.5;
        MixFeatures f = c.build();
        assertNull(find(Advisor.advise(f, P, Platform.SPOTIFY), "peaks.truePeakOver"));
        assertNotNull(find(Advisor.advise(f, P, Platform.AMAZON), "peaks.truePeakOver"));
    }

    @Test
    void severityRuleAndSortOrder() {
        assertEquals(null, Severity.ofDistance(0));
        assertEquals(Finding.LOW, Severity.ofDistance(0.2));
        assertEquals(Finding.MEDIUM, Severity.ofDistance(-0.7));
        assertEquals(Finding.HIGH, Severity.ofDistance(1.3));
        List<Finding> fs = advise(c -> {
            c.bell(350, 10);
            c.lowEndWidth = 0.1;
        });
        for (int i = 1; i < fs.size(); i++) assertTrue(fs.get(i - 1).rank() <= fs.get(i).rank());
    }

    @Test
    void everyTemplatedCodeIsInTheContract() {
        for (String code : FindingText.TABLE.keySet()) {
            assertTrue(code.matches("(loudness|peaks|dynamics|tonal|stereo|technical)\\.[a-zA-Z.]+"), code);
        }
    }

    private static void assertNull(Object o) {
        org.junit.jupiter.api.Assertions.assertNull(o);
    }

    @Test
    void aStereoFileThatIsInEffectMonoIsTooNarrowEvenForAGenreOfMonoRecords() {
        TargetProfile fb = BuiltInFallbackProfile.get();
        java.util.Map<String, Percentiles> m = new java.util.HashMap<>(fb.features());
        m.put(ProfileKeys.WIDTH, new Percentiles(0, 0, 0.05, 0.1, 0.2));
        TargetProfile monoGenre = new TargetProfile("typical chiptune masters", "model", m, null);
        CleanFeatures c = CleanFeatures.fallback();
        c.width = 0.0;
        var narrow = Advisor.advise(c.build(), monoGenre, Platform.SPOTIFY).stream()
                .filter(f -> f.code().equals("stereo.tooNarrow")).findFirst();
        assertTrue(narrow.isPresent(), "a dual-mono stereo file must be reported");
        assertEquals("medium", narrow.get().severity());
        assertTrue(narrow.get().fix().contains("no side signal"), narrow.get().fix());
        assertTrue(narrow.get().message().endsWith(narrow.get().fix() + "."), narrow.get().message());
        assertTrue(ChainAdvisor.suggest(c.build(), monoGenre, Platform.SPOTIFY, List.of(narrow.get())).stages().stream()
                .noneMatch(st -> st instanceof org.freshears.mastering.StereoStage), "nothing to widen: no stereo stage");
        c.width = 0.04;
        assertTrue(Advisor.advise(c.build(), monoGenre, Platform.SPOTIFY).stream()
                .noneMatch(f -> f.code().equals("stereo.tooNarrow")), "a narrow but real image inside the genre's range is fine");
    }

    @Test
    void noMessageWhyOrFixKeepsATemplatePlaceholder() {
        CleanFeatures c = CleanFeatures.fallback().bell(350, 8).bell(8000, -9);
        c.truePeakDbtp = 1.2;
        c.integratedLufs = -7;
        c.clippedRuns = 40;
        c.dc = 0.01;
        c.lead = 3;
        c.balanceDb = 3;
        c.lowEndWidth = 0.3;
        c.width = 0.6;
        c.bandwidthHz = 15000.0;
        c.bandLimited = true;
        List<Finding> fs = Advisor.advise(c.build(), BuiltInFallbackProfile.get(), Platform.SPOTIFY);
        assertTrue(fs.size() >= 8, fs.toString());
        for (Finding f : fs) {
            for (String text : new String[] {f.message(), f.why(), f.fix()}) {
                assertFalse(text != null && text.matches("(?s).*\\{[a-zA-Z]*}.*"), f.code() + ": " + text);
            }
        }
    }

    @Test
    void nearSilenceGetsNoGenreAdviceAndNoChain() {
        MixFeatures m = CleanFeatures.fallback().bell(350, 12).build();
        // below the absolute gate (dither, a muted export) the meter reports no integrated loudness
        org.freshears.analysis.LoudnessStats gated = new org.freshears.analysis.LoudnessStats(null, -90.0, -90.0, null,
                -90.0, -85.0, null, null, null, 0);
        MixFeatures f = new MixFeatures(m.file(), gated, m.dynamics(), m.spectrum(), m.stereo(), m.technical(),
                m.timeline(), m.sections(), m.findings(), m.warnings());
        assertFalse(Advisor.advise(m, BuiltInFallbackProfile.get(), Platform.SPOTIFY).stream()
                .noneMatch(x -> x.code().startsWith("tonal.")), "with music, the same spectrum gets tonal findings");
        List<Finding> fs = Advisor.advise(f, BuiltInFallbackProfile.get(), Platform.SPOTIFY);
        assertTrue(fs.stream().noneMatch(x -> x.code().startsWith("tonal.") || x.code().startsWith("stereo.tooWide")
                || x.code().startsWith("dynamics.")), fs.toString());
        assertTrue(ChainAdvisor.suggest(f, BuiltInFallbackProfile.get(), Platform.SPOTIFY, fs).stages().isEmpty());
    }

    @Test
    void aStretchWithinOneSecondIsAnInstantNotARange() {
        assertEquals(", worst at 2:13", Where.phrase(new org.freshears.analysis.Stretch(133.1, 133.4, -10.0)));
        assertEquals(", worst from 1:12 to 1:45", Where.phrase(new org.freshears.analysis.Stretch(72, 105, -10.0)));
    }

    @Test
    void loudnessMessagesNameWhoseTargetItIsAndWhoTurnsTheTrackDown() {
        CleanFeatures c = CleanFeatures.fallback();
        c.integratedLufs = -10;
        c.truePeakDbtp = -0.2;
        MixFeatures f = c.build();
        Finding spotify = find(Advisor.advise(f, P, DeliveryTarget.of(Platform.SPOTIFY)), "loudness.tooLoud");
        assertTrue(spotify.message().contains("4.0 LU above Spotify's -14.0 LUFS."), spotify.message());
        assertTrue(spotify.why().startsWith("Spotify will turn it down by about 4.0 dB"), spotify.why());
        // a loudness the user chose on Spotify: their target is named, and Spotify is not said to turn it down by 6 dB
        List<Finding> chosen = Advisor.advise(f, P, DeliveryTarget.of(Platform.SPOTIFY).withLoudness(-16));
        Finding loud = find(chosen, "loudness.tooLoud");
        assertTrue(loud.message().contains("6.0 LU above your target of -16.0 LUFS."), loud.message());
        assertFalse(loud.why().contains("turn it down"), loud.why());
        Finding peak = find(chosen, "peaks.truePeakOver");
        assertTrue(peak.message().contains("over the -1.0 dBTP ceiling"), peak.message());
        assertFalse(peak.message().contains("your target"), "the ceiling stays the platform's: " + peak.message());
        // nothing turns a CD master down (its target is -9 LUFS: a -6 LUFS master is 3 LU over it)
        c.integratedLufs = -6;
        Finding cd = find(Advisor.advise(c.build(), P, DeliveryTarget.of(Platform.CD)), "loudness.tooLoud");
        assertNotNull(cd);
        assertFalse(cd.why().contains("turn it down"), cd.why());
        assertTrue(cd.why().startsWith("it plays 3.0 dB louder than the target"), cd.why());
        // too quiet against a chosen target
        c.integratedLufs = -20;
        c.truePeakDbtp = -6;
        Finding quiet = find(Advisor.advise(c.build(), P, DeliveryTarget.of(Platform.SPOTIFY).withLoudness(-12)),
                "loudness.tooQuiet");
        assertTrue(quiet.message().contains("8.0 LU below your target of -12.0 LUFS."), quiet.message());
        assertTrue(quiet.why().contains("quieter than the target you set"), quiet.why());
    }
}
