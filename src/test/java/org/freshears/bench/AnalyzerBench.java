package org.freshears.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.freshears.analysis.Analyzer;
import org.freshears.analysis.MemorySource;
import org.freshears.analysis.Signals;
import org.freshears.audio.AudioDecoder;
import org.freshears.audio.AudioSource;

/**
 * In-process timing of each analyser (single thread, after warm-up), in ns per frame and as a share of the total,
 * plus the wall time of the whole two-lane pass. Usage: {@code AnalyzerBench [FILE.wav] [rounds]}; without a file, a
 * 4-minute 44.1 kHz stereo noise signal made in memory.
 */
public final class AnalyzerBench {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        float[][] audio = null;
        if (args.length == 0) {
            int n = 1 << 23; // ~190 s
            audio = new float[][] {Signals.pink(n, 44100, 0.1, 1), Signals.pink(n, 44100, 0.1, 2)};
        }
        for (int r = 0; r < rounds; r++) {
            AudioSource src = args.length == 0 ? new MemorySource(44100, audio) : AudioDecoder.open(Path.of(args[0]));
            long frames = src.info().frameLength();
            Map<String, Long> ns = Analyzer.profile(src, 8192);
            src.close();
            long total = ns.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "round %d (%d frames):", r, frames));
            for (var e : ns.entrySet()) {
                sb.append(String.format(Locale.ROOT, "  %s %.1f ns/frame (%.0f%%)", e.getKey(),
                        e.getValue() / (double) frames, 100.0 * e.getValue() / total));
            }
            System.out.println(sb);
            for (int lanes = 1; lanes <= 2; lanes++) {
                src = args.length == 0 ? new MemorySource(44100, audio) : AudioDecoder.open(Path.of(args[0]));
                long t0 = System.nanoTime();
                Analyzer.analyze(src, "bench", new Analyzer.Options(8192, lanes), (s, f) -> {});
                System.out.printf(Locale.ROOT, "  %d-lane pass: %.0f ms%n", lanes, (System.nanoTime() - t0) / 1e6);
                src.close();
            }
        }
    }
}
