package org.freshears.mastering;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.freshears.audio.AudioInfo;
import org.freshears.audio.AudioSource;
import org.freshears.dsp.LookaheadLimiter;

/**
 * The mastering loop's render, split in two. Between passes the loop changes only its level trim (the last gain
 * stage) and what follows it (the limiter), so the chain's head, every stage before that gain, is rendered once
 * into a cache file of raw 32-bit floats beside the output, and each pass re-runs only the tail from the cache.
 * A tail pass reads as an {@link AudioSource}, so it can be measured as it is made.
 *
 * <p>The result is bit-identical to {@link Renderer#render} of the whole chain: the cache holds the head's output
 * for the input followed by as many zeros as the whole chain delays (the renderer's flush), the tail's processors
 * see the same samples in the same order, and the whole chain's latency is dropped from the front. Every processor
 * is block-size invariant, so where the blocks are cut does not matter. Memory is bounded by the block; the cache
 * takes 4 bytes per sample on disk (about 85 MB for 4 minutes of 44.1 kHz stereo, plus one float per frame for the
 * envelope below). It is opened {@code DELETE_ON_CLOSE}, which on Linux unlinks it at once, so not even a crash
 * leaves it behind; {@link #close} releases it.
 *
 * <p>When the tail is just the trim and the limiter (the suggested chains), the limiter's oversampled peak
 * detection, its costliest part, is also made once: the cache keeps, per frame, the detector's peak of the head
 * output ({@link LookaheadLimiter.Envelope}), and each pass scales it by the trim instead of detecting again
 * (detection is linear in the gain; the envelope is rounded up, so no peak is under-read). That render differs
 * from the whole-chain one only by the rounding of the peaks the limiter reacts to. The envelope is measured on a
 * second thread while the head renders.
 */
public final class LoopRender implements AutoCloseable {
    /** Frames per block of the head render and of the tail sources. */
    public static final int BLOCK = Renderer.DEFAULT_BLOCK;

    private final AudioInfo info;
    private final List<Stage> head;
    private final int headLatency, tailLatency;
    private final long inFrames;
    private final Path cache;
    private final FileChannel channel;
    private final List<String> warnings;
    /** Whether each cached frame ends with the limiter's detector envelope (floats per frame: channels + 1). */
    private final boolean envelope;
    /** The limiter the envelope was measured for, and the largest trim (factor) it is exact enough for. */
    private final LimiterStage envelopeLimiter;
    private final double envelopeMaxGain;

    /**
     * How far (6 dB) above the larger of the chain's first trim and the caller's expected trim a pass may go and still
     * use the envelope; peaks that could not reach the limiter's threshold even then are not computed exactly.
     * Beyond it, a pass detects afresh (correct, only slower: a head that lowers the level by more than 6 dB, such as
     * a strong leveler without make-up gain, gets there).
     */
    static final double ENVELOPE_HEADROOM = 2.0;
    /** The largest envelope value (the head output's largest detected peak, or an upper bound under the floor). */
    private double envelopePeak;

    private LoopRender(AudioInfo info, List<Stage> head, int headLatency, int tailLatency, long inFrames, Path cache,
                       FileChannel channel, List<String> warnings, LimiterStage envelopeLimiter, double envelopeMaxGain) {
        this.envelope = envelopeLimiter != null;
        this.envelopeLimiter = envelopeLimiter;
        this.envelopeMaxGain = envelopeMaxGain;
        this.info = info;
        this.head = head;
        this.headLatency = headLatency;
        this.tailLatency = tailLatency;
        this.inFrames = inFrames;
        this.cache = cache;
        this.channel = channel;
        this.warnings = warnings;
    }

    /**
     * Where the chain splits: the index of its last gain stage (the loop's trim), else of its limiter, else its
     * length (no tail).
     */
    static int split(List<Stage> stages) {
        int at = -1;
        for (int i = 0; i < stages.size(); i++) if (stages.get(i) instanceof GainStage) at = i;
        if (at >= 0) return at;
        return !stages.isEmpty() && stages.getLast() instanceof LimiterStage ? stages.size() - 1 : stages.size();
    }

    /**
     * Renders the head of {@code chain} (amount applied) from {@code in} (read to the end, not closed) into a
     * cache file created in {@code dir}.
     */
    public static LoopRender prepare(AudioSource in, MasteringChain chain, Path dir) throws IOException {
        return prepare(in, chain, dir, null);
    }

    /** Sees each block of the head's output (then its flush zeros), in order, on the cache's writing thread. */
    @FunctionalInterface
    public interface HeadObserver {
        void accept(float[][] block, int frames);
    }

    /** As {@link #prepare(AudioSource, MasteringChain, Path)}, showing the head's output to {@code observer}. */
    public static LoopRender prepare(AudioSource in, MasteringChain chain, Path dir, HeadObserver observer)
            throws IOException {
        return prepare(in, chain, dir, observer, Double.NaN);
    }

    /**
     * As {@link #prepare(AudioSource, MasteringChain, Path, HeadObserver)}, with the trim (dB) the caller expects to
     * set once it knows the head's loudness (NaN: none). The limiter's envelope is made exact enough for
     * {@link #ENVELOPE_HEADROOM} above the larger of that and the chain's own trim, so that a pass at the trim the
     * loop will choose scales the envelope instead of detecting afresh (a chain whose gain stage is far from where
     * the loop takes it, such as a hand-written one, would otherwise detect on every pass).
     */
    public static LoopRender prepare(AudioSource in, MasteringChain chain, Path dir, HeadObserver observer,
                                     double expectedTrimDb) throws IOException {
        AudioInfo info = in.info();
        List<Stage> stages = chain.effectiveStages();
        int at = split(stages);
        List<Stage> head = List.copyOf(stages.subList(0, at));
        ChainProcessor headProc = new ChainProcessor(new MasteringChain(head), info.sampleRate(), info.channels(), BLOCK);
        int tailLatency = new ChainProcessor(new MasteringChain(stages.subList(at, stages.size())), info.sampleRate(),
                info.channels(), BLOCK).latency();
        int flush = headProc.latency() + tailLatency;
        List<Stage> tail = stages.subList(at, stages.size());
        LimiterStage limiter = limiterOnly(tail);
        double hinted = Double.isFinite(expectedTrimDb) ? Math.pow(10, Math.min(60, expectedTrimDb) / 20) : 0;
        double maxGain = limiter == null ? 0 : Math.max(trimFactor(tail), hinted) * ENVELOPE_HEADROOM;
        double floor = limiter == null ? 0 : LookaheadLimiter.threshold(limiter.ceilingDbtp()) / maxGain;
        Path cache = Files.createTempFile(dir, ".freshears-render-", ".f32");
        FileChannel ch = null;
        try {
            ch = FileChannel.open(cache, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            int channels = info.channels();
            long frames = 0, nonFinite = 0, zeros = 0;
            boolean ended = false;
            long expected = info.frameLength();
            String where = " in " + dir + (expected > 0 ? String.format(java.util.Locale.ROOT, ", which needs about %.0f MB free",
                    (expected + flush) * (channels + (limiter != null ? 1 : 0)) * 4.0 / 1e6) : "");
            CacheWriter writer = new CacheWriter(ch, channels, limiter != null, floor, observer, where);
            try (writer) {
                while (!ended || zeros < flush) {
                    float[][] buf = writer.free();
                    int n;
                    if (!ended) {
                        n = in.read(buf, BLOCK);
                        if (n < 0) {
                            ended = true;
                            writer.giveBack(buf);
                            continue;
                        }
                        if (n == 0) {
                            writer.giveBack(buf);
                            continue;
                        }
                        frames += n;
                        nonFinite += Renderer.sanitize(buf, n);
                    } else {
                        n = (int) Math.min(BLOCK, flush - zeros);
                        for (float[] c : buf) java.util.Arrays.fill(c, 0, n, 0f);
                        zeros += n;
                    }
                    headProc.process(buf, n);
                    writer.write(buf, n);
                }
            }
            List<String> warnings = new ArrayList<>(in.warnings());
            if (nonFinite > 0) warnings.add(Renderer.nonFiniteWarning(nonFinite));
            warnings.addAll(headProc.notes());
            LoopRender r = new LoopRender(info, head, headProc.latency(), tailLatency, frames, cache, ch, warnings, limiter, maxGain);
            r.envelopePeak = writer.envelopePeak;
            return r;
        } catch (IOException | RuntimeException e) {
            if (ch != null) ch.close();
            Files.deleteIfExists(cache);
            throw e;
        }
    }

    /** The trim of a tail as a factor (1 without a gain stage). */
    private static double trimFactor(List<Stage> tail) {
        return tail.getFirst() instanceof GainStage g ? Math.pow(10, g.gainDb() / 20) : 1;
    }

    /** The limiter of a tail that is only [trim, limiter] or [limiter], else null. */
    private static LimiterStage limiterOnly(List<Stage> tail) {
        if (tail.size() == 1 && tail.getFirst() instanceof LimiterStage l) return l;
        if (tail.size() == 2 && tail.get(0) instanceof GainStage && tail.get(1) instanceof LimiterStage l) return l;
        return null;
    }

    /**
     * Interleaves head blocks (with the detector envelope) and writes them to the cache on its own thread, so that
     * the head's filters and the limiter's detection run on two cores. Blocks go round a small pool; a failure on
     * the writing thread is rethrown to the rendering one.
     */
    private static final class CacheWriter implements AutoCloseable {
        private static final int POOL = 4;
        private final java.util.concurrent.BlockingQueue<float[][]> free = new java.util.concurrent.ArrayBlockingQueue<>(POOL);
        private final java.util.concurrent.BlockingQueue<Object[]> full = new java.util.concurrent.ArrayBlockingQueue<>(POOL + 1);
        private final Thread thread;
        private volatile Throwable failure;

        /** The largest envelope value written; read after {@link #close}. */
        double envelopePeak;

        /** @param where for the error message: where the cache goes and about how much room it needs */
        CacheWriter(FileChannel ch, int channels, boolean withEnvelope, double floor, HeadObserver observer, String where) {
            for (int i = 0; i < POOL; i++) free.add(new float[channels][BLOCK]);
            int stride = channels + (withEnvelope ? 1 : 0);
            thread = Thread.ofPlatform().name("render-cache").daemon().start(() -> {
                LookaheadLimiter.Envelope detector = withEnvelope ? new LookaheadLimiter.Envelope(channels, floor) : null;
                float[] env = new float[BLOCK];
                ByteBuffer bytes = ByteBuffer.allocateDirect(BLOCK * stride * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                FloatBuffer floats = bytes.asFloatBuffer();
                while (true) {
                    Object[] item;
                    try {
                        item = full.take();
                    } catch (InterruptedException e) {
                        failure = e;
                        return;
                    }
                    float[][] buf = (float[][]) item[0];
                    int n = (Integer) item[1];
                    if (n < 0) {
                        org.freshears.util.Timing.threadCpu("render-cache");
                        return;
                    }
                    if (failure == null) {
                        try {
                            if (detector != null) {
                                detector.detect(buf, 0, n, env, 0);
                                double max = envelopePeak;
                                for (int i = 0; i < n; i++) if (env[i] > max) max = env[i];
                                envelopePeak = max;
                            }
                            if (observer != null) observer.accept(buf, n);
                            floats.clear();
                            for (int i = 0; i < n; i++) {
                                for (int c = 0; c < channels; c++) floats.put(buf[c][i]);
                                if (detector != null) floats.put(env[i]);
                            }
                            bytes.clear().limit(n * stride * Float.BYTES);
                            while (bytes.hasRemaining()) ch.write(bytes);
                        } catch (IOException e) {
                            failure = new IOException("cannot write the temporary render" + where + " (" + e.getMessage()
                                    + ")", e);
                        } catch (Throwable e) {
                            failure = e; // keep draining, so that the rendering thread never waits for nothing
                        }
                    }
                    free.add(buf);
                }
            });
        }

        float[][] free() throws IOException {
            rethrow();
            try {
                return free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("render interrupted", e);
            }
        }

        void giveBack(float[][] buf) {
            free.add(buf);
        }

        void write(float[][] buf, int n) throws IOException {
            full.add(new Object[] {buf, n});
            rethrow();
        }

        /** Set once the failure has been thrown to the rendering thread, so that {@link #close} does not throw it again. */
        private boolean thrown;

        private void rethrow() throws IOException {
            Throwable f = failure;
            if (f == null || thrown) return;
            thrown = true;
            if (f instanceof IOException io) throw io;
            if (f instanceof RuntimeException re) throw re;
            if (f instanceof Error err) throw err;
            if (f != null) throw new IOException("writing the render cache failed", f);
        }

        /** Waits for every block to be written; rethrows a failure. */
        @Override
        public void close() throws IOException {
            full.add(new Object[] {null, -1});
            boolean interrupted = false;
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            rethrow();
        }
    }

    /** Whether {@code chain} has the head this cache was rendered with (so that only its tail need run). */
    public boolean fits(MasteringChain chain) {
        List<Stage> stages = chain.effectiveStages();
        return head.equals(stages.subList(0, split(stages)));
    }

    /**
     * Whether the limiter of a chain's tail provably leaves the render untouched at the trim {@code gainDb}: the
     * envelope applies, and its largest peak times the trim stays under the limiter's threshold, so every gain it
     * computes is exactly 1 and the render is the trimmed head output, delayed. Then its loudness is the head's
     * plus the trim, known without a pass.
     */
    public boolean limiterIdleAt(double gainDb) {
        if (!envelope) return false;
        double g = Math.pow(10, gainDb / 20);
        return g <= envelopeMaxGain && envelopePeak * g <= LookaheadLimiter.threshold(envelopeLimiter.ceilingDbtp());
    }

    /** Input frames (the length of every render). */
    public long frames() {
        return inFrames;
    }

    /** The input's warnings and the head's notes. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * The render of {@code chain} (which must {@link #fits fit}) as a stream: the cached head output through the
     * chain's tail, latency dropped, exactly the input's length. Reports the input's sample rate and channels with
     * the given format and encoding names (those of the file it will be written as).
     */
    public Tail tail(MasteringChain chain, String format, String encoding) {
        if (!fits(chain)) throw new IllegalArgumentException("the chain's stages before its level trim differ from the cached render");
        List<Stage> stages = chain.effectiveStages();
        List<Stage> tail = stages.subList(split(stages), stages.size());
        ChainProcessor proc = new ChainProcessor(new MasteringChain(tail), info.sampleRate(), info.channels(), BLOCK);
        if (proc.latency() != tailLatency) throw new IllegalArgumentException("the chain's tail latency changed");
        AudioInfo tailInfo = new AudioInfo(info.sampleRate(), info.channels(), format, encoding, inFrames, info.channelLayout());
        LimiterStage l = envelope ? limiterOnly(tail) : null;
        double gain = l == null ? 1 : trimFactor(tail);
        if (l == null || !l.equals(envelopeLimiter) || gain > envelopeMaxGain) {
            return new Tail(proc, null, 1, tailInfo);   // the envelope does not apply: the tail detects afresh
        }
        return new Tail(null, new LookaheadLimiter(info.sampleRate(), info.channels(), l.ceilingDbtp(), l.lookaheadMs(),
                l.releaseMs()), gain, tailInfo);
    }

    /** One pass of the tail over the cache. Closing it leaves the cache open for the next pass. */
    public final class Tail implements AudioSource {
        private final ChainProcessor proc;
        private final LookaheadLimiter limiter;
        private final double gain;
        private final AudioInfo tailInfo;
        private final float[][] buf;
        private final float[] env;
        private final ByteBuffer bytes;
        private final FloatBuffer floats;
        private long position, emitted;
        private int toSkip = headLatency + tailLatency;

        /** Either the tail's processors, or (envelope in the cache) the trim as a factor and the limiter. */
        private Tail(ChainProcessor proc, LookaheadLimiter limiter, double gain, AudioInfo tailInfo) {
            this.proc = proc;
            this.limiter = limiter;
            this.gain = gain;
            this.tailInfo = tailInfo;
            this.buf = new float[info.channels()][BLOCK];
            this.env = new float[BLOCK];
            int stride = info.channels() + (envelope ? 1 : 0);
            this.bytes = ByteBuffer.allocateDirect(BLOCK * stride * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            this.floats = bytes.asFloatBuffer();
        }

        @Override
        public AudioInfo info() {
            return tailInfo;
        }

        @Override
        public int read(float[][] dst, int maxFrames) throws IOException {
            int channels = info.channels();
            while (emitted < inFrames) {
                int want = Math.min(Math.min(maxFrames, dst[0].length), BLOCK);
                if (want <= 0) return 0;
                int n = readCache(want);
                if (n <= 0) throw new IOException("the render cache ended early (" + cache.getFileName() + ")");
                if (proc != null) {
                    proc.process(buf, n);
                } else {
                    if (gain != 1) {
                        for (float[] ch : buf) for (int i = 0; i < n; i++) ch[i] = (float) (ch[i] * gain);
                    }
                    limiter.processWithEnvelope(buf, 0, n, env, 0, gain);
                }
                int skip = Math.min(toSkip, n);
                toSkip -= skip;
                int keep = (int) Math.min(n - skip, inFrames - emitted);
                if (keep > 0) {
                    for (int c = 0; c < channels; c++) System.arraycopy(buf[c], skip, dst[c], 0, keep);
                    emitted += keep;
                    return keep;
                }
            }
            return -1;
        }

        /** Reads up to {@code want} whole frames of the cache into {@code buf} (and the envelope into {@code env}). */
        private int readCache(int want) throws IOException {
            int channels = info.channels(), stride = channels + (envelope ? 1 : 0), frameBytes = stride * Float.BYTES;
            bytes.clear().limit(want * frameBytes);
            while (bytes.hasRemaining()) {
                int got = channel.read(bytes, position + bytes.position());
                if (got < 0) break;
            }
            int n = bytes.position() / frameBytes;
            position += (long) n * frameBytes;
            floats.clear();
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < channels; c++) buf[c][i] = floats.get();
                if (envelope) env[i] = floats.get();
            }
            return n;
        }

        /** The deepest limiter gain reduction of this pass so far, dB (≥ 0). */
        public double limiterMaxReductionDb() {
            return proc != null ? proc.limiterMaxReductionDb() : -limiter.minGainDb();
        }

        @Override
        public List<String> warnings() {
            List<String> w = new ArrayList<>(warnings);
            if (proc != null) w.addAll(proc.notes());
            return w;
        }

        @Override
        public void close() {
        }
    }

    /** Deletes the cache. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(cache);
        }
    }
}
