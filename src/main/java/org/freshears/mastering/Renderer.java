package org.freshears.mastering;

import org.freshears.audio.AudioInfo;
import org.freshears.audio.AudioSink;
import org.freshears.audio.AudioSource;
import org.freshears.audio.OutputFormat;
import org.freshears.audio.WavWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline, streaming renderer: reads the source block by block, runs the {@link ChainProcessor}, and writes the
 * result with the input's sample rate, channel count and exact length. The chain's latency is compensated: the
 * first {@code latency} output frames are dropped and the tail is flushed with silence, so nothing shifts in
 * time. Memory is bounded by the block size; the output does not depend on the block size. Non-finite input
 * samples (NaN, ±Inf) become silence, with a warning.
 */
public final class Renderer {
    public static final int DEFAULT_BLOCK = 4096;

    private Renderer() {
    }

    /** Renders into a WAV file of the given format; the source is read to the end but not closed. */
    public static RenderResult render(AudioSource in, MasteringChain chain, Path out, OutputFormat fmt, int blockSize)
            throws IOException {
        AudioInfo info = in.info();
        try (WavWriter w = new WavWriter(out, info.sampleRate(), info.channels(), fmt, info.channelLayout())) {
            RenderResult r = render(in, chain, w, blockSize);
            return new RenderResult(out, fmt, r.sampleRate(), r.channels(), r.frames(), r.latencyFrames(),
                    r.limiterMaxReductionDb(), r.warnings());
        }
    }

    /** Renders into any sink (not closed here). */
    public static RenderResult render(AudioSource in, MasteringChain chain, AudioSink sink, int blockSize) throws IOException {
        if (blockSize < 1) throw new IllegalArgumentException("block size must be >= 1: " + blockSize);
        AudioInfo info = in.info();
        int channels = info.channels();
        ChainProcessor proc = new ChainProcessor(chain, info.sampleRate(), channels, blockSize);
        int latency = proc.latency();
        float[][] buf = new float[channels][blockSize];
        long inFrames = 0, written = 0, nonFinite = 0;
        int toSkip = latency;
        boolean ended = false;
        while (!ended || written < inFrames) {
            int n;
            if (!ended) {
                n = in.read(buf, blockSize);
                if (n < 0) {
                    ended = true;
                    continue;
                }
                if (n == 0) continue;
                inFrames += n;
                nonFinite += sanitize(buf, n);
            } else {                                   // flush the latency with silence
                n = (int) Math.min(blockSize, inFrames - written + toSkip);
                for (float[] ch : buf) java.util.Arrays.fill(ch, 0, n, 0f);
            }
            proc.process(buf, n);
            int skip = Math.min(toSkip, n);
            toSkip -= skip;
            int keep = (int) Math.min(n - skip, inFrames - written);
            if (keep > 0) {
                sink.write(buf, skip, keep);
                written += keep;
            }
        }
        List<String> warnings = new ArrayList<>(in.warnings());
        if (nonFinite > 0) warnings.add(nonFiniteWarning(nonFinite));
        warnings.addAll(proc.notes());
        return new RenderResult(null, null, info.sampleRate(), channels, written, latency, proc.limiterMaxReductionDb(), warnings);
    }

    /** The warning for {@code n} non-finite input samples that {@link #sanitize} replaced. */
    static String nonFiniteWarning(long n) {
        return n + " non-finite input samples (NaN or infinity) were replaced by silence";
    }

    static long sanitize(float[][] buf, int n) {
        long bad = 0;
        for (float[] ch : buf) {
            for (int i = 0; i < n; i++) {
                if (!Float.isFinite(ch[i])) {
                    ch[i] = 0;
                    bad++;
                }
            }
        }
        return bad;
    }
}
