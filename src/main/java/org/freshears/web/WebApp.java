package org.freshears.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.freshears.advice.Platform;
import org.freshears.audio.AudioDecoder;
import org.freshears.audio.AudioSource;
import org.freshears.audio.OutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.pipeline.Pipeline;
import org.freshears.report.HtmlReport;
import org.freshears.report.MasterView;
import org.freshears.report.Nodes;
import org.freshears.report.ReportView;
import org.freshears.report.Templates;
import org.freshears.util.Json;
import org.freshears.util.Timing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web app of CONTRACT.md: upload page, JSON API, report and master pages. Handlers stay thin: they store the
 * upload, queue a job and read results; the work is the shared {@link Pipeline} run by {@link Jobs}.
 */
public final class WebApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    private static final int MAX_REFERENCES = 5;

    /**
     * @param paused when true no job is run: they stay queued for the next start (tests use it for restarts)
     */
    public record Options(Path dataDir, String host, int port, long maxUploadMb, int workers, int queue, boolean paused) {
        public Options {
            if (dataDir == null) throw new IllegalArgumentException("a data folder is required");
            if (host == null || host.isBlank()) host = "127.0.0.1";
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0…65535");
            if (maxUploadMb < 1) throw new IllegalArgumentException("--max-upload-mb must be at least 1");
            if (workers < 1) throw new IllegalArgumentException("--workers must be at least 1");
            if (queue < 0) throw new IllegalArgumentException("--queue must be 0 or more");
        }

        public static Options defaults(Path dataDir) {
            return new Options(dataDir, "127.0.0.1", 7070, 500, 2, 32, false);
        }

        public Options withPort(int p) {
            return new Options(dataDir, host, p, maxUploadMb, workers, queue, paused);
        }
    }

    private final Options options;
    private final Path dataDir;
    private final Store store;
    private final Uploads uploads;
    private final Pipeline pipeline = new Pipeline();
    private final Mastering mastering = new PipelineMastering(pipeline);
    private final Jobs jobs;
    private final EarlyAnalysis early;
    private final Map<String, String> pageCache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> e) {
            return size() > 128;
        }
    });
    private final Javalin app;
    /** A real upload or mastering request has arrived (read by the warm-up thread). */
    private volatile boolean realWork;

    private WebApp(Options options) throws Exception {
        this.options = options;
        this.dataDir = options.dataDir().toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        this.store = new Store(dataDir);
        this.uploads = new Uploads(dataDir);
        this.early = new EarlyAnalysis(options.workers());
        this.jobs = new Jobs(store, uploads, pipeline, mastering, dataDir, options.workers(), options.queue(),
                options.paused(), early, null);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            // Javalin's default server carries Jetty's LowResourceMonitor, a task that wakes every second to
            // check the thread pool. On this 2-core VM each timed wake-up costs real CPU (measured: that
            // scheduler thread took about 9 % of a core with the server idle); the bounded worker pool and the
            // 503 on a full queue already protect the server, so the monitor is left out.
            config.jetty.modifyServer(server -> server.getBeans(org.eclipse.jetty.server.LowResourceMonitor.class)
                    .forEach(server::removeBean));
            config.fileRenderer((file, model, ctx) -> Templates.render(file, model));
            config.routes.get("/", this::uploadPage);
            config.routes.get("/favicon.ico", ctx -> ctx.status(204));
            config.routes.post("/api/analyses", this::createAnalysis);
            config.routes.get("/api/analyses/{id}", this::analysisStatus);
            config.routes.get("/api/analyses/{id}/audio", this::analysisAudio);
            config.routes.post("/api/analyses/{id}/master", this::createMaster);
            config.routes.get("/api/masters/{id}", this::masterStatus);
            config.routes.get("/api/masters/{id}/audio", this::masterAudio);
            config.routes.get("/api/platforms", this::platforms);
            config.routes.get("/api/genres", ctx -> json(ctx, 200, Map.of("genres", Genres.available(pipeline))));
            config.routes.get("/analyses/{id}", this::reportPage);
            config.routes.get("/masters/{id}", this::masterPage);
            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(Exception.class, this::unexpected);
            config.routes.error(404, ctx -> {
                if (ctx.attribute("handled") == null) error(ctx, 404, "nothing here: " + ctx.path());
            });
        });
    }

    /**
     * Runs the pipeline once in the background (analyse and master six seconds of synthetic music) so that the
     * first real upload does not pay for loading the model, compiling the hot loops or rendering its first report
     * page. The mastering half is skipped when a real job has arrived by then: that job warms the same code and
     * gets both cores. A failure is only logged.
     */
    public void warmUp() {
        Thread.ofPlatform().daemon().name("warm-up").priority(Thread.MIN_PRIORITY).start(() -> {
            try {
                JsonNode doc = Json.mapper().valueToTree(org.freshears.pipeline.Warmup.exercise(pipeline, () -> !realWork));
                // the report page too (templates parsed, plots drawn), so that the first real one is served warm
                HtmlReport.render(doc, Platform.DEFAULT, "warm-up", null, new HtmlReport.Live("warm-up",
                        HtmlReport.scriptJson(mastering.suggestedChain(doc, Platform.DEFAULT)), "/"));
            } catch (Exception e) {
                LOG.warn("warm-up run failed: {}", e.toString());
            }
        });
    }

    /** Starts the server and the workers; re-queues the jobs a previous run left behind. */
    public static WebApp start(Options options) throws Exception {
        WebApp w = new WebApp(options);
        w.app.start();
        w.jobs.recover();
        return w;
    }

    /** The early (as-it-arrives) measurement of uploads, for tests. */
    EarlyAnalysis early() {
        return early;
    }

    public int port() {
        return app.port();
    }

    public String url() {
        String h = options.host();
        String shown = h.equals("0.0.0.0") || h.equals("::") ? "localhost" : h.contains(":") ? "[" + h + "]" : h;
        return "http://" + shown + ":" + port() + "/";
    }

    /** True when the host is reachable only from this machine. */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        app.stop();
        early.close();
        jobs.close();
        store.close();
    }

    // ---- pages ----

    private void uploadPage(Context ctx) {
        Map<String, Object> m = new HashMap<>();
        m.put("genres", Genres.available(pipeline));
        m.put("platforms", Platform.values());
        m.put("defaultPlatform", Platform.DEFAULT);
        m.put("maxUploadMb", options.maxUploadMb());
        ctx.render("upload", m);
    }

    private void reportPage(Context ctx) {
        Job job = job(ctx, Job.ANALYSE);
        if (!job.status().equals(Job.DONE)) {
            pending(ctx, job, "/api/analyses/", "/analyses/");
            return;
        }
        // the page depends on the latest finished earlier version too: one that finishes later (v2 was opened
        // while v1 was still being analysed) gives a new page with the comparison, not the cached one without
        Optional<Store.Version> earlier = store.previousVersion(job.id());
        Optional<Store.Version> newer = store.newestVersion(job.id());
        String key = "a" + job.id() + earlier.map(v -> "|" + v.analysisId()).orElse("")
                + newer.map(v -> ">" + v.analysisId()).orElse("");
        String cached = pageCache.get(key);
        if (cached != null) {
            ctx.html(cached);
            return;
        }
        JsonNode doc = read(store.analysis(job.id()).orElseThrow());
        Platform platform = Platform.of(Nodes.text(read(job.requestJson()), "platform"));
        ReportView.Previous previous = earlier.map(v -> new ReportView.Previous(
                read(store.analysis(v.analysisId()).orElseThrow()), "version " + v.number(), "/analyses/" + v.analysisId()))
                .orElse(null);
        String title = store.version(job.id()).map(v -> job.displayName() + (v.number() > 1 ? " (version " + v.number() + ")" : ""))
                .orElse(job.displayName());
        String chain = HtmlReport.scriptJson(mastering.suggestedChain(doc, platform));
        String html = HtmlReport.render(doc, platform, title, previous,
                new HtmlReport.Live(job.id(), chain, "/api/analyses/" + job.id() + "/audio",
                        newer.map(v -> "version " + v.number()).orElse(null),
                        newer.map(v -> "/analyses/" + v.analysisId()).orElse(null)));
        pageCache.put(key, html);
        ctx.html(html);
    }

    private void masterPage(Context ctx) {
        Job job = job(ctx, Job.MASTER);
        if (!job.status().equals(Job.DONE)) {
            pending(ctx, job, "/api/masters/", "/masters/");
            return;
        }
        String cached = pageCache.get("m" + job.id());
        if (cached != null) {
            ctx.html(cached);
            return;
        }
        JsonNode result = read(store.masterResult(job.id()).orElseThrow());
        Map<String, Object> m = new HashMap<>();
        m.put("m", MasterView.of(result, job.displayName()));
        m.put("id", job.id());
        m.put("analysisId", job.analysisId());
        m.put("warnings", Nodes.list(result, "warnings").stream().map(JsonNode::asText).toList());
        String html = Templates.render("master", m);
        pageCache.put("m" + job.id(), html);
        ctx.html(html);
    }

    private void pending(Context ctx, Job job, String api, String page) {
        if (job.status().equals(Job.FAILED)) {
            ctx.attribute("handled", true);
            ctx.status(422);
            ctx.render("error", Map.of("status", 422, "message", job.error() == null ? "the job failed" : job.error()));
            return;
        }
        ctx.render("pending", Map.of("id", job.id(), "api", api + job.id(), "page", page + job.id(),
                "name", job.displayName() == null ? "" : job.displayName(), "kind", job.kind()));
    }

    // ---- API ----

    private void createAnalysis(Context ctx) throws IOException {
        realWork = true;
        if (!jobs.admit()) throw busy();
        boolean queued = false;
        AtomicReference<EarlyAnalysis.Running> mixEarly = new AtomicReference<>();
        long t0 = System.nanoTime();
        long maxFile = options.maxUploadMb() << 20;
        // read as it arrives: the mix is measured while the rest of it is still on its way
        MultipartUpload.Observer observer = (field, clientName, file, bound) -> {
            if (field.equals("file") && mixEarly.get() == null && !options.paused()) {
                mixEarly.set(early.start(file, bound, Uploads.displayName(clientName)));
            }
        };
        try (MultipartUpload up = MultipartUpload.read(ctx.req(), uploads.spoolDir(), maxFile,
                maxFile * (MAX_REFERENCES + 1), observer)) {
            Timing.step("upload received (multipart parsed)", t0);
            List<MultipartUpload.FilePart> files = up.files("file");
            if (files.isEmpty()) throw new ApiException(400, "no file: send the mix as the multipart field 'file'");
            MultipartUpload.FilePart file = files.getFirst();
            String genre = up.field("genre");
            genre = genre == null || genre.isBlank() || genre.equalsIgnoreCase("detect") ? null : genre.strip();
            if (genre != null && (genre.length() > 64 || !genre.matches("[\\p{L}\\p{N} &/+._-]+"))) {
                throw new ApiException(400, "invalid genre name");
            }
            Platform platform = Platform.of(up.field("platform"));
            List<MultipartUpload.FilePart> refFiles = up.files("reference");
            if (refFiles.size() > MAX_REFERENCES) throw new ApiException(400, "at most " + MAX_REFERENCES + " reference tracks");
            t0 = System.nanoTime();
            if (file.size() == 0) throw new ApiException(400, Uploads.displayName(file.clientName()) + ": the file is empty");
            Uploads.Stored mix = uploads.save(file);
            Timing.step("upload stored and probed", t0);
            List<String> refs = new ArrayList<>();
            List<String> refNames = new ArrayList<>();
            for (MultipartUpload.FilePart r : refFiles) {
                if (r.size() == 0) continue;
                Uploads.Stored stored = uploads.save(r);
                refs.add(stored.relativePath());
                refNames.add(stored.displayName());
            }
            String song = up.field("song");
            song = song == null || song.isBlank() ? Uploads.songName(mix.displayName()) : Uploads.displayName(song);
            ObjectNode req = Json.mapper().createObjectNode().put("genre", genre).put("platform", platform.id()).put("song", song);
            refNames.forEach(req.putArray("referenceNames")::add);
            String id = Ids.next();
            store.insertJob(new Job(id, Job.ANALYSE, Job.QUEUED, 0, "queued", null, 0, mix.relativePath(), refs,
                    Json.write(req), mix.displayName(), null));
            queued = true;
            try {
                store.addVersion(id, song, Uploads.songKey(song));
            } catch (RuntimeException e) {
                LOG.warn("could not link {} to song '{}'", id, song, e);
            }
            if (mixEarly.get() != null) early.attach(id, mixEarly.get());
            jobs.submit(id);
            json(ctx, 202, Map.of("id", id, "status", Job.QUEUED));
        } finally {
            if (!queued) {
                jobs.cancelAdmission();
                if (mixEarly.get() != null) mixEarly.get().cancel();
            }
        }
    }

    private void analysisStatus(Context ctx) {
        Job job = job(ctx, Job.ANALYSE);
        ObjectNode o = status(job);
        JsonNode doc = job.status().equals(Job.DONE) ? read(store.analysis(job.id()).orElse("null")) : null;
        o.set("analysis", doc);
        store.version(job.id()).ifPresent(v -> o.put("song", v.song()).put("version", v.number()));
        json(ctx, 200, o);
    }

    private void createMaster(Context ctx) {
        Job analysis = job(ctx, Job.ANALYSE);
        if (!analysis.status().equals(Job.DONE)) {
            throw new ApiException(409, "the analysis is " + analysis.status() + "; master it once it is done");
        }
        String body = ctx.body();
        JsonNode req = body == null || body.isBlank() ? Json.mapper().createObjectNode() : read(body);
        if (!req.isObject()) throw new ApiException(400, "the body must be a JSON object {chain, platform, integratedLufs}");
        JsonNode chain = Nodes.at(req, "chain");
        if (chain != null && !(chain.isObject() && Nodes.at(chain, "stages") != null && chain.get("stages").isArray())) {
            throw new ApiException(400, "chain must be an object with a stages array");
        }
        if (chain != null) {
            try {
                org.freshears.mastering.MasteringChain.fromJson(chain.toString());
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid chain: " + e.getMessage());
            }
        }
        String platformId = Nodes.text(req, "platform");
        if (platformId == null) platformId = Nodes.text(read(analysis.requestJson()), "platform");
        Platform platform = Platform.of(platformId);
        Double lufs = Nodes.num(req, "integratedLufs");
        if (Nodes.at(req, "integratedLufs") != null && (lufs == null || lufs < -40 || lufs > 0)) {
            throw new ApiException(400, "integratedLufs must be a number between -40 and 0");
        }
        Double amount = Nodes.num(req, "amount");
        if (Nodes.at(req, "amount") != null && (amount == null || amount < 0 || amount > 1)) {
            throw new ApiException(400, "amount must be a number between 0 and 1");
        }
        ObjectNode stored = Json.mapper().createObjectNode();
        stored.set("chain", chain);
        stored.put("platform", platform.id());
        stored.put("integratedLufs", lufs);
        stored.put("amount", amount);
        realWork = true;
        if (!jobs.admit()) throw busy();
        boolean queued = false;
        try {
            String id = Ids.next();
            store.insertJob(new Job(id, Job.MASTER, Job.QUEUED, 0, "queued", null, 0, analysis.inputPath(), analysis.referencePaths(),
                    Json.write(stored), analysis.displayName(), analysis.id()));
            queued = true;
            jobs.submit(id);
            json(ctx, 202, Map.of("id", id, "status", Job.QUEUED));
        } finally {
            if (!queued) jobs.cancelAdmission();
        }
    }

    private void masterStatus(Context ctx) {
        Job job = job(ctx, Job.MASTER);
        ObjectNode o = status(job);
        o.set("result", job.status().equals(Job.DONE) ? read(store.masterResult(job.id()).orElse("null")) : null);
        o.put("analysisId", job.analysisId());
        json(ctx, 200, o);
    }

    private void analysisAudio(Context ctx) throws IOException {
        Job job = job(ctx, Job.ANALYSE);
        Path file = uploads.resolve(job.inputPath());
        String ext = job.inputPath().substring(job.inputPath().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (ext.startsWith("aif")) {
            // browsers' Web Audio does not decode AIFF: the A/B player gets a WAV copy, made once
            Path wav = file.resolveSibling(file.getFileName() + ".play.wav");
            transcode(file, wav, OutputFormat.PCM24);
            sendFile(ctx, wav, "audio/wav", attachmentName(job.displayName(), "", "wav"));
            return;
        }
        sendFile(ctx, file, mime(ext), attachmentName(job.displayName(), "", ext));
    }

    private void masterAudio(Context ctx) throws Exception {
        Job job = job(ctx, Job.MASTER);
        if (!job.status().equals(Job.DONE)) throw new ApiException(409, "the master is " + job.status() + "; download it once it is done");
        OutputFormat format = Formats.of(ctx.queryParam("format"));
        Path rendered = uploads.resolve(store.masterOutput(job.id()).orElseThrow());
        Path file = format == OutputFormat.PCM24 ? rendered : convert(rendered, format);
        String suffix = "-master" + (format == OutputFormat.PCM24 ? "" : "-" + Formats.id(format));
        sendFile(ctx, file, "audio/wav", attachmentName(PipelineMastering.baseName(job.displayName()), suffix, "wav"));
    }

    /** The render in another sample format, made once and kept next to it. */
    private static Path convert(Path pcm24, OutputFormat format) throws Exception {
        Path out = pcm24.resolveSibling(pcm24.getFileName().toString().replace(".wav", "." + Formats.id(format) + ".wav"));
        transcode(pcm24, out, format);
        return out;
    }

    /** Writes {@code in} as a WAV file {@code out} in {@code format}, once (kept for later requests). */
    private static synchronized void transcode(Path in, Path out, OutputFormat format) throws IOException {
        if (Files.exists(out)) return;
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (AudioSource src = AudioDecoder.open(in);
             WavWriter w = new WavWriter(tmp, src.info().sampleRate(), src.info().channels(), format, src.info().channelLayout())) {
            float[][] block = new float[src.info().channels()][8192];
            for (int n; (n = src.read(block, 8192)) > 0; ) w.write(block, 0, n);
        } catch (org.freshears.audio.UnreadableAudioException e) {
            throw new ApiException(500, "the stored audio cannot be read: " + e.getMessage());
        }
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
    }

    private void platforms(Context ctx) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Platform p : Platform.values()) {
            list.add(Map.of("id", p.id(), "label", p.label(), "integratedLufs", p.integratedLufs(),
                    "truePeakCeilingDbtp", p.truePeakCeilingDbtp()));
        }
        json(ctx, 200, Map.of("platforms", list, "default", Platform.DEFAULT.id()));
    }

    // ---- helpers ----

    private Job job(Context ctx, String kind) {
        String id = ctx.pathParam("id");
        if (!Ids.valid(id)) throw new ApiException(404, "no such " + (kind.equals(Job.ANALYSE) ? "analysis" : "master"));
        return store.job(id).filter(j -> j.kind().equals(kind))
                .orElseThrow(() -> new ApiException(404, "no such " + (kind.equals(Job.ANALYSE) ? "analysis" : "master")));
    }

    private ObjectNode status(Job job) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", job.id());
        o.put("status", job.status());
        Jobs.Live live = jobs.live(job.id());
        double progress = job.status().equals(Job.DONE) ? 1 : live != null ? live.progress() : job.progress();
        o.put("progress", Math.round(progress * 1000) / 1000.0);
        o.put("stage", job.status().equals(Job.RUNNING) && live != null ? live.stage() : job.status().equals(Job.RUNNING) ? job.stage() : job.status());
        o.put("error", job.error());
        o.put("name", job.displayName());
        return o;
    }

    private static ApiException busy() {
        return new ApiException(503, "the server is busy: the job queue is full; try again in a minute");
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json == null ? "null" : json);
        } catch (IOException e) {
            throw new ApiException(400, "invalid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.attribute("handled", true);
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    private static void sendFile(Context ctx, Path file, String mime, String name) throws IOException {
        if (!Files.isRegularFile(file)) throw new ApiException(404, "the audio file is gone");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.header("Cache-Control", "private, max-age=3600");
        InputStream in = Files.newInputStream(file);
        ctx.writeSeekableStream(in, mime, Files.size(file));
    }

    /** A safe ASCII file name for Content-Disposition, built from the display name. */
    static String attachmentName(String base, String suffix, String ext) {
        String b = base == null ? "audio" : base;
        int dot = b.lastIndexOf('.');
        if (dot > 0 && b.substring(dot + 1).equalsIgnoreCase(ext)) b = b.substring(0, dot);
        b = b.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (b.isEmpty()) b = "audio";
        return b + suffix + "." + ext.toLowerCase(Locale.ROOT);
    }

    private static String mime(String ext) {
        return switch (ext) {
            case "wav", "wave" -> "audio/wav";
            case "aif", "aiff", "aifc" -> "audio/aiff";
            case "flac" -> "audio/flac";
            case "mp3" -> "audio/mpeg";
            case "ogg", "oga" -> "audio/ogg";
            default -> "application/octet-stream";
        };
    }

    /** The most of an unread request body an error answer discards first (see {@link #drainBody}). */
    static final long DRAIN_LIMIT_BYTES = 4L << 30;
    /** How long an error answer waits for the rest of a body, at most: a slow client cannot hold the thread. */
    static final long DRAIN_LIMIT_NANOS = 10_000_000_000L;

    /**
     * Reads and discards what is left of the request body, for at most {@link #DRAIN_LIMIT_BYTES} and
     * {@link #DRAIN_LIMIT_NANOS} (checked between reads; a read that stalls ends at the connector's idle timeout). A
     * client that sends the whole body before it reads the answer (Python's urllib, a raw socket) otherwise gets a
     * broken pipe instead of the 413 or 503: the server closes the connection with its data unread, and the kernel
     * resets it. A client that asked {@code Expect: 100-continue} has sent nothing yet and waits for the answer, so
     * nothing is read (reading would tell it to send the whole body first: curl does this for large uploads).
     */
    private static void drainBody(Context ctx) {
        try {
            String method = ctx.method().name();
            if (!method.equals("POST") && !method.equals("PUT")) return;
            String expect = ctx.req().getHeader("Expect");
            if (expect != null && expect.toLowerCase(Locale.ROOT).contains("100-continue")) return;
            java.io.InputStream in = ctx.req().getInputStream();
            byte[] buf = new byte[64 * 1024];
            long left = DRAIN_LIMIT_BYTES, deadline = System.nanoTime() + DRAIN_LIMIT_NANOS;
            for (int n; left > 0 && System.nanoTime() < deadline
                    && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or the body was already consumed: nothing left to discard
        }
    }

    private void error(Context ctx, int status, String message) {
        if (status == 413 || status == 503 || status == 400) drainBody(ctx);
        ctx.attribute("handled", true);
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.contentType("application/json").result(Json.write(Map.of("error", message == null ? "error" : message)));
        } else {
            ctx.html(Templates.render("error", Map.of("status", status, "message", message == null ? "" : message)));
        }
    }

    /** Maps an oversize multipart body to 413; everything else is logged and answered without a stack trace. */
    private void unexpected(Exception e, Context ctx) {
        if (tooLarge(e)) {
            error(ctx, 413, "the upload is larger than the limit of " + options.maxUploadMb() + " MB");
            return;
        }
        LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, 500, "internal error; the server log has the details");
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("exceeds") || m.contains("too large") || m.contains("max file size") || m.contains("maxfilesize")
                    || m.contains("max request size") || t.getClass().getSimpleName().contains("TooLarge")) {
                return true;
            }
        }
        return false;
    }
}
