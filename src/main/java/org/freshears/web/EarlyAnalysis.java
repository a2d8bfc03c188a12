package org.freshears.web;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.freshears.analysis.Analyzer;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.ProgressListener;
import org.freshears.audio.AudioDecoder;
import org.freshears.audio.AudioInfo;
import org.freshears.audio.AudioSource;
import org.freshears.audio.UnreadableAudioException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures an uploaded mix while it is still arriving, so that upload and analysis overlap: a 4-minute WAV takes
 * as long to send over a fast connection as to analyse, and far longer over a slow one.
 *
 * <p>The early measurement reads the {@link GrowingFile} the upload is written to, waiting for bytes as they come.
 * Its result is used only if it provably equals measuring the stored file: the stored file, opened as any job
 * opens it, must give the same stream description and the same opening warnings that the early reader saw (the
 * bytes are the same bytes, and the analysis is deterministic). Otherwise, or if it failed, the job measures the
 * stored file as usual. At most {@code permits} run at once (one per worker), so a burst of uploads cannot start a
 * burst of analyses; the others are measured by their job. Nothing of it is stored: after a restart the job runs
 * from the stored file.
 */
final class EarlyAnalysis implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EarlyAnalysis.class);

    /** One early measurement. */
    static final class Running {
        private final EarlyAnalysis owner;
        private final GrowingFile file;
        private final CompletableFuture<MixFeatures> result = new CompletableFuture<>();
        private volatile Future<?> task;
        private volatile FileChannel channel;
        private volatile AudioInfo info;
        private volatile List<String> openWarnings;
        private volatile String stage = "decode";
        private volatile double fraction;
        /**
         * Taken by whichever comes first: the task when it starts, or {@link #cancel} for a task that has not
         * started (and then never will). The taker gives the permit back; before, a task cancelled before the pool
         * ran it kept its permit for good, and the server never measured an upload early again.
         */
        private final java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();

        private Running(EarlyAnalysis owner, GrowingFile file) {
            this.owner = owner;
            this.file = file;
        }

        /** Stops it (the upload was refused or broke off). */
        void cancel() {
            file.fail("the upload was not accepted");
            Future<?> t = task;
            if (t != null) t.cancel(true);
            result.cancel(false);
            FileChannel c = channel;
            if (c != null) closeQuietly(c); // a task cancelled before it ran would never close it
            if (claimed.compareAndSet(false, true)) owner.permits.release(); // nor give its permit back
        }

        /**
         * Waits for the early measurement, forwarding its progress, and returns it if it equals measuring
         * {@code stored} (see the class comment); null when the job must measure the file itself.
         */
        MixFeatures await(Path stored, String displayName, ProgressListener progress) throws InterruptedException {
            while (true) {
                try {
                    MixFeatures f = result.get(200, TimeUnit.MILLISECONDS);
                    boolean ok = matches(stored, displayName);
                    (ok ? owner.used : owner.discarded).incrementAndGet();
                    return ok ? f : null;
                } catch (TimeoutException e) {
                    progress.progress(stage, fraction);
                } catch (ExecutionException | CancellationException e) {
                    owner.discarded.incrementAndGet();
                    return null;
                }
            }
        }

        private boolean matches(Path stored, String displayName) {
            if (!file.isWhole()) return false;
            try (AudioSource src = AudioDecoder.open(stored, displayName)) {
                boolean same = src.info().equals(info) && src.warnings().equals(openWarnings);
                if (!same) LOG.info("early analysis of {} discarded: the stored file reads differently", displayName);
                return same;
            } catch (UnreadableAudioException | IOException e) {
                return false;
            }
        }
    }

    private final ExecutorService pool;
    private final int maxPermits;
    private final Semaphore permits;
    private final AtomicInteger used = new AtomicInteger();
    private final AtomicInteger discarded = new AtomicInteger();
    private final Map<String, Running> byJob = new ConcurrentHashMap<>();

    EarlyAnalysis(int permits) {
        this(permits, daemonPool());
    }

    /** With the given pool (tests use one that runs tasks only when told to). */
    EarlyAnalysis(int permits, ExecutorService pool) {
        this.maxPermits = permits;
        this.permits = new Semaphore(permits);
        this.pool = pool;
    }

    private static ExecutorService daemonPool() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "freshears-early-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts measuring {@code file} as it arrives; null when all permits are taken (the job will measure it).
     *
     * @param sizeBound an upper bound of the file's final size
     */
    Running start(GrowingFile file, long sizeBound, String displayName) {
        if (!permits.tryAcquire()) return null;
        Running r = new Running(this, file);
        // opened here, on the request's thread, while the spool file is surely where it was made: a short upload
        // can be whole and moved into the store before the pool runs the task, which then found no file and the
        // job measured the upload again
        FileChannel channel;
        try {
            channel = file.reader(sizeBound);
        } catch (IOException e) {
            permits.release();
            return null;
        }
        r.channel = channel;
        try {
            r.task = pool.submit(() -> {
                if (!r.claimed.compareAndSet(false, true)) return; // cancelled before it started: cancel() cleaned up
                try {
                    AudioSource src = AudioDecoder.openGrowing(channel, sizeBound, displayName);
                    try (src) {
                        r.info = src.info();
                        r.openWarnings = List.copyOf(src.warnings());
                        r.result.complete(Analyzer.analyze(src, displayName, Analyzer.Options.DEFAULT, (stage, f) -> {
                            r.stage = stage;
                            r.fraction = f;
                        }));
                    }
                } catch (Throwable e) {
                    r.result.completeExceptionally(e);
                    closeQuietly(channel);
                } finally {
                    permits.release();
                }
            });
        } catch (RuntimeException e) {
            closeQuietly(channel);
            permits.release();
            return null;
        }
        return r;
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }

    /** Hands an early measurement to the job {@code jobId} (taken back with {@link #take}). */
    void attach(String jobId, Running r) {
        byJob.put(jobId, r);
    }

    /** The early measurement of job {@code jobId}, if one was started; it is no longer kept here. */
    Running take(String jobId) {
        return byJob.remove(jobId);
    }

    /** Early measurements whose result a job used, and those it could not use. */
    int used() {
        return used.get();
    }

    int discarded() {
        return discarded.get();
    }

    /** Whether none is running. */
    boolean idle() {
        return permits.availablePermits() == maxPermits;
    }

    @Override
    public void close() {
        byJob.values().forEach(Running::cancel);
        byJob.clear();
        pool.shutdownNow();
    }
}
