package org.freshears.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.freshears.audio.AudioSource;

/**
 * Streams an {@link AudioSource} through a set of {@link BlockAnalyzer}s on several worker threads while the
 * calling thread decodes. Blocks live in a fixed ring, so memory is bounded by the block size, never by the
 * file length. Non-finite samples are counted and measured as 0 (the count is reported; they are never silently
 * hidden).
 *
 * <p>Scheduling is dynamic: each analyser sees the blocks in order, one thread at a time, but any worker may
 * take it. A free worker takes the analyser that is furthest behind, so the load balances itself whatever each
 * analyser costs on this machine, in this JIT state or at this moment (a static split by measured cost left one
 * core idle for a third of the pass when the JIT or a neighbouring process slowed one analyser down).
 */
public final class BlockFeeder {

    /** What the feeder saw. */
    public record Result(long frames, long nonFiniteSamples, double firstNonFiniteSeconds) {
    }

    /**
     * Blocks in the ring: enough that the decoder runs well ahead while the slowest analyser catches up, so that a
     * lane whose analysers are ahead still finds work while the JIT has compiled some analysers and not yet others.
     * 32 blocks of 8192 stereo frames are 2 MiB. (8 blocks: 986 ms of decoder CPU and 5.18 s of wall time per
     * 4-minute analyze; 32 blocks: 429 ms and 4.85 s; medians of 7 alternating runs.)
     */
    static final int RING = 32;

    private static final class Block {
        final float[][] data;
        int frames;
        /** Analysers yet to see this block; the decoder refills it at 0. Guarded by the lock. */
        int pending;

        Block(int channels, int capacity) {
            data = new float[channels][capacity];
        }
    }

    /** One analyser and how far it has got. Guarded by the lock. */
    private static final class Task {
        final BlockAnalyzer analyzer;
        long next;
        boolean busy;

        Task(BlockAnalyzer analyzer) {
            this.analyzer = analyzer;
        }
    }

    /**
     * Guards the ring and the tasks. Two conditions so that a wake-up reaches only who can use it: the decoder
     * waits for a free ring slot, the workers for an analyser with a block to see. (One monitor with notifyAll
     * woke all three threads after every block of every analyser, about 18 000 times on a 4-minute file, and the
     * contended monitor spun: over a second of CPU in the JVM's own code on this 2-core machine.)
     */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition slotFree = lock.newCondition();
    private final Condition workReady = lock.newCondition();
    private final Block[] ring;
    private final Task[] tasks;
    private long published;
    /** Ring slots every analyser has seen, ready for the decoder. Guarded by the lock. */
    private int freeSlots = RING;
    private boolean ended;
    private Throwable failure;

    private BlockFeeder(int channels, int blockFrames, List<BlockAnalyzer> analyzers) {
        ring = new Block[RING];
        for (int i = 0; i < RING; i++) ring[i] = new Block(channels, blockFrames);
        tasks = new Task[analyzers.size()];
        for (int i = 0; i < tasks.length; i++) tasks[i] = new Task(analyzers.get(i));
    }

    /**
     * Decodes {@code source} on the calling thread and feeds every analyser every block, on {@code threads}
     * worker threads. An analyser's exception stops the pass and is rethrown here.
     */
    public static Result feed(AudioSource source, List<BlockAnalyzer> analyzers, int threads, int blockFrames,
                              ProgressListener progress) throws IOException {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        org.freshears.util.Timing.threadCpu("decoder (calling thread) before decoding");
        BlockFeeder f = new BlockFeeder(source.info().channels(), blockFrames, analyzers);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(threads, Math.max(1, analyzers.size())); i++) {
            Thread t = Thread.ofPlatform().name("analysis-lane-" + i).daemon().unstarted(f::work);
            workers.add(t);
            t.start();
        }
        Result r;
        try {
            r = f.decode(source, blockFrames, progress);
        } finally {
            f.lock.lock();
            try {
                f.ended = true;
                f.workReady.signalAll();
            } finally {
                f.lock.unlock();
            }
            boolean interrupted = false;
            for (Thread t : workers) {
                while (true) {
                    try {
                        t.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true; // the workers end promptly once the stream has ended
                    }
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
        org.freshears.util.Timing.threadCpu("decoder (calling thread)");
        Throwable e = f.failure;
        if (e instanceof RuntimeException re) throw re;
        if (e instanceof Error err) throw err;
        if (e != null) throw new IllegalStateException(e);
        progress.progress("analyse", 1.0);
        return r;
    }

    private Result decode(AudioSource source, int blockFrames, ProgressListener progress) throws IOException {
        int channels = source.info().channels();
        long expected = source.info().frameLength();
        int sampleRate = source.info().sampleRate();
        long frames = 0, nonFinite = 0;
        double firstNonFinite = -1;
        int[] firstBad = new int[1];
        for (long seq = 0; ; seq++) {
            Block b = ring[(int) (seq % RING)];
            lock.lock();
            try {
                if (b.pending > 0) {
                    // the ring is full: sleep until half of it is free, then decode that much in one go (waking
                    // for every freed slot cost a park and an unpark per block, thousands on a 4-minute file)
                    while ((freeSlots < RING / 2 || b.pending > 0) && failure == null) awaitSlot();
                }
                if (failure != null) break;
            } finally {
                lock.unlock();
            }
            int n = source.read(b.data, blockFrames);
            if (n <= 0) break;
            b.frames = n;
            long bad = sanitize(b.data, channels, n, firstBad);
            if (bad > 0) {
                if (nonFinite == 0) firstNonFinite = (frames + firstBad[0]) / (double) sampleRate;
                nonFinite += bad;
            }
            frames += n;
            lock.lock();
            try {
                b.pending = tasks.length;
                freeSlots--;
                published = seq + 1;
                workReady.signalAll();
            } finally {
                lock.unlock();
            }
            if (expected > 0) progress.progress("analyse", Math.min(1.0, frames / (double) expected));
        }
        return new Result(frames, nonFinite, firstNonFinite);
    }

    private void awaitSlot() throws IOException {
        try {
            slotFree.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new IOException("analysis interrupted", e);
            workReady.signalAll();
            throw (IOException) failure;
        }
    }

    /** The free analyser furthest behind that has a published block to see, or null. Caller holds the lock. */
    private Task pick() {
        Task task = null;
        for (Task t : tasks) {
            if (!t.busy && t.next < published && (task == null || t.next < task.next)) task = t;
        }
        return task;
    }

    /**
     * A worker: repeatedly takes the analyser furthest behind that has a block to see, until all are done. The
     * bookkeeping after a block and the choice of the next one share one lock hold; another worker is woken only
     * when work is left over for it, and the decoder only once half the ring has been seen by every analyser.
     */
    private void work() {
        Task task = null;
        try {
            while (true) {
                Block block;
                lock.lock();
                try {
                    if (task != null) {
                        Block done = ring[(int) (task.next % RING)];
                        task.next++;
                        task.busy = false;
                        // signalling with no decoder waiting costs nothing but a look at the empty wait queue
                        if (--done.pending == 0 && ++freeSlots >= RING / 2) slotFree.signal();
                        task = null;
                    }
                    while (true) {
                        if (failure != null) return;
                        task = pick();
                        if (task != null) break;
                        if (ended && allCaughtUp()) {
                            workReady.signalAll(); // let the other workers see the end too
                            return;
                        }
                        workReady.await();
                    }
                    task.busy = true;
                    block = ring[(int) (task.next % RING)];
                    if (pick() != null) workReady.signal(); // more than one analyser can go on: wake a helper
                } finally {
                    lock.unlock();
                }
                task.analyzer.accept(block.data, block.frames);
            }
        } catch (Throwable e) {
            lock.lock();
            try {
                if (failure == null) failure = e;
                slotFree.signalAll();
                workReady.signalAll();
            } finally {
                lock.unlock();
            }
        } finally {
            org.freshears.util.Timing.threadCpu(Thread.currentThread().getName());
        }
    }

    private boolean allCaughtUp() {
        for (Task t : tasks) if (t.busy || t.next < published) return false;
        return true;
    }

    /**
     * Replaces NaN/Inf by 0 and returns how many there were; {@code firstFrame[0]} receives the earliest
     * frame index (within the block) that held one.
     */
    static long sanitize(float[][] data, int channels, int n, int[] firstFrame) {
        long bad = 0;
        int first = Integer.MAX_VALUE;
        for (int c = 0; c < channels; c++) {
            float[] x = data[c];
            for (int i = 0; i < n; i++) {
                if ((Float.floatToRawIntBits(x[i]) & 0x7f800000) == 0x7f800000) {
                    x[i] = 0f;
                    if (i < first) first = i;
                    bad++;
                }
            }
        }
        firstFrame[0] = first;
        return bad;
    }
}
