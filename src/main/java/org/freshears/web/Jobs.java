package org.freshears.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.freshears.advice.Platform;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.ProgressListener;
import org.freshears.audio.UnreadableAudioException;
import org.freshears.pipeline.AnalysisDocument;
import org.freshears.pipeline.Pipeline;
import org.freshears.report.Nodes;
import org.freshears.util.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker pool: {@code workers} threads take jobs in order. New jobs are admitted while fewer than
 * {@code workers + queue} are outstanding (else the API answers 503); jobs recovered at start-up are always
 * taken. Live progress is kept in memory and written to the database at stage changes and every half second.
 */
final class Jobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    /** Live progress of a running job: stage and overall fraction 0…1. */
    record Live(String stage, double progress, long writtenAtNanos) {
    }

    private final Store store;
    private final Uploads uploads;
    private final Pipeline pipeline;
    private final Mastering mastering;
    private final Path dataDir;
    private final int capacity;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final Runnable onDone;
    private volatile boolean closing;

    private final boolean paused;
    private final EarlyAnalysis early;

    Jobs(Store store, Uploads uploads, Pipeline pipeline, Mastering mastering, Path dataDir, int workers, int queue,
         boolean paused, EarlyAnalysis early, Runnable onDone) {
        this.paused = paused;
        this.early = early;
        this.store = store;
        this.uploads = uploads;
        this.pipeline = pipeline;
        this.mastering = mastering;
        this.dataDir = dataDir;
        this.capacity = workers + queue;
        this.onDone = onDone;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "freshears-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Reserves a place for a new job; false when the queue is full. */
    boolean admit() {
        while (true) {
            int now = outstanding.get();
            if (now >= capacity) return false;
            if (outstanding.compareAndSet(now, now + 1)) return true;
        }
    }

    /** Gives back a reservation that was not used (the upload failed before its job row was written). */
    void cancelAdmission() {
        outstanding.decrementAndGet();
    }

    /** Queues a job whose place was reserved with {@link #admit()}. */
    void submit(String id) {
        if (paused) return; // the row stays queued; the next start picks it up
        pool.execute(() -> run(id));
    }

    /** Re-queues the jobs left by a previous run (they bypass admission). */
    void recover() {
        List<String> ids = store.recover();
        if (!ids.isEmpty()) LOG.info("re-queueing {} job(s) left by the previous run", ids.size());
        for (String id : ids) {
            outstanding.incrementAndGet();
            submit(id);
        }
    }

    Live live(String id) {
        return live.get(id);
    }

    private void run(String id) {
        try {
            process(id);
        } catch (RuntimeException e) {
            // recording the outcome failed (the store is closing, or the disk is full): the row stays 'running',
            // and the next start re-queues it (Store.recover), so nothing is lost
            if (closing) LOG.info("job {} is left for the next start: {}", id, e.getMessage());
            else LOG.warn("job {}: its outcome could not be recorded", id, e);
        } finally {
            live.remove(id);
            outstanding.decrementAndGet();
            if (onDone != null) onDone.run();
        }
    }

    private void process(String id) {
        try {
            if (!store.start(id)) return;
            Job job = store.job(id).orElseThrow();
            live.put(id, new Live(job.kind().equals(Job.ANALYSE) ? "decode" : "render", 0, System.nanoTime()));
            if (job.kind().equals(Job.ANALYSE)) analyse(job);
            else master(job);
        } catch (UnreadableAudioException e) {
            if (closing) store.requeue(id);
            else store.fail(id, clean(e.getMessage()));
        } catch (ApiException e) {
            store.fail(id, e.getMessage());
        } catch (Exception | OutOfMemoryError e) {
            if (closing) {
                store.requeue(id);
                return;
            }
            LOG.warn("job {} failed", id, e);
            store.fail(id, "processing failed: " + clean(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /** Removes server paths from a message meant for the user. */
    private String clean(String message) {
        if (message == null) return "unknown error";
        return message.replace(dataDir.toAbsolutePath().toString() + "/", "").replace(dataDir.toString() + "/", "");
    }

    /** The references' display names as uploaded ("reference N" for jobs stored before names were kept). */
    private static List<String> referenceNames(JsonNode req, int count) {
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode n : Nodes.list(req, "referenceNames")) names.add(n.asText());
        if (names.size() == count) return names;
        names.clear();
        for (int i = 1; i <= count; i++) names.add("reference " + i);
        return names;
    }

    private void analyse(Job job) throws Exception {
        JsonNode req = Json.mapper().readTree(job.requestJson() == null ? "{}" : job.requestJson());
        String genre = Nodes.text(req, "genre");
        Platform platform = Platform.of(Nodes.text(req, "platform"));
        List<Path> refs = job.referencePaths().stream().map(uploads::resolve).toList();
        Path input = uploads.resolve(job.inputPath());
        EarlyAnalysis.Running early = this.early.take(job.id());
        Pipeline.Measurement measurement = progress -> {
            MixFeatures f = null;
            if (early != null) {
                try {
                    long t0 = System.nanoTime();
                    f = early.await(input, job.displayName(), progress);
                    org.freshears.util.Timing.step("measured as it arrived (" + (f != null ? "used" : "not used") + ")", t0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted");
                }
            }
            return f != null ? f : pipeline.measure(input, job.displayName(), progress);
        };
        AnalysisDocument doc = pipeline.analyze(measurement,
                new Pipeline.AnalyzeRequest(genre, platform, refs, referenceNames(req, refs.size())),
                listener(job.id(), Jobs::analyseFraction));
        long t0 = System.nanoTime();
        String json = Json.write(doc);
        org.freshears.util.Timing.step("analysis document written (" + json.length() + " chars)", t0);
        t0 = System.nanoTime();
        store.finishAnalysis(job.id(), json);
        org.freshears.util.Timing.step("analysis stored", t0);
    }

    private void master(Job job) throws Exception {
        JsonNode req = Json.mapper().readTree(job.requestJson() == null ? "{}" : job.requestJson());
        JsonNode analysis = Json.mapper().readTree(store.analysis(job.analysisId())
                .orElseThrow(() -> new ApiException(404, "the analysis to master is gone")));
        Double amount = Nodes.num(req, "amount");
        Mastering.Request request = new Mastering.Request(Nodes.at(req, "chain"), Platform.of(Nodes.text(req, "platform")),
                Nodes.num(req, "integratedLufs"), amount,
                job.referencePaths().stream().map(uploads::resolve).toList());
        String rel = "renders/" + job.id() + ".wav";
        JsonNode result = mastering.master(uploads.resolve(job.inputPath()), job.displayName(), analysis, request,
                uploads.resolve(rel), listener(job.id(), Jobs::masterFraction));
        store.finishMaster(job.id(), Json.write(result), rel);
    }

    @FunctionalInterface
    private interface Overall {
        double of(String stage, double fraction);
    }

    private static double analyseFraction(String stage, double f) {
        return switch (stage) {
            case "decode" -> 0.05 * f;
            case "analyse" -> 0.05 + 0.85 * f;
            case "compare" -> 0.90 + 0.10 * f;
            default -> Double.NaN;
        };
    }

    private static double masterFraction(String stage, double f) {
        return switch (stage) {
            case "decode" -> 0.0;
            case "analyse" -> 0.25 * f;
            case "render", "verify" -> 0.25 + 0.75 * f;
            default -> Double.NaN;
        };
    }

    private ProgressListener listener(String id, Overall overall) {
        return (stage, fraction) -> {
            Live before = live.get(id);
            double p = overall.of(stage, Math.max(0, Math.min(1, fraction)));
            if (Double.isNaN(p)) p = before == null ? 0 : before.progress();
            if (before != null) p = Math.max(p, before.progress());
            long now = System.nanoTime();
            boolean write = before == null || !stage.equals(before.stage()) || now - before.writtenAtNanos() > 500_000_000L;
            live.put(id, new Live(stage, p, write ? now : before.writtenAtNanos()));
            if (write) store.progress(id, stage, p);
        };
    }

    @Override
    public void close() {
        closing = true;
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
