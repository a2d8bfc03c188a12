package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.freshears.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's outside contract: exit statuses, one-line errors, JSON Lines in the order given. */
class MainTest {

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void libraryPrintsGoToStandardErrorAndResultsKeepStandardOutput() {
        PrintStream savedOut = System.out, savedErr = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream(), stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            PrintStream results = Main.keepStdoutForResults();
            System.out.println("readResidual elsecase, pEsc = 15"); // what jflac prints for a damaged frame
            results.println("{\"schema\":\"freshears.analysis/1\"}");
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        assertEquals("{\"schema\":\"freshears.analysis/1\"}" + System.lineSeparator(), stdout.toString(StandardCharsets.UTF_8));
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("readResidual"), stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryCommandEvenThoughOnlyTheOneRunIsRegistered() {
        Run r = run("--help");
        assertEquals(Main.OK, r.status());
        for (String c : new String[] {"analyze", "compare", "master", "train", "genres", "platforms", "serve"}) {
            assertTrue(r.out().contains(c), c + " missing from help: " + r.out());
        }
        assertFalse(r.out().contains("warmup"), "the hidden warm-up command shows in help");
        assertEquals(Main.OK, run("platforms").status());
    }

    @Test
    void everyCommandAnswersHelpWithItsOwnOptions() {
        String[][] cases = {{"analyze", "--json"}, {"compare", "REF"}, {"master", "--out"}, {"train", "--references"},
                {"genres", "--model"}, {"platforms", "--help"}, {"serve", "--port"}};
        for (String[] c : cases) {
            Run r = run(c[0], "--help");
            assertEquals(Main.OK, r.status(), c[0] + " --help: " + r.err());
            assertTrue(r.out().contains(c[1]), c[0] + " --help does not mention " + c[1] + ": " + r.out());
        }
    }

    @Test
    void noCommandIsBadUsage() {
        assertEquals(Main.BAD_INPUT, run().status());
    }

    @Test
    void unknownOptionIsOneLineAndStatusTwo() {
        Run r = run("analyze", "--no-such-option", "x.wav");
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void unknownPlatformIsNamedWithTheValidOnes(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.wav");
        Files.writeString(text, "not audio");
        Run r = run("analyze", "--platform", "myspace", text.toString());
        assertEquals(Main.BAD_INPUT, r.status());
        assertTrue(r.err().contains("spotify"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void unreadableFilesGetAnErrorLineInOrderAndStatusTwo(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.wav");
        Files.write(empty, new byte[0]);
        Path text = dir.resolve("text.flac");
        Files.writeString(text, "hello, this is not audio at all\n".repeat(20));
        Run r = run("analyze", "--json", empty.toString(), dir.resolve("missing.wav").toString(), text.toString());
        assertEquals(Main.BAD_INPUT, r.status());
        var lines = r.out().strip().lines().toList();
        assertEquals(3, lines.size(), r.out());
        String[] expected = {empty.toString(), dir.resolve("missing.wav").toString(), text.toString()};
        for (int i = 0; i < 3; i++) {
            JsonNode n = Json.mapper().readTree(lines.get(i));
            assertEquals("freshears.analysis/1", n.get("schema").asText());
            assertEquals(expected[i], n.get("file").get("path").asText());
            assertFalse(n.get("error").asText().isBlank());
        }
        assertFalse(r.err().contains("at org."), "no stack traces: " + r.err());
    }

    @Test
    void aWavWithAnEmptyDataChunkIsUnreadableNotASilentTrack(@TempDir Path dir) throws Exception {
        // a canonical 44-byte header, 44.1 kHz stereo 16-bit, whose data chunk holds 0 bytes
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(44100).putInt(44100 * 4).putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(0);
        Path headerOnly = dir.resolve("header-only.wav");
        Files.write(headerOnly, b.array());
        Run r = run("analyze", "--json", headerOnly.toString());
        assertEquals(Main.BAD_INPUT, r.status(), r.out());
        JsonNode n = Json.mapper().readTree(r.out().strip());
        assertTrue(n.get("error").asText().contains("no audio samples"), n.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void compareNamesTheReferenceThatCannotBeReadUnderItsOwnSchema(@TempDir Path dir) throws Exception {
        Path mix = dir.resolve("mix.wav");
        TrainCommandTest.noise(mix, false, 11);
        Path text = dir.resolve("text.wav");
        Files.writeString(text, "not audio at all\n".repeat(10));
        Run r = run("compare", "--json", mix.toString(), text.toString());
        assertEquals(Main.BAD_INPUT, r.status());
        JsonNode n = Json.mapper().readTree(r.out().strip());
        assertEquals("freshears.compare/1", n.get("schema").asText());
        assertEquals(text.toString(), n.get("file").get("path").asText(), n.toString());
        // a mix and a reference of the same name: the empty one is named, by its own path
        Path emptyMix = Files.createDirectories(dir.resolve("mixes")).resolve("x.wav");
        Files.write(emptyMix, new byte[0]);
        Path goodRef = Files.createDirectories(dir.resolve("refs")).resolve("x.wav");
        TrainCommandTest.noise(goodRef, true, 12);
        JsonNode same = Json.mapper().readTree(run("compare", "--json", emptyMix.toString(), goodRef.toString()).out().strip());
        assertEquals(emptyMix.toString(), same.get("file").get("path").asText(), same.toString());
    }

    @Test
    void aMastered51OggKeepsItsCentreInTheCentre(@TempDir Path dir) throws Exception {
        // Vorbis stores 5.1 as FL FC FR RL RR LFE; the fixture has 1 kHz on FL, FR and the surrounds, a silent
        // centre and 60 Hz on the LFE. The master must be a WAV in the WAV order that says so in its channel mask.
        Path out = dir.resolve("m.wav");
        Run r = run("master", "src/test/resources/audio/surround51.ogg", "--out", out.toString());
        assertEquals(Main.OK, r.status(), r.err());
        try (var src = org.freshears.audio.AudioDecoder.open(out)) {
            assertEquals(org.freshears.audio.ChannelLayout.fromWaveMask(0x3F, 6), src.info().channelLayout());
            float[][] b = new float[6][48000];
            double[] energy = new double[6];
            for (int n; (n = src.read(b, 48000)) > 0; ) {
                for (int c = 0; c < 6; c++) for (int i = 0; i < n; i++) energy[c] += b[c][i] * (double) b[c][i];
            }
            assertTrue(energy[2] < 1e-6 * energy[0], "the centre (channel 3) must stay silent: " + java.util.Arrays.toString(energy));
            assertTrue(energy[1] > 0.5 * energy[0] && energy[4] > 0.5 * energy[0], java.util.Arrays.toString(energy));
        }
    }

    @Test
    void platformsListsTheContractTargets() {
        Run r = run("platforms");
        assertEquals(Main.OK, r.status());
        for (String id : new String[] {"spotify", "apple", "youtube", "tidal", "amazon", "deezer", "ebu"}) {
            assertTrue(r.out().contains(id), id);
        }
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("amazon") && l.contains("-14 LUFS") && l.contains("-2.0 dBTP")));
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("ebu") && l.contains("-23 LUFS")));
    }
}
