package org.freshears.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceModelTest {

    @Test
    void separableGenresAreLearnedUnderGroupedCrossValidation() {
        FeatureTable table = SyntheticTables.table(3, 4, 6, 4.0, 1L);
        ReferenceModel model = ReferenceModel.fit(table, SyntheticTables.fast());
        Evaluation cv = model.crossValidation().orElseThrow();
        assertEquals(4, cv.folds());
        assertEquals(72, cv.tracks());
        assertTrue(cv.accuracy() > 0.9, "grouped CV accuracy " + cv.accuracy());
        int total = 0;
        for (int[] row : cv.confusion()) for (int c : row) total += c;
        assertEquals(72, total);
        assertEquals("genre1", model.predict(SyntheticTables.vector(1, 4.0)).getFirst().genre());
    }

    @Test
    void autoChoosesAnEnsembleByCrossValidationAndReportsBoth() {
        FeatureTable table = SyntheticTables.table(2, 3, 5, 4.0, 2L);
        ReferenceModel model = ReferenceModel.fit(table,
                SyntheticTables.fast().withAlgorithm(ReferenceModel.Algorithm.AUTO));
        assertEquals(3, model.crossValidations().size());
        double best = model.crossValidations().values().stream().mapToDouble(Evaluation::accuracy).max().orElseThrow();
        assertEquals(best, model.crossValidation().orElseThrow().accuracy());
    }

    @Test
    void indistinguishableGenresScoreNearChance() {
        FeatureTable table = SyntheticTables.table(2, 4, 8, 0.0, 3L);
        Evaluation cv = ReferenceModel.fit(table, SyntheticTables.fast()).crossValidation().orElseThrow();
        assertTrue(cv.accuracy() < 0.8, "no signal, yet accuracy " + cv.accuracy());
    }

    @Test
    void fittingIsDeterministicForASeed() {
        FeatureTable table = SyntheticTables.table(3, 3, 4, 2.0, 4L);
        for (var algorithm : ReferenceModel.Algorithm.values()) {
            var o = SyntheticTables.fast().withAlgorithm(algorithm);
            ReferenceModel a = ReferenceModel.fit(table, o);
            ReferenceModel b = ReferenceModel.fit(table, o);
            FeatureVector v = SyntheticTables.vector(2, 1.0);
            assertEquals(a.predict(v), b.predict(v), algorithm.name());
            assertEquals(a.crossValidation().orElseThrow().accuracy(), b.crossValidation().orElseThrow().accuracy());
        }
    }

    @Test
    void profilesAreTheExactPercentilesOfEachGenresColumn() {
        double[] column = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, Double.NaN};
        List<FeatureTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < column.length; i++) {
            double[] v = new double[FeatureVector.NAMES.size()];
            v[5] = column[i];
            rows.add(new FeatureTable.Row("a", "pa" + (i % 3), "a/" + i, null, v));
            rows.add(new FeatureTable.Row("b", "pb" + (i % 3), "b/" + i, null, new double[FeatureVector.NAMES.size()]));
        }
        ReferenceModel model = ReferenceModel.fit(FeatureTable.of(rows), SyntheticTables.fast());
        FeatureStats s = model.profile("a").features().get(5);
        // sorted finite values 1 1 2 3 3 4 5 5 6 9; rank h = 9p: p10 h=0.9, p25 h=2.25, p50 h=4.5, p75 h=6.75, p90 h=8.1
        assertEquals(10, s.n());
        assertEquals(1.0, s.p10(), 1e-12);
        assertEquals(2.25, s.p25(), 1e-12);
        assertEquals(3.5, s.p50(), 1e-12);
        assertEquals(5.0, s.p75(), 1e-12);
        assertEquals(6.3, s.p90(), 1e-12);
        assertEquals(FeatureVector.NAMES.get(5), s.feature());
        assertEquals(11, model.profile("a").tracks());
    }

    @Test
    void positionsSayInsideOrHowFarOutsideTheBand() {
        FeatureStats s = new FeatureStats("x", 20, 0, 2, 5, 8, 10);
        assertEquals(0, s.outside(4));
        assertEquals(50, s.percentile(5), 1e-12);
        assertEquals(37.5, s.percentile(3.5), 1e-12);
        assertEquals(0.5, s.outside(15), 1e-12);
        assertEquals(-1.0, s.outside(-10), 1e-12);
        assertEquals(100, s.percentile(30));
        assertEquals(0, s.percentile(-30));
    }

    @Test
    void nearestReturnsTheKnownNeighbour() {
        FeatureTable table = SyntheticTables.table(2, 3, 4, 3.0, 5L);
        ReferenceModel model = ReferenceModel.fit(table, SyntheticTables.fast());
        FeatureTable.Row target = table.rows().get(7);
        double[] v = target.values();
        v[3] += 0.01;
        List<NearestReference> near = model.nearest(new FeatureVector(v), 3);
        assertEquals(3, near.size());
        assertEquals(target.path(), near.getFirst().path());
        assertEquals(target.genre(), near.getFirst().genre());
        assertTrue(near.get(0).distance() < near.get(1).distance());
        assertTrue(near.get(1).distance() <= near.get(2).distance());
    }

    @Test
    void missingFeaturesAreIgnoredByNeighboursAndProfiles() {
        FeatureTable table = SyntheticTables.table(2, 3, 4, 3.0, 6L);
        List<FeatureTable.Row> rows = new ArrayList<>(table.rows());
        double[] v = rows.get(0).values();
        v[6] = Double.NaN; // e.g. air above the bandwidth
        rows.set(0, new FeatureTable.Row(rows.get(0).genre(), rows.get(0).group(), rows.get(0).path(), null, v));
        ReferenceModel model = ReferenceModel.fit(FeatureTable.of(rows), SyntheticTables.fast());
        assertEquals(11, model.profile("genre0").features().get(6).n());
        assertEquals(rows.get(0).path(), model.nearest(new FeatureVector(v), 1).getFirst().path());
        assertEquals(0.0, model.nearest(new FeatureVector(v), 1).getFirst().distance(), 1e-12);
    }

    @Test
    void saveThenLoadGivesIdenticalPredictionsNeighboursAndProfiles(@TempDir Path dir) throws Exception {
        List<FeatureTable.Row> rows = new ArrayList<>(SyntheticTables.table(3, 3, 5, 2.0, 8L).rows());
        double[] held = rows.removeLast().values();
        rows.add(new FeatureTable.Row("genre2", "heldout", "genre2/heldout.wav", FeatureTable.TEST, held));
        for (var algorithm : List.of(ReferenceModel.Algorithm.RANDOM_FOREST, ReferenceModel.Algorithm.GRADIENT_BOOST)) {
            ReferenceModel model = ReferenceModel.fit(FeatureTable.of(rows), SyntheticTables.fast().withAlgorithm(algorithm));
            Path d = dir.resolve(algorithm.name());
            model.save(d);
            for (String f : List.of("model.json", "features.csv", "profiles.json", "classifier.bin")) {
                assertTrue(Files.isRegularFile(d.resolve(f)), f);
            }
            ReferenceModel loaded = ReferenceModel.load(d);
            assertEquals(model.algorithm(), loaded.algorithm());
            assertEquals(model.genres(), loaded.genres());
            assertEquals(model.trackCounts(), loaded.trackCounts());
            assertEquals(model.profiles(), loaded.profiles());
            for (int g = 0; g < 3; g++) {
                FeatureVector v = SyntheticTables.vector(g, 1.5);
                assertEquals(model.predict(v), loaded.predict(v));
                assertEquals(model.nearest(v, 3), loaded.nearest(v, 3));
            }
            Evaluation a = model.crossValidation().orElseThrow();
            Evaluation b = loaded.crossValidation().orElseThrow();
            assertEquals(a.accuracy(), b.accuracy());
            assertArrayEquals(a.confusion(), b.confusion());
            assertEquals(1, loaded.testEvaluation().orElseThrow().tracks());
            assertFalse(loaded.table().trainRows().stream().anyMatch(r -> r.path().equals("genre2/heldout.wav")));
        }
    }

    @Test
    void testRowsNeverTakePartInFitting() {
        FeatureTable table = SyntheticTables.table(2, 3, 4, 3.0, 9L);
        List<FeatureTable.Row> rows = new ArrayList<>(table.rows());
        // a third genre present only in the test split is not learned
        rows.add(new FeatureTable.Row("other", "x", "other/x.wav", FeatureTable.TEST, table.rows().getFirst().values()));
        ReferenceModel model = ReferenceModel.fit(FeatureTable.of(rows), SyntheticTables.fast());
        assertEquals(List.of("genre0", "genre1"), model.genres());
        assertTrue(model.testEvaluation().isEmpty());
    }

    @Test
    void aSingleGenreIsAClearError() {
        FeatureTable one = FeatureTable.of(SyntheticTables.table(2, 2, 3, 1, 10L).rows().stream()
                .filter(r -> r.genre().equals("genre0")).toList());
        ModelException e = assertThrows(ModelException.class, () -> ReferenceModel.fit(one, SyntheticTables.fast()));
        assertTrue(e.getMessage().contains("at least two genres"), e.getMessage());
        assertTrue(e.getMessage().contains("genre0"), e.getMessage());
    }

    @Test
    void tooFewTracksIsAClearErrorAndFewAreThin() {
        List<FeatureTable.Row> rows = new ArrayList<>(SyntheticTables.table(2, 2, 3, 1, 11L).rows());
        List<FeatureTable.Row> lone = new ArrayList<>(rows);
        lone.add(new FeatureTable.Row("lonely", "l", "lonely/1.wav", null, rows.getFirst().values()));
        ModelException e = assertThrows(ModelException.class,
                () -> ReferenceModel.fit(FeatureTable.of(lone), SyntheticTables.fast()));
        assertTrue(e.getMessage().contains("'lonely' has 1 track"), e.getMessage());

        rows.add(new FeatureTable.Row("sparse", "s1", "sparse/1.wav", null, rows.getFirst().values()));
        rows.add(new FeatureTable.Row("sparse", "s2", "sparse/2.wav", null, rows.getLast().values()));
        ReferenceModel model = ReferenceModel.fit(FeatureTable.of(rows), SyntheticTables.fast());
        assertTrue(model.profile("sparse").thin());
        assertFalse(model.profile("genre0").thin());
        assertTrue(model.warnings().stream().anyMatch(w -> w.contains("'sparse'") && w.contains("thin")));
        GenreAssessment a = model.assess(SyntheticTables.vector(0, 0), "SPARSE");
        assertEquals("sparse", a.target());
        assertEquals(GenreAssessment.USER, a.source());
        assertTrue(a.thin());
    }

    @Test
    void aNewerFormatVersionIsRefusedClearly(@TempDir Path dir) throws Exception {
        ReferenceModel.fit(SyntheticTables.table(2, 2, 3, 2, 12L), SyntheticTables.fast()).save(dir);
        Path meta = dir.resolve("model.json");
        Files.writeString(meta, Files.readString(meta).replaceFirst("\"formatVersion\" : 3", "\"formatVersion\" : 99"));
        ModelException e = assertThrows(ModelException.class, () -> ReferenceModel.load(dir));
        assertTrue(e.getMessage().contains("format version 99"), e.getMessage());
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        assertThrows(ModelException.class, () -> ReferenceModel.load(dir.resolve("nothing-here")));
    }

    @Test
    void anOlderFormatAndADamagedEnsembleAreRefusedClearly(@TempDir Path dir) throws Exception {
        ReferenceModel.fit(SyntheticTables.table(2, 2, 3, 2, 12L), SyntheticTables.fast()).save(dir);
        Path trees = dir.resolve("classifier.bin");
        byte[] whole = Files.readAllBytes(trees);
        Files.write(trees, java.util.Arrays.copyOf(whole, whole.length / 2));
        ModelException truncated = assertThrows(ModelException.class, () -> ReferenceModel.load(dir));
        assertTrue(truncated.getMessage().contains("retrain"), truncated.getMessage());
        Files.write(trees, "not trees at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThrows(ModelException.class, () -> ReferenceModel.load(dir));
        Files.write(trees, whole);
        ReferenceModel.load(dir); // intact again
        Path meta = dir.resolve("model.json");
        Files.writeString(meta, Files.readString(meta).replaceFirst("\"formatVersion\" : 3", "\"formatVersion\" : 1"));
        ModelException old = assertThrows(ModelException.class, () -> ReferenceModel.load(dir));
        assertTrue(old.getMessage().contains("format version 1") && old.getMessage().contains("retrain"), old.getMessage());
    }

    @Test
    void assessmentPredictsTheTargetAndPlacesEveryFeature() {
        ReferenceModel model = ReferenceModel.fit(SyntheticTables.table(3, 3, 5, 4.0, 13L), SyntheticTables.fast());
        GenreAssessment a = model.assess(SyntheticTables.vector(2, 4.0), null);
        assertEquals("genre2", a.target());
        assertEquals(GenreAssessment.PREDICTED, a.source());
        assertEquals(model.crossValidation().orElseThrow().accuracy(), a.modelAccuracy(),
                "the assessment carries the grouped-CV accuracy of the classifier in use");
        assertEquals(3, a.nearest().size());
        assertEquals(FeatureVector.NAMES.size(), a.positions().size());
        double sum = a.predicted().stream().mapToDouble(GenrePrediction::probability).sum();
        assertEquals(1.0, sum, 1e-9);
        for (int i = 1; i < a.predicted().size(); i++) {
            assertTrue(a.predicted().get(i - 1).probability() >= a.predicted().get(i).probability());
        }
        ModelException e = assertThrows(ModelException.class, () -> model.assess(SyntheticTables.vector(0, 0), "polka"));
        assertTrue(e.getMessage().contains("genre0, genre1, genre2"), e.getMessage());
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReferenceModel.Options(ReferenceModel.Algorithm.AUTO, 0, 5, 2, 1, 5, 2, 3));
        assertThrows(IllegalArgumentException.class,
                () -> new ReferenceModel.Options(ReferenceModel.Algorithm.AUTO, 10, 1, 2, 1, 5, 2, 3));
    }

    static Map<String, Integer> count(List<String> xs) {
        Map<String, Integer> m = new HashMap<>();
        for (String x : xs) m.merge(x, 1, Integer::sum);
        return m;
    }
}
