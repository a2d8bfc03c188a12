package org.freshears.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.freshears.audio.AudioSource;

/**
 * Streams an {@link AudioSource} through several lanes of {@link BlockAnalyzer}s, one thread per lane, while
 * the calling thread decodes. Blocks come from a fixed pool, so memory is bounded by the block size and the
 * lane count, never by the file length. Non-finite samples are counted and measured as 0 (the count is
 * reported; they are never silently hidden).
 */
public final class BlockFeeder {

    /** What the feeder saw. */
    public record Result(long frames, long nonFiniteSamples, double firstNonFiniteSeconds) {
    }

    private static final class Block {
        final float[][] data;
        int frames;
        final AtomicInteger pending = new AtomicInteger();

        Block(int channels, int capacity) {
            data = new float[channels][capacity];
        }
    }

    private static final Block END = new Block(0, 0);

    private BlockFeeder() {}

    public static Result feed(AudioSource source, List<List<BlockAnalyzer>> lanes, int blockFrames,
                              ProgressListener progress) throws IOException {
        int channels = source.info().channels();
        long expected = source.info().frameLength();
        int laneCount = lanes.size();
        BlockingQueue<Block> free = new ArrayBlockingQueue<>(laneCount * 3 + 2);
        for (int i = 0; i < laneCount * 3 + 2; i++) free.add(new Block(channels, blockFrames));
        List<BlockingQueue<Block>> queues = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int lane = 0; lane < laneCount; lane++) {
            BlockingQueue<Block> queue = new ArrayBlockingQueue<>(laneCount * 3 + 3);
            queues.add(queue);
            List<BlockAnalyzer> analyzers = lanes.get(lane);
            Thread t = Thread.ofPlatform().name("analysis-lane-" + lane).daemon().unstarted(() -> {
                try {
                    while (true) {
                        Block b = queue.take();
                        if (b == END) return;
                        if (failure.get() == null) {
                            for (BlockAnalyzer a : analyzers) a.accept(b.data, b.frames);
                        }
                        if (b.pending.decrementAndGet() == 0) free.add(b);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    // keep draining so the decoder never blocks on a dead lane
                    drain(queue, free);
                }
            });
            threads.add(t);
            t.start();
        }
        long frames = 0;
        long nonFinite = 0;
        double firstNonFinite = -1;
        int sampleRate = source.info().sampleRate();
        int[] firstBad = new int[1];
        try {
            while (failure.get() == null) {
                Block b = free.take();
                int n = source.read(b.data, blockFrames);
                if (n <= 0) {
                    free.add(b);
                    break;
                }
                b.frames = n;
                long bad = sanitize(b.data, channels, n, firstBad);
                if (bad > 0) {
                    if (nonFinite == 0) firstNonFinite = (frames + firstBad[0]) / (double) sampleRate;
                    nonFinite += bad;
                }
                frames += n;
                b.pending.set(laneCount);
                for (BlockingQueue<Block> q : queues) q.put(b);
                if (expected > 0) progress.progress("analyse", Math.min(1.0, frames / (double) expected));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("analysis interrupted", e);
        } finally {
            for (BlockingQueue<Block> q : queues) {
                try {
                    q.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error err) throw err;
        if (f != null) throw new IllegalStateException(f);
        progress.progress("analyse", 1.0);
        return new Result(frames, nonFinite, firstNonFinite);
    }

    private static void drain(BlockingQueue<Block> queue, BlockingQueue<Block> free) {
        try {
            while (true) {
                Block b = queue.take();
                if (b == END) return;
                if (b.pending.decrementAndGet() == 0) free.add(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
