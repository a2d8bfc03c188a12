package org.freshears.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.freshears.util.Json;

/** A small HTTP client for the functional tests. */
final class Client {
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    final String base;

    Client(WebApp app) {
        this.base = "http://127.0.0.1:" + app.port();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> upload(TestAudio.Multipart body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/analyses")).timeout(Duration.ofSeconds(120))
                .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.build())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> upload(String filename, byte[] content) throws IOException, InterruptedException {
        return upload(new TestAudio.Multipart().file("file", filename, content));
    }

    static JsonNode json(HttpResponse<String> r) {
        return Json.read(r.body(), JsonNode.class);
    }

    /** Polls a job until it is done or failed, with a deadline (a functional test, not a unit test). */
    JsonNode await(String path, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = json(get(path));
            String s = last.path("status").asText();
            if (s.equals("done") || s.equals("failed")) return last;
            Thread.sleep(50);
        }
        throw new AssertionError("job at " + path + " did not finish within " + limit + "; last: " + last);
    }
}
