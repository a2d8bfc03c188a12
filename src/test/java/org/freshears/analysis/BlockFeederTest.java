package org.freshears.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.freshears.audio.ArrayAudioSource;
import org.junit.jupiter.api.Test;

/** The dynamic scheduler: every analyser sees every block, in order, once, one thread at a time. */
class BlockFeederTest {

    /** Records a running checksum of what it sees (order-sensitive) and which threads ran it. */
    private static final class Recorder implements BlockAnalyzer {
        final int work;
        long frames;
        double checksum;
        volatile boolean inside;
        boolean overlapped;
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        Recorder(int work) {
            this.work = work;
        }

        @Override
        public void accept(float[][] block, int n) {
            if (inside) overlapped = true;
            inside = true;
            threads.add(Thread.currentThread().getName());
            double x = 0;
            for (int rep = 0; rep < work; rep++) for (int i = 0; i < n; i++) x += Math.sqrt(Math.abs(block[0][i]) + rep);
            for (int i = 0; i < n; i++) checksum = checksum * 1.0000001 + block[0][i] + block[1][i] * 0.5;
            frames += n;
            if (x < 0) throw new AssertionError();
            inside = false;
        }
    }

    private static ArrayAudioSource source(int frames) {
        float[] l = new float[frames], r = new float[frames];
        for (int i = 0; i < frames; i++) {
            l[i] = (float) Math.sin(i * 0.01) * 0.5f;
            r[i] = (float) Math.cos(i * 0.003) * 0.25f;
        }
        return new ArrayAudioSource(44100, l, r);
    }

    @Test
    void everyAnalyserSeesEveryBlockInOrderWhateverTheThreadCount() throws Exception {
        int frames = 100_003;
        double[] expected = null;
        for (int threads = 1; threads <= 3; threads++) {
            List<Recorder> recs = new ArrayList<>();
            for (int w : new int[] {0, 6, 1, 0, 3}) recs.add(new Recorder(w));
            BlockFeeder.Result r = BlockFeeder.feed(source(frames), List.copyOf(recs), threads, 1000, ProgressListener.NONE);
            assertEquals(frames, r.frames());
            double[] sums = new double[recs.size()];
            for (int i = 0; i < recs.size(); i++) {
                Recorder rec = recs.get(i);
                assertEquals(frames, rec.frames, "analyser " + i + " with " + threads + " threads");
                assertTrue(!rec.overlapped, "analyser " + i + " ran on two threads at once");
                sums[i] = rec.checksum;
            }
            // the same order-sensitive checksum in every analyser and for every thread count
            for (double s : sums) assertEquals(sums[0], s);
            if (expected == null) expected = sums;
            assertArrayEquals(expected, sums);
        }
    }

    @Test
    void anAnalysersFailureStopsThePassAndIsRethrown() {
        IllegalStateException boom = new IllegalStateException("boom");
        int[] calls = new int[1];
        BlockAnalyzer failing = (block, n) -> {
            if (++calls[0] == 3) throw boom;
        };
        for (int threads = 1; threads <= 2; threads++) {
            calls[0] = 0;
            int t = threads;
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> BlockFeeder.feed(source(200_000),
                    List.of(new Recorder(0), failing), t, 1000, ProgressListener.NONE));
            assertSame(boom, e);
        }
    }

    @Test
    void noAnalysersStillCountsTheFrames() throws Exception {
        assertEquals(12_345, BlockFeeder.feed(source(12_345), List.of(), 2, 1000, ProgressListener.NONE).frames());
    }
}
