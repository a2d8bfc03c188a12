package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.freshears.analysis.Signals;
import org.freshears.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: a WAV written here, through {@code Main.run("analyze", "--json", file)}. */
class AnalyzeJsonTest {

    @Test
    void analyzeJsonCarriesTheContractKeysAndValues(@TempDir Path dir) throws Exception {
        int fs = 44100, n = 6 * fs;
        float[] l = Signals.pink(1 << 19, fs, 0.1, 1);
        ByteBuffer pcm = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            pcm.putShort((short) Math.round(l[i] * 32767));
            pcm.putShort((short) Math.round(l[i] * 32767)); // right = left: a mono image
        }
        Path wav = dir.resolve("mono-image.wav");
        AudioFormat fmt = new AudioFormat(fs, 16, 2, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm.array()), fmt, n), AudioFileFormat.Type.WAVE,
                wav.toFile());

        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = Main.run(new String[] {"analyze", "--json", wav.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, status, err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(1, lines.size());
        JsonNode d = Json.mapper().readTree(lines.get(0));

        assertEquals("freshears.analysis/1", d.get("schema").asText());
        assertEquals(fs, d.at("/file/sampleRate").asInt());
        assertEquals(2, d.at("/file/channels").asInt());
        assertEquals(6.0, d.at("/file/durationSeconds").asDouble(), 1e-9);
        for (String k : List.of("integratedLufs", "momentaryMaxLufs", "shortTermMaxLufs", "loudnessRangeLu",
                "samplePeakDbfs", "truePeakDbtp")) {
            assertTrue(d.get("loudness").has(k), k);
        }
        assertTrue(d.at("/loudness/integratedLufs").isNumber());
        assertTrue(d.at("/dynamics/crestFactorDb").isNumber());
        assertTrue(d.at("/dynamics/plrDb").isNumber());
        // plr is true peak minus integrated, by definition
        assertEquals(d.at("/loudness/truePeakDbtp").asDouble() - d.at("/loudness/integratedLufs").asDouble(),
                d.at("/dynamics/plrDb").asDouble(), 0.011);

        JsonNode bands = d.at("/spectrum/bands");
        assertEquals(7, bands.size());
        String[] names = {"sub", "bass", "lowMids", "mids", "upperMids", "highs", "air"};
        double share = 0;
        for (int b = 0; b < 7; b++) {
            assertEquals(names[b], bands.get(b).get("name").asText());
            assertTrue(bands.get(b).has("lowHz") && bands.get(b).has("highHz"));
            share += Math.pow(10, bands.get(b).get("levelDb").asDouble() / 10);
        }
        assertEquals(1.0, share, 0.01); // the seven bands partition 20 Hz–20 kHz

        // right = left: correlation 1, width 0, nothing lost in mono
        assertEquals(1.0, d.at("/stereo/correlation").asDouble(), 1e-3);
        assertEquals(0.0, d.at("/stereo/width").asDouble(), 1e-3);
        assertEquals(0.0, d.at("/stereo/monoLoudnessDropLu").asDouble(), 0.02);
        assertTrue(d.get("findings").isArray());
        assertTrue(d.get("sections").size() == 2);
        assertEquals(32 * 32, d.at("/stereo/goniometer/cells").size());
    }

    @Test
    void silenceGetsNoGenreGuessAndNoNearestReferences(@TempDir Path dir) throws Exception {
        int fs = 44100, n = 2 * fs;
        Path wav = dir.resolve("silence.wav");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(new byte[n * 4]), new AudioFormat(fs, 16, 2, true, false), n),
                AudioFileFormat.Type.WAVE, wav.toFile());
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = Main.run(new String[] {"analyze", "--json", wav.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, status, err.toString());
        JsonNode d = Json.mapper().readTree(out.toString().strip());
        assertTrue(d.at("/loudness/integratedLufs").isNull());
        assertTrue(d.at("/genre/target").isNull(), d.get("genre").toString());
        assertEquals(0, d.at("/genre/predicted").size(), d.get("genre").toString());
        assertEquals(0, d.at("/genre/nearest").size(), d.get("genre").toString());
        // with the user's genre, that genre is the target (its profile is still what the mix is held against)
        out = new StringWriter();
        Main.run(new String[] {"analyze", "--json", "--genre", " Rock ", wav.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals("rock", Json.mapper().readTree(out.toString().strip()).at("/genre/target").asText());
    }
}
