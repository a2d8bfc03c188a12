package org.freshears.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Functional tests: the real app on port 0, driven over HTTP. */
class WebAppTest {
    static final Duration LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    static WebApp start(Path data, long maxMb, int workers, int queue, boolean paused) throws Exception {
        return WebApp.start(new WebApp.Options(data, "127.0.0.1", 0, maxMb, workers, queue, paused));
    }

    @Test
    void uploadAnalyseReportMasterAndDownload() throws Exception {
        byte[] wav = TestAudio.wav(6, 44100, 1);
        try (WebApp app = start(dir, 500, 2, 32, false)) {
            Client c = new Client(app);
            HttpResponse<String> up = c.upload(new TestAudio.Multipart().field("platform", "apple").field("genre", "detect")
                    .file("file", "My <Song> v1.wav", wav));
            assertEquals(202, up.statusCode(), up.body());
            String id = Client.json(up).get("id").asText();
            assertTrue(id.length() >= 26, "at least 128 random bits");
            assertEquals("queued", Client.json(up).get("status").asText());
            JsonNode done = c.await("/api/analyses/" + id, LIMIT);
            assertEquals("done", done.get("status").asText(), done.toString());
            assertEquals(1.0, done.get("progress").asDouble());
            assertTrue(done.get("error").isNull());
            JsonNode analysis = done.get("analysis");
            assertEquals("freshears.analysis/1", analysis.get("schema").asText());
            assertEquals("My <Song> v1.wav", analysis.get("file").get("path").asText());

            HttpResponse<String> page = c.get("/analyses/" + id);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("My &lt;Song&gt; v1.wav"), "display name escaped");
            assertFalse(page.body().contains("My <Song>"));
            assertTrue(page.body().contains("Integrated loudness") && page.body().contains("True peak"), "headline");
            assertTrue(page.body().contains("id=\"chain\""), "chain editor");
            // plots appear as soon as the analysers fill the blocks; until then the page says so
            if (analysis.get("spectrum") != null && !analysis.get("spectrum").isNull()) assertTrue(page.body().contains("<svg"));
            else assertTrue(page.body().contains("Tonal balance: not measured."));

            HttpResponse<byte[]> original = c.getBytes("/api/analyses/" + id + "/audio");
            assertEquals(200, original.statusCode());
            assertArrayEquals(wav, original.body());

            HttpResponse<String> m = c.postJson("/api/analyses/" + id + "/master", "{\"platform\":\"spotify\"}");
            assertEquals(202, m.statusCode(), m.body());
            String mid = Client.json(m).get("id").asText();
            JsonNode mdone = c.await("/api/masters/" + mid, LIMIT);
            assertEquals("done", mdone.get("status").asText(), mdone.toString());
            JsonNode result = mdone.get("result");
            assertEquals("freshears.master/1", result.get("schema").asText());
            assertTrue(result.get("checks").isArray() && !result.get("checks").isEmpty());
            assertEquals(-14.0, result.get("targets").get("integratedLufs").asDouble());
            assertNotNull(result.get("before"));
            assertNotNull(result.get("after"));

            int frames = (wav.length - 44) / 4;
            HttpResponse<byte[]> a24 = c.getBytes("/api/masters/" + mid + "/audio");
            assertEquals(200, a24.statusCode());
            assertWav(a24.body(), 24, frames);
            assertTrue(a24.headers().firstValue("Content-Disposition").orElse("").contains("-master.wav"));
            HttpResponse<byte[]> a16 = c.getBytes("/api/masters/" + mid + "/audio?format=pcm16");
            assertWav(a16.body(), 16, frames);
            assertWav(c.getBytes("/api/masters/" + mid + "/audio?format=float32").body(), 32, frames);
            assertEquals(400, c.get("/api/masters/" + mid + "/audio?format=mp3").statusCode());

            HttpResponse<String> mpage = c.get("/masters/" + mid);
            assertEquals(200, mpage.statusCode());
            assertTrue(mpage.body().contains("id=\"checks\"") && mpage.body().contains("matched loudness"));
        }
    }

    /** A RIFF/WAVE file with {@code bits} per sample, two channels and exactly {@code frames} frames. */
    static void assertWav(byte[] b, int bits, int frames) {
        assertEquals("RIFF", new String(b, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("WAVE", new String(b, 8, 4, StandardCharsets.US_ASCII));
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        Integer fmtBits = null;
        while (at + 8 <= b.length) {
            String id = new String(b, at, 4, StandardCharsets.US_ASCII);
            long size = h.getInt(at + 4) & 0xffffffffL;
            if (id.equals("fmt ")) fmtBits = (int) h.getShort(at + 8 + 14);
            if (id.equals("data")) {
                assertEquals(bits, fmtBits, "bits per sample");
                assertEquals(frames * 2L * bits / 8, size, "data size: same number of frames");
                assertEquals(at + 8 + size, b.length, "file ends with the data");
                return;
            }
            at += 8 + (int) size + (int) (size & 1);
        }
        throw new AssertionError("no data chunk");
    }

    @Test
    void spooledUploadsAreMovedIntoPlaceWhole() throws Exception {
        // over the 1 MB in-memory limit, so the server spools both parts to disk and moves them into uploads/
        byte[] mix = TestAudio.wav(10, 44100, 1);
        byte[] ref = TestAudio.wav(8, 48000, 2);
        assertTrue(mix.length > (1 << 20) && ref.length > (1 << 20));
        try (WebApp app = start(dir, 500, 1, 4, false)) {
            Client c = new Client(app);
            HttpResponse<String> up = c.upload(new TestAudio.Multipart().file("file", "mix.wav", mix)
                    .file("reference", "ref.wav", ref));
            assertEquals(202, up.statusCode(), up.body());
            String id = Client.json(up).get("id").asText();
            JsonNode done = c.await("/api/analyses/" + id, LIMIT);
            assertEquals("done", done.get("status").asText(), done.toString());
            assertArrayEquals(mix, c.getBytes("/api/analyses/" + id + "/audio").body(), "the stored mix is the upload");
            List<byte[]> stored = new ArrayList<>();
            try (var files = Files.list(dir.resolve("uploads"))) {
                for (Path f : files.toList()) stored.add(Files.readAllBytes(f));
            }
            assertEquals(2, stored.size(), "the mix and its reference");
            assertTrue(stored.stream().anyMatch(b -> java.util.Arrays.equals(b, ref)), "the stored reference is the upload");
            try (var left = Files.list(dir.resolve("tmp"))) {
                assertEquals(List.of(), left.toList(), "no spool or partial files left behind");
            }
        }
    }

    @Test
    void unknownIdsAnswer404() throws Exception {
        try (WebApp app = start(dir, 500, 1, 4, false)) {
            Client c = new Client(app);
            String fake = Ids.next();
            for (String p : new String[]{"/api/analyses/" + fake, "/api/analyses/nope", "/api/masters/" + fake,
                    "/api/masters/" + fake + "/audio", "/api/analyses/" + fake + "/audio", "/api/nothing"}) {
                HttpResponse<String> r = c.get(p);
                assertEquals(404, r.statusCode(), p);
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), p);
                assertTrue(Client.json(r).get("error").asText().length() > 3, p);
            }
            assertEquals(404, c.postJson("/api/analyses/" + fake + "/master", "{}").statusCode());
            for (String p : new String[]{"/analyses/" + fake, "/masters/" + fake, "/nothing/here"}) {
                HttpResponse<String> r = c.get(p);
                assertEquals(404, r.statusCode(), p);
                assertTrue(r.body().contains("Not found") && !r.body().contains("Exception"), p);
            }
        }
    }

    @Test
    void oversizeUploadIs413() throws Exception {
        try (WebApp app = start(dir, 1, 1, 4, false)) {
            Client c = new Client(app);
            HttpResponse<String> r = c.upload("big.wav", TestAudio.wav(8, 44100, 2)); // 1.4 MB
            assertEquals(413, r.statusCode(), r.body());
            assertTrue(Client.json(r).get("error").asText().contains("1 MB"));
            HttpResponse<String> ok = c.upload("small.wav", TestAudio.wav(1, 44100, 2)); // still serving
            assertEquals(202, ok.statusCode(), ok.body());
        }
    }

    @Test
    void aBodyOverTheWholeUploadLimitIs413ToAClientThatSendsEverythingFirst() throws Exception {
        // as Python's urllib does: the whole 40 MB body is written before the answer is read. The server must take
        // the body in (and discard it) before it answers, or the client's write fails on a reset connection
        // (a broken pipe) and it never sees the 413
        try (WebApp app = start(dir, 1, 1, 4, false);
             java.net.Socket s = new java.net.Socket("127.0.0.1", app.port())) {
            String boundary = "b0undary";
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.wav\"\r\n"
                    + "Content-Type: audio/wav\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] chunk = new byte[1 << 20];
            int chunks = 40;
            long length = head.length + (long) chunks * chunk.length + tail.length;
            java.io.OutputStream out = s.getOutputStream();
            out.write(("POST /api/analyses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary="
                    + boundary + "\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(head);
            for (int i = 0; i < chunks; i++) out.write(chunk);
            out.write(tail);
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("1 MB per file"), answer);
        }
    }

    @Test
    void aClientThatWaitsFor100ContinueIsAnsweredAtOnceAndNotAskedForTheBody() throws Exception {
        // curl's way with large uploads: headers first, body only after "100 Continue"
        try (WebApp app = start(dir, 1, 1, 4, false);
             java.net.Socket s = new java.net.Socket("127.0.0.1", app.port())) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(("POST /api/analyses HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: multipart/form-data; boundary=b0undary\r\nContent-Length: 100000000\r\n"
                    + "Expect: 100-continue\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            String status = r.readLine();
            assertTrue(status.startsWith("HTTP/1.1 413"), "the answer, not a request for the body: " + status);
        }
    }

    @Test
    void junkUploadIsRefusedWithAClearError() throws Exception {
        try (WebApp app = start(dir, 500, 1, 4, false)) {
            Client c = new Client(app);
            HttpResponse<String> r = c.upload("song.wav", "this is not audio at all, just text".repeat(100).getBytes());
            assertEquals(415, r.statusCode(), r.body());
            String error = Client.json(r).get("error").asText();
            assertTrue(error.contains("song.wav") && error.contains("not an audio file"), error);
            assertFalse(error.contains(dir.toString()), "no server paths");
            assertEquals(400, c.upload(new TestAudio.Multipart().field("genre", "pop")).statusCode(), "no file");
            assertEquals(400, c.upload(new TestAudio.Multipart().field("platform", "vinyl")
                    .file("file", "a.wav", TestAudio.wav(1, 44100, 1))).statusCode(), "unknown platform");
            try (var files = Files.list(dir.resolve("uploads"))) {
                assertEquals(0, files.count(), "nothing stored for refused uploads");
            }
        }
    }

    @Test
    void queuedJobSurvivesARestart() throws Exception {
        String id;
        try (WebApp app = start(dir, 500, 1, 4, true)) {
            HttpResponse<String> r = new Client(app).upload("keep.wav", TestAudio.wav(2, 44100, 3));
            assertEquals(202, r.statusCode());
            id = Client.json(r).get("id").asText();
            assertEquals("queued", Client.json(new Client(app).get("/api/analyses/" + id)).get("status").asText());
        }
        try (WebApp app = start(dir, 500, 1, 4, false)) {
            JsonNode done = new Client(app).await("/api/analyses/" + id, LIMIT);
            assertEquals("done", done.get("status").asText(), done.toString());
        }
        try (WebApp app = start(dir, 500, 1, 4, false)) {
            JsonNode again = Client.json(new Client(app).get("/api/analyses/" + id));
            assertEquals("done", again.get("status").asText());
            assertEquals("freshears.analysis/1", again.get("analysis").get("schema").asText());
        }
    }

    @Test
    void runningJobIsRetriedOnceThenFailed() throws Exception {
        String first, second;
        try (WebApp app = start(dir, 500, 1, 4, true)) {
            Client c = new Client(app);
            first = Client.json(c.upload("a.wav", TestAudio.wav(1, 44100, 4))).get("id").asText();
            second = Client.json(c.upload("b.wav", TestAudio.wav(1, 44100, 5))).get("id").asText();
        }
        try (Store s = new Store(dir)) { // as a crash would leave them
            s.forceState(first, Job.RUNNING, 1);
            s.forceState(second, Job.RUNNING, 2);
        }
        try (WebApp app = start(dir, 500, 1, 4, false)) {
            Client c = new Client(app);
            assertEquals("done", c.await("/api/analyses/" + first, LIMIT).get("status").asText());
            JsonNode failed = c.await("/api/analyses/" + second, LIMIT);
            assertEquals("failed", failed.get("status").asText());
            assertTrue(failed.get("error").asText().contains(Store.INTERRUPTED));
            HttpResponse<String> page = c.get("/analyses/" + second);
            assertTrue(page.body().contains(Store.INTERRUPTED));
        }
    }

    @Test
    void fullQueueAnswers503() throws Exception {
        try (WebApp app = start(dir, 500, 1, 1, true)) {
            Client c = new Client(app);
            assertEquals(202, c.upload("1.wav", TestAudio.wav(0.5, 44100, 1)).statusCode());
            assertEquals(202, c.upload("2.wav", TestAudio.wav(0.5, 44100, 1)).statusCode());
            // 4 MB, more than the socket buffers hold: answered only after the body is read (a reset otherwise)
            HttpResponse<String> r = c.upload("3.wav", TestAudio.wav(24, 44100, 1));
            assertEquals(503, r.statusCode());
            assertTrue(Client.json(r).get("error").asText().contains("queue is full"));
        }
    }

    @Test
    void twentyConcurrentUploadsAllComplete() throws Exception {
        try (WebApp app = start(dir, 500, 2, 32, false)) {
            Client c = new Client(app);
            ExecutorService pool = Executors.newFixedThreadPool(20);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                byte[] wav = TestAudio.wav(1, 44100, 100 + i);
                String name = "take " + i + ".wav";
                sent.add(pool.submit(() -> c.upload(name, wav)));
            }
            Set<String> ids = new HashSet<>();
            for (Future<HttpResponse<String>> f : sent) {
                HttpResponse<String> r = f.get();
                assertEquals(202, r.statusCode(), r.body());
                ids.add(Client.json(r).get("id").asText());
            }
            pool.shutdown();
            assertEquals(20, ids.size());
            for (String id : ids) {
                JsonNode done = c.await("/api/analyses/" + id, LIMIT);
                assertEquals("done", done.get("status").asText(), done.toString());
            }
            System.out.printf("20 concurrent uploads of 1 s finished in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    @Test
    void versionsOfOneSongAreLinked() throws Exception {
        try (WebApp app = start(dir, 500, 1, 8, false)) {
            Client c = new Client(app);
            String v1 = Client.json(c.upload("Track_v1.wav", TestAudio.wav(1, 44100, 1))).get("id").asText();
            assertEquals("done", c.await("/api/analyses/" + v1, LIMIT).get("status").asText());
            String v2 = Client.json(c.upload("track v2.wav", TestAudio.wav(1, 44100, 2))).get("id").asText();
            JsonNode s = c.await("/api/analyses/" + v2, LIMIT);
            assertEquals(2, s.get("version").asInt());
            assertEquals("Track", s.get("song").asText());
            String page = c.get("/analyses/" + v2).body();
            assertTrue(page.contains("Since <span>version 1</span>"), "changes section");
            assertTrue(page.contains("/analyses/" + v1));
            assertTrue(page.contains("How the tonal curve moved"), "tonal movement summary");
            assertFalse(page.contains("A newer mix of this song"), "version 2 is the newest");
            // the page of version 1 itself (no earlier version) has no comparison, and points forward to version 2
            String first = c.get("/analyses/" + v1).body();
            assertFalse(first.contains("Since <span>"));
            assertTrue(first.contains("A newer mix of this song has been analysed: <a href=\"/analyses/" + v2
                    + "\">version 2</a>"), "forward link");
        }
    }

    @Test
    void anAiffUploadIsPlayedAsWavBecauseBrowsersDoNotDecodeAiff() throws Exception {
        byte[] wav = TestAudio.wav(1, 44100, 5);
        java.io.ByteArrayOutputStream aiff = new java.io.ByteArrayOutputStream();
        try (var in = javax.sound.sampled.AudioSystem.getAudioInputStream(new java.io.ByteArrayInputStream(wav))) {
            javax.sound.sampled.AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.AIFF, aiff);
        }
        try (WebApp app = start(dir, 500, 1, 8, false)) {
            Client c = new Client(app);
            String id = Client.json(c.upload("take.aiff", aiff.toByteArray())).get("id").asText();
            assertEquals("done", c.await("/api/analyses/" + id, LIMIT).get("status").asText());
            HttpResponse<byte[]> played = c.getBytes("/api/analyses/" + id + "/audio");
            assertEquals(200, played.statusCode());
            assertEquals("audio/wav", played.headers().firstValue("content-type").orElse(""));
            byte[] body = played.body();
            assertWav(body, 24, 44100); // every frame of the upload, as 24-bit PCM
            // the same once more, from the copy made the first time
            assertArrayEquals(body, c.getBytes("/api/analyses/" + id + "/audio").body());
        }
    }

    @Test
    void songNames() {
        assertEquals("My Song", Uploads.songName("My Song_v2.wav"));
        assertEquals("My Song", Uploads.songName("My Song - mix 3.flac"));
        assertEquals("beat", Uploads.songName("beat (2).mp3"));
        assertEquals("intro", Uploads.songName("intro.wav"));
        assertEquals("my song", Uploads.songKey("My_Song"));
        assertEquals("evil.wav", Uploads.displayName("../../etc/evil.wav"));
        assertEquals("a_b_.wav", WebApp.attachmentName("a\"b\u00e9.wav", "", "wav"));
    }
}
