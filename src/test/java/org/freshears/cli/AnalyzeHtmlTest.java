package org.freshears.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeHtmlTest {

    @Test
    void analyzeWritesASelfContainedReport(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("tone.wav");
        Files.write(wav, sine(2, 44100));
        Path out = dir.resolve("reports/tone.html");
        StringWriter o = new StringWriter(), e = new StringWriter();
        int status = Main.run(new String[]{"analyze", wav.toString(), "--platform", "apple", "--html", out.toString()},
                new PrintWriter(o), new PrintWriter(e));
        assertEquals(Main.OK, status, e.toString());
        String html = Files.readString(out);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("tone.wav") && html.contains("Integrated loudness"));
        assertFalse(html.contains("<link") || html.contains("src=\"http"), "no external resources");
        assertFalse(html.contains("id=\"chain\""), "no chain editor in the static export");
    }

    @Test
    void referenceTracksAreComparedWithAndDrawnOnTheTonalPlot(@TempDir Path dir) throws Exception {
        Path mix = dir.resolve("mix.wav");
        Path ref = dir.resolve("my favourite master.wav");
        Files.write(mix, sine(3, 44100));
        Files.write(ref, org.freshears.web.TestAudioAccess.wav(3, 44100, 5));
        Path out = dir.resolve("mix.html");
        StringWriter o = new StringWriter(), e = new StringWriter();
        int status = Main.run(new String[]{"analyze", mix.toString(), "--reference", ref.toString(), "--json",
                "--html", out.toString()}, new PrintWriter(o), new PrintWriter(e));
        assertEquals(Main.OK, status, e.toString());
        var doc = org.freshears.util.Json.mapper().readTree(o.toString().lines().findFirst().orElseThrow());
        assertEquals("my favourite master.wav", doc.path("references").path(0).path("name").asText(), o.toString());
        assertEquals(31, doc.path("references").path(0).path("thirdOctaves").size());
        assertTrue(doc.path("findings").toString().contains("your reference track"),
                "a 440 Hz tone against a full-range reference is compared with the reference: " + doc.path("findings"));
        String html = Files.readString(out);
        int plot = html.indexOf("id=\"plot-tonal\"");
        assertTrue(plot >= 0 && html.indexOf("my favourite master", plot) > plot, "the reference is drawn on the tonal plot");
    }

    static byte[] sine(double seconds, int rate) {
        int frames = (int) (seconds * rate);
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + frames * 2).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes()).putInt(frames * 2);
        for (int i = 0; i < frames; i++) b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        return b.array();
    }
}
