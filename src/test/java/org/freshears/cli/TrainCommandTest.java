package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.freshears.audio.OutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train}, {@code genres}, {@code analyze --model} and {@code compare} end to end over generated WAVs in two
 * genres: "dark" (low-passed noise) and "bright" (high-passed noise), three packages of two tracks each.
 */
class TrainCommandTest {

    @TempDir
    static Path root;
    static Path refs;
    static Path model;
    static MainTest.Run trained;

    @BeforeAll
    static void trainOnce() throws IOException {
        refs = root.resolve("refs");
        for (int p = 0; p < 3; p++) {
            for (int t = 0; t < 2; t++) {
                noise(refs.resolve("dark/pkgd" + p + "__track" + t + ".wav"), false, 100 * p + t);
                noise(refs.resolve("bright/pkgb" + p + "__track" + t + ".wav"), true, 100 * p + t + 50);
            }
        }
        Files.writeString(refs.resolve("bright/pkgb0__broken.wav"), "RIFF this is not really a wave file");
        model = root.resolve("model");
        trained = MainTest.run("train", "--references", refs.toString(), "--out", model.toString(), "--trees", "40");
    }

    /** Two seconds of stereo noise, low-passed (dark) or high-passed (bright), with a per-track colour. */
    static void noise(Path file, boolean bright, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(seed);
        int rate = 44100;
        int n = 2 * rate;
        float[][] x = new float[2][n];
        double a = bright ? 0.3 + 0.2 * random.nextDouble() : 0.97 + 0.02 * random.nextDouble();
        for (int c = 0; c < 2; c++) {
            double y = 0;
            double prev = 0;
            for (int i = 0; i < n; i++) {
                double w = random.nextGaussian();
                if (bright) {
                    y = w - a * prev; // first difference: energy rises towards the top
                    prev = w;
                    x[c][i] = (float) (0.08 * y);
                } else {
                    y = a * y + (1 - a) * w; // one-pole low-pass
                    x[c][i] = (float) (1.5 * y);
                }
            }
        }
        try (WavWriter w = new WavWriter(file, rate, 2, OutputFormat.PCM16)) {
            w.write(x, 0, n);
        }
    }

    @Test
    void trainWritesTheModelFilesSkipsTheBrokenFileAndReports() throws IOException {
        assertEquals(Main.OK, trained.status(), trained.err());
        for (String f : new String[] {"model.json", "features.csv", "profiles.json", "classifier.bin"}) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        assertTrue(trained.err().contains("skipped") && trained.err().contains("pkgb0__broken.wav"), trained.err());
        assertTrue(trained.out().contains("cross-validation"), trained.out());
        JsonNode meta = Json.mapper().readTree(Files.readString(model.resolve("model.json")));
        assertEquals(3, meta.get("formatVersion").asInt());
        assertEquals("bright", meta.get("genres").get(0).asText());
        assertEquals(6, meta.get("trackCounts").get("dark").asInt());
        assertEquals(6, meta.get("trackCounts").get("bright").asInt());
        var lines = Files.readAllLines(model.resolve("features.csv"));
        assertEquals(13, lines.size());
        assertTrue(lines.get(0).startsWith("genre,group,path,split,band.sub,"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("dark,pkgd1,dark/pkgd1__track0.wav,train,")), lines.get(1));
    }

    @Test
    void aThinGenreProfileIsAWarningOfTheAnalysis(@TempDir Path dir) throws IOException {
        Path few = dir.resolve("refs");
        for (int t = 0; t < 3; t++) {
            noise(few.resolve("dark/pkgd" + t + "__track.wav"), false, 300 + t);
            noise(few.resolve("bright/pkgb" + t + "__track.wav"), true, 400 + t);
        }
        MainTest.Run fit = MainTest.run("train", "--references", few.toString(), "--out", dir.resolve("m").toString(),
                "--trees", "20");
        assertEquals(Main.OK, fit.status(), fit.err());
        Path mix = dir.resolve("mix.wav");
        noise(mix, false, 777);
        MainTest.Run r = MainTest.run("analyze", "--json", "--model", dir.resolve("m").toString(), mix.toString());
        JsonNode doc = Json.mapper().readTree(r.out().strip());
        assertTrue(doc.get("genre").get("thin").asBoolean());
        String target = doc.get("genre").get("target").asText();
        assertTrue(doc.get("warnings").toString().contains("the " + target + " profile rests on only 3 tracks"),
                doc.get("warnings").toString());
        assertTrue(r.err().contains("rests on only 3 tracks"), r.err());
    }

    @Test
    void analyzeWithTheModelPredictsTheRightGenre() throws IOException {
        Path dark = root.resolve("mix-dark.wav");
        noise(dark, false, 999);
        Path bright = root.resolve("mix-bright.wav");
        noise(bright, true, 998);
        MainTest.Run r = MainTest.run("analyze", "--json", "--model", model.toString(), dark.toString(), bright.toString());
        assertEquals(Main.OK, r.status(), r.err());
        var lines = r.out().strip().lines().toList();
        JsonNode d = Json.mapper().readTree(lines.get(0)).get("genre");
        JsonNode b = Json.mapper().readTree(lines.get(1)).get("genre");
        assertEquals("dark", d.get("target").asText(), d.toString());
        assertEquals("predicted", d.get("source").asText());
        assertEquals("dark", d.get("predicted").get(0).get("genre").asText());
        assertTrue(d.get("predicted").get(0).get("probability").asDouble() > 0.5);
        assertEquals("bright", b.get("target").asText(), b.toString());
        assertEquals(3, d.get("nearest").size());
        assertTrue(d.get("nearest").get(0).get("path").asText().startsWith("dark/"), d.get("nearest").toString());
        assertTrue(d.get("positions").size() > 50);
        assertFalse(d.get("thin").asBoolean());
        assertTrue(Json.mapper().readTree(lines.get(0)).get("warnings").isEmpty(), lines.get(0));

        MainTest.Run forced = MainTest.run("analyze", "--json", "--model", model.toString(), "--genre", "Bright", dark.toString());
        JsonNode f = Json.mapper().readTree(forced.out().strip()).get("genre");
        assertEquals("bright", f.get("target").asText());
        assertEquals("user", f.get("source").asText());
        assertEquals("dark", f.get("predicted").get(0).get("genre").asText());
    }

    @Test
    void anUnknownGenreIsAOneLineErrorNamingTheKnownOnes() {
        MainTest.Run r = MainTest.run("analyze", "--model", model.toString(), "--genre", "polka", "x.wav");
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("bright, dark"), r.err());
    }

    @Test
    void genresListsTheModelsGenresWithCounts() {
        MainTest.Run r = MainTest.run("genres", "--model", model.toString());
        assertEquals(Main.OK, r.status(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("bright") && l.contains(" 6")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("dark") && l.contains(" 6")), r.out());
    }

    @Test
    void trainingFromTheFeatureTableRebuildsTheSameModel() throws IOException {
        Path again = root.resolve("again");
        MainTest.Run r = MainTest.run("train", "--features", model.resolve("features.csv").toString(), "--out",
                again.toString(), "--trees", "40");
        assertEquals(Main.OK, r.status(), r.err());
        assertEquals(Files.readString(model.resolve("features.csv")), Files.readString(again.resolve("features.csv")));
        assertEquals(Files.readString(model.resolve("profiles.json")), Files.readString(again.resolve("profiles.json")));
        JsonNode a = Json.mapper().readTree(Files.readString(model.resolve("model.json")));
        JsonNode b = Json.mapper().readTree(Files.readString(again.resolve("model.json")));
        assertEquals(a.get("crossValidation"), b.get("crossValidation"));
    }

    @Test
    void compareReportsTheMixAgainstItsReferences() throws IOException {
        Path mix = root.resolve("cmp-mix.wav");
        noise(mix, false, 4242);
        MainTest.Run r = MainTest.run("compare", "--json", "--model", model.toString(), mix.toString(),
                refs.resolve("dark/pkgd0__track0.wav").toString(), refs.resolve("dark/pkgd1__track1.wav").toString());
        assertEquals(Main.OK, r.status(), r.err());
        JsonNode doc = Json.mapper().readTree(r.out().strip());
        assertEquals("freshears.compare/1", doc.get("schema").asText());
        assertEquals("freshears.analysis/1", doc.get("mix").get("schema").asText());
        assertEquals(2, doc.get("references").size());
        assertTrue(doc.get("thin").asBoolean());
        assertTrue(r.err().contains("thin"), r.err());
        JsonNode first = doc.get("features").get(0);
        assertEquals("band.sub", first.get("feature").asText());
        assertEquals(2, first.get("n").asInt());

        MainTest.Run table = MainTest.run("compare", "--model", model.toString(), mix.toString(),
                refs.resolve("dark/pkgd0__track0.wav").toString());
        assertEquals(Main.OK, table.status(), table.err());
        assertTrue(table.out().contains("band.bass"), table.out());
    }

    @Test
    void badReferenceFoldersAreOneLineErrorsWithStatusTwo() throws IOException {
        Path empty = Files.createDirectories(root.resolve("empty"));
        assertOneLineError(MainTest.run("train", "--references", empty.toString(), "--out", root.resolve("m1").toString()),
                "no genre folders");

        Path single = root.resolve("single");
        noise(single.resolve("dark/a__1.wav"), false, 1);
        noise(single.resolve("dark/b__2.wav"), false, 2);
        assertOneLineError(MainTest.run("train", "--references", single.toString(), "--out", root.resolve("m2").toString()),
                "at least two genres");

        Path hollow = root.resolve("hollow");
        noise(hollow.resolve("dark/a__1.wav"), false, 1);
        Files.createDirectories(hollow.resolve("bright"));
        assertOneLineError(MainTest.run("train", "--references", hollow.toString(), "--out", root.resolve("m3").toString()),
                "has no audio files");

        Path few = root.resolve("few");
        noise(few.resolve("dark/a__1.wav"), false, 1);
        noise(few.resolve("dark/b__1.wav"), false, 2);
        noise(few.resolve("bright/a__1.wav"), true, 3);
        assertOneLineError(MainTest.run("train", "--references", few.toString(), "--out", root.resolve("m4").toString()),
                "'bright' has 1 track");
    }

    @Test
    void aModelFromANewerFreshEarsIsRefused() throws IOException {
        Path copy = Files.createDirectories(root.resolve("newer"));
        for (String f : new String[] {"model.json", "features.csv", "profiles.json", "classifier.bin"}) {
            Files.copy(model.resolve(f), copy.resolve(f));
        }
        Path meta = copy.resolve("model.json");
        Files.writeString(meta, Files.readString(meta).replaceFirst("\"formatVersion\" : 3", "\"formatVersion\" : 4"));
        assertOneLineError(MainTest.run("genres", "--model", copy.toString()), "format version 4");
        assertOneLineError(MainTest.run("analyze", "--model", root.resolve("no-model").toString(), "x.wav"),
                "no reference model");
    }

    static void assertOneLineError(MainTest.Run r, String expected) {
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("freshears: ") && last.contains(expected), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
