package org.freshears.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freshears.audio.AudioInfo;
import org.freshears.audio.AudioSource;

/**
 * Measures a mix in one streaming pass: every analyser is fed the same blocks, spread over two lanes
 * (threads) so that both cores work. The CLI, the web app and the tests all come through here.
 *
 * <p>The loudness meter and the true-peak meter always sit on different lanes; the other analysers are placed
 * longest-first on the least-loaded lane, by their cost per frame as measured with
 * {@code org.freshears.bench.AnalyzerBench} ({@link #COST}).
 */
public final class Analyzer {

    /** @param blockFrames frames per block handed to the analysers; @param lanes worker threads */
    public record Options(int blockFrames, int lanes) {
        public static final Options DEFAULT = new Options(8192, 2);

        public Options {
            if (blockFrames < 1) throw new IllegalArgumentException("blockFrames must be at least 1");
            if (lanes < 1) throw new IllegalArgumentException("lanes must be at least 1");
        }
    }

    /** The default delivery ceiling for the findings made here (Spotify, −1 dBTP). */
    public static final double DEFAULT_TRUE_PEAK_CEILING_DBTP = -1.0;

    /**
     * CPU cost per stereo frame of each analyser at 44.1 kHz (ns/frame, thread CPU time, mean of three AnalyzerBench
     * rounds on a 4-minute 24-bit WAV on the shared 2-core build machine; only the ratios matter). The true-peak
     * meter skips stretches that cannot raise its maximum: 9–16 ns/frame on a dynamic track, up to its former 115 on
     * a track limited flat against its ceiling; 40 plans for the middle.
     */
    static final Map<String, Double> COST = Map.of("loudness", 30.0, "truePeak", 40.0, "spectrum", 160.0,
            "signal", 25.0, "goniometer", 15.0, "bandCrest", 95.0, "monoLoudness", 12.0);

    static final double CHUNK_SECONDS = 3.0;

    private Analyzer() {}

    /** Every analyser of one pass, by name (the names of {@link #COST}). */
    static final class Pass {
        final int sampleRate, channels;
        final LoudnessMeter loudness;
        final TruePeakMeter truePeak;
        final SpectrumAnalyzer spectrum;
        final SignalStats signal;
        final GoniometerAnalyzer goniometer;
        final BandCrestAnalyzer bandCrest;
        final MonoFoldDown mono;

        Pass(AudioInfo info) {
            sampleRate = info.sampleRate();
            channels = info.channels();
            loudness = new LoudnessMeter(sampleRate, channels);
            truePeak = new TruePeakMeter(sampleRate, channels);
            spectrum = new SpectrumAnalyzer(sampleRate, channels, CHUNK_SECONDS);
            signal = new SignalStats(sampleRate, channels);
            goniometer = new GoniometerAnalyzer(channels);
            bandCrest = new BandCrestAnalyzer(sampleRate, channels);
            mono = channels >= 2 ? new MonoFoldDown(sampleRate) : null;
        }

        Map<String, BlockAnalyzer> byName() {
            Map<String, BlockAnalyzer> m = new LinkedHashMap<>();
            m.put("loudness", loudness::accept);
            m.put("truePeak", truePeak::accept);
            m.put("spectrum", spectrum);
            m.put("signal", signal);
            m.put("goniometer", goniometer);
            m.put("bandCrest", bandCrest);
            if (mono != null) m.put("monoLoudness", mono);
            return m;
        }

        void finish() {
            spectrum.finish();
            signal.finish();
        }
    }

    public static MixFeatures analyze(AudioSource source, String displayPath, Options options,
                                      ProgressListener progress) throws IOException {
        AudioInfo info = source.info();
        Pass set = new Pass(info);
        List<List<BlockAnalyzer>> lanes = plan(set.byName(), options.lanes());
        BlockFeeder.Result fed = BlockFeeder.feed(source, lanes, options.blockFrames(), progress);
        set.finish();
        List<String> warnings = new ArrayList<>(source.warnings());
        if (fed.nonFiniteSamples() > 0) {
            warnings.add(String.format("%d NaN/Inf samples, the first at %.3f s; they were measured as silence",
                    fed.nonFiniteSamples(), fed.firstNonFiniteSeconds()));
        }
        FileInfo file = new FileInfo(displayPath, info.sampleRate(), info.channels(),
                Num.round(fed.frames() / (double) info.sampleRate(), 3), info.format(), info.encoding(), fed.frames(),
                fed.nonFiniteSamples());
        MixFeatures measured = FeatureAssembler.assemble(set, file, fed.nonFiniteSamples(), List.copyOf(warnings));
        List<Finding> findings = DefectFindings.of(measured, DEFAULT_TRUE_PEAK_CEILING_DBTP);
        return new MixFeatures(measured.file(), measured.loudness(), measured.dynamics(), measured.spectrum(),
                measured.stereo(), measured.technical(), measured.timeline(), measured.sections(), findings,
                measured.warnings());
    }

    /**
     * Only the loudness block (BS.1770 meter and true peak, on two lanes): about a third of the cost of
     * {@link #analyze}, for checks that need nothing else, such as the mastering loop's intermediate passes.
     */
    public static LoudnessStats measureLoudness(AudioSource source, Options options) throws IOException {
        AudioInfo info = source.info();
        LoudnessMeter loudness = new LoudnessMeter(info.sampleRate(), info.channels());
        TruePeakMeter truePeak = new TruePeakMeter(info.sampleRate(), info.channels());
        List<List<BlockAnalyzer>> lanes = options.lanes() >= 2
                ? List.of(List.of(loudness::accept), List.of(truePeak::accept))
                : List.of(List.of(loudness::accept, truePeak::accept));
        BlockFeeder.feed(source, lanes, options.blockFrames(), ProgressListener.NONE);
        return FeatureAssembler.loudness(loudness, truePeak);
    }

    /**
     * Spreads the analysers over {@code laneCount} lanes: the loudness meter on lane 0, the true-peak meter on lane 1,
     * the rest longest-first onto the lane with the least cost so far.
     */
    static List<List<BlockAnalyzer>> plan(Map<String, BlockAnalyzer> analyzers, int laneCount) {
        List<List<BlockAnalyzer>> lanes = new ArrayList<>();
        double[] load = new double[laneCount];
        for (int i = 0; i < laneCount; i++) lanes.add(new ArrayList<>());
        List<String> rest = new ArrayList<>(analyzers.keySet());
        for (String pinned : List.of("loudness", "truePeak")) {
            int lane = pinned.equals("loudness") ? 0 : Math.min(1, laneCount - 1);
            lanes.get(lane).add(analyzers.get(pinned));
            load[lane] += COST.get(pinned);
            rest.remove(pinned);
        }
        rest.sort((a, b) -> Double.compare(COST.get(b), COST.get(a)));
        for (String name : rest) {
            int best = 0;
            for (int i = 1; i < laneCount; i++) if (load[i] < load[best]) best = i;
            lanes.get(best).add(analyzers.get(name));
            load[best] += COST.get(name);
        }
        return lanes;
    }

    /**
     * Feeds every analyser on the calling thread, one after another, and returns the CPU nanoseconds (thread CPU time,
     * so that other processes on a busy machine do not count) each spent in {@code accept}, plus "decode" for reading
     * the source: the measurement behind {@link #COST}.
     */
    public static Map<String, Long> profile(AudioSource source, int blockFrames) throws IOException {
        AudioInfo info = source.info();
        Pass set = new Pass(info);
        Map<String, BlockAnalyzer> all = set.byName();
        Map<String, Long> nanos = new LinkedHashMap<>();
        nanos.put("decode", 0L);
        for (String k : all.keySet()) nanos.put(k, 0L);
        float[][] block = new float[info.channels()][blockFrames];
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        while (true) {
            long t0 = cpu.getCurrentThreadCpuTime();
            int n = source.read(block, blockFrames);
            nanos.merge("decode", cpu.getCurrentThreadCpuTime() - t0, Long::sum);
            if (n <= 0) break;
            BlockFeeder.sanitize(block, info.channels(), n, new int[1]);
            for (Map.Entry<String, BlockAnalyzer> e : all.entrySet()) {
                long t = cpu.getCurrentThreadCpuTime();
                e.getValue().accept(block, n);
                nanos.merge(e.getKey(), cpu.getCurrentThreadCpuTime() - t, Long::sum);
            }
        }
        set.finish();
        return nanos;
    }
}
