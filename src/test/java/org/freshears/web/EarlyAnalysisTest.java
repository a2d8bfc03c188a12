package org.freshears.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.freshears.advice.Platform;
import org.freshears.analysis.ProgressListener;
import org.freshears.pipeline.Pipeline;
import org.freshears.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app measures a mix while it uploads. These check that this changes nothing but the time: the report is
 * the one the CLI's pipeline makes from the stored file, a file that reads differently once whole is measured
 * again, and an upload that breaks off leaves nothing behind.
 */
class EarlyAnalysisTest {
    static final Duration LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private static Path onlyUpload(Path data) throws Exception {
        try (var files = Files.list(data.resolve("uploads"))) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all.toString());
            return all.getFirst();
        }
    }

    /** Uploads, expects 202, waits for the job and expects it done; returns its status document. */
    private static JsonNode uploadAndAwait(Client c, TestAudio.Multipart body) throws Exception {
        HttpResponse<String> up = c.upload(body);
        assertEquals(202, up.statusCode(), up.body());
        JsonNode done = c.await("/api/analyses/" + Client.json(up).get("id").asText(), LIMIT);
        assertEquals("done", done.get("status").asText(), done.toString());
        return done;
    }

    /** The CLI pipeline's analysis document of the stored file, as JSON. */
    private static JsonNode pipelineDocument(Path stored, String name, String platform) throws Exception {
        var doc = new Pipeline().analyze(stored, name, new Pipeline.AnalyzeRequest(null, Platform.of(platform), List.of()),
                ProgressListener.NONE);
        return Json.read(Json.write(doc), JsonNode.class);
    }

    @Test
    void theReportOfAMixMeasuredAsItArrivedIsThePipelinesReportOfTheStoredFile() throws Exception {
        byte[] wav = TestAudio.wav(12, 44100, 7);
        try (WebApp app = WebAppTest.start(dir, 500, 1, 4, false)) {
            Client c = new Client(app);
            JsonNode done = uploadAndAwait(c, new TestAudio.Multipart().file("file", "early.wav", wav)
                    .field("platform", "youtube").field("genre", "detect"));   // fields after the file are still read
            assertEquals(1, app.early().used(), "measured while it arrived");
            assertEquals(0, app.early().discarded());
            Path stored = onlyUpload(dir);
            assertTrue(Arrays.equals(wav, Files.readAllBytes(stored)));
            assertEquals(pipelineDocument(stored, "early.wav", "youtube"), done.get("analysis"));
        }
    }

    @Test
    void aFileThatReadsDifferentlyOnceWholeIsMeasuredAgain() throws Exception {
        // the header promises 12 s, the body holds 5 s: while it arrives, the reader takes the header at its word;
        // the whole file shows the truncation, so the job measures it again and reports it as cut short
        byte[] whole = TestAudio.wav(12, 44100, 8);
        byte[] cut = Arrays.copyOf(whole, 44 + 5 * 44100 * 4);
        try (WebApp app = WebAppTest.start(dir, 500, 1, 4, false)) {
            Client c = new Client(app);
            JsonNode done = uploadAndAwait(c, new TestAudio.Multipart().file("file", "cut.wav", cut));
            assertEquals(0, app.early().used());
            assertEquals(1, app.early().discarded());
            JsonNode expected = pipelineDocument(onlyUpload(dir), "cut.wav", null);
            assertEquals(expected, done.get("analysis"));
            assertEquals(5.0, done.get("analysis").get("file").get("durationSeconds").asDouble(), 1e-3);
            assertTrue(done.get("analysis").get("warnings").toString().toLowerCase().contains("trunc")
                    || done.get("analysis").get("warnings").toString().contains("shorter"), done.get("analysis").get("warnings").toString());
        }
    }

    @Test
    void anUploadThatBreaksOffLeavesNothingAndTheNextIsMeasuredAsItArrives() throws Exception {
        byte[] wav = TestAudio.wav(20, 44100, 9);
        try (WebApp app = WebAppTest.start(dir, 500, 1, 4, false)) {
            String boundary = "----brokenoff";
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"gone.wav\"\r\n"
                    + "Content-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            try (Socket s = new Socket("127.0.0.1", app.port())) {
                s.setSoTimeout((int) LIMIT.toMillis());
                OutputStream out = s.getOutputStream();
                out.write(("POST /api/analyses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary="
                        + boundary + "\r\nContent-Length: " + (head.length + wav.length + 100) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(head);
                out.write(wav, 0, wav.length / 3);   // a third of the file, then the client stops sending
                out.flush();
                s.shutdownOutput();
                // the server has seen the body end early once it answers (so the next upload cannot race it)
                String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                assertEquals("HTTP/1.1 400", status);
            }
            // it cancels the early measurement and deletes the partial file
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (System.nanoTime() < deadline && !(app.early().idle() && isEmpty(dir.resolve("tmp")))) {
                Thread.sleep(20);
            }
            assertTrue(app.early().idle(), "the early measurement was stopped");
            assertTrue(isEmpty(dir.resolve("tmp")), "no partial upload left");
            assertTrue(isEmpty(dir.resolve("uploads")), "nothing stored");

            Client c = new Client(app);
            JsonNode done = uploadAndAwait(c, new TestAudio.Multipart().file("file", "next.wav", TestAudio.wav(6, 48000, 10)));
            assertEquals(1, app.early().used(), "the permit came back");
        }
    }

    /**
     * A pool that runs its tasks only when told to, so that the request thread can cancel before a task starts; its
     * tasks ignore cancellation, as a task does that the pool starts in the same instant as the cancel.
     */
    private static final class HeldPool extends java.util.concurrent.AbstractExecutorService {
        final java.util.List<Runnable> held = new java.util.ArrayList<>();

        @Override
        protected <T> java.util.concurrent.RunnableFuture<T> newTaskFor(Runnable r, T value) {
            return new java.util.concurrent.FutureTask<>(r, value) {
                @Override public boolean cancel(boolean interrupt) { return false; }
            };
        }

        @Override public void execute(Runnable r) { held.add(r); }
        @Override public void shutdown() { }
        @Override public java.util.List<Runnable> shutdownNow() { return held; }
        @Override public boolean isShutdown() { return false; }
        @Override public boolean isTerminated() { return false; }
        @Override public boolean awaitTermination(long t, java.util.concurrent.TimeUnit u) { return true; }
    }

    @Test
    void aMeasurementCancelledBeforeItsTaskStartsGivesItsPermitBack() throws Exception {
        HeldPool pool = new HeldPool();
        EarlyAnalysis early = new EarlyAnalysis(1, pool);
        GrowingFile file = new GrowingFile(dir.resolve("spool.wav"));
        EarlyAnalysis.Running r = early.start(file, 1 << 20, "spool.wav");
        org.junit.jupiter.api.Assertions.assertNotNull(r, "a permit was free");
        assertTrue(!early.idle(), "the permit is taken");
        r.cancel();
        assertTrue(early.idle(), "a task cancelled before it ran gives its permit back");
        for (Runnable task : pool.held) task.run(); // the task starts after all: it must not give the permit back again
        assertTrue(early.idle(), "the permit came back once, not twice");
        EarlyAnalysis.Running next = early.start(new GrowingFile(dir.resolve("next.wav")), 1 << 20, "next.wav");
        assertTrue(next != null, "the next upload is measured early again");
        next.cancel();
        early.close();
    }

    private static boolean isEmpty(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }

    /** A WAV whose data chunk declares 0 bytes (as streaming recorders leave it): read to the end of the file. */
    @Test
    void aStreamingRecordersWavIsMeasuredOnceWhole() throws Exception {
        byte[] wav = TestAudio.wav(4, 44100, 11);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0);
        try (WebApp app = WebAppTest.start(dir, 500, 1, 4, false)) {
            Client c = new Client(app);
            JsonNode done = uploadAndAwait(c, new TestAudio.Multipart().file("file", "rec.wav", wav));
            assertEquals(4.0, done.get("analysis").get("file").get("durationSeconds").asDouble(), 1e-3);
            assertEquals(pipelineDocument(onlyUpload(dir), "rec.wav", null), done.get("analysis"));
        }
    }
}
