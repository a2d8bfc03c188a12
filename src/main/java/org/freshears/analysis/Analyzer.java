package org.freshears.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freshears.audio.AudioInfo;
import org.freshears.audio.AudioSource;

/**
 * Measures a mix in one streaming pass: every analyser is fed the same blocks by {@link BlockFeeder}, whose
 * worker threads (two by default, one per core of the reference machine) take whichever analyser is furthest
 * behind. The CLI, the web app and the tests all come through here. Each analyser's share of the work is
 * measured by {@code org.freshears.bench.AnalyzerBench} ({@link #profile}).
 */
public final class Analyzer {

    /** @param blockFrames frames per block handed to the analysers; @param lanes worker threads (analysis lanes) */
    public record Options(int blockFrames, int lanes) {
        /**
         * 8192-frame blocks on one lane per processor, at least two and at most four (six analysers, three of them
         * heavy; more lanes only wait). On two cores a third lane measured the same as two, and one lane 6 % slower
         * (the JIT compilers and the decoder fill the other core). {@code -Dfreshears.lanes=N} overrides it.
         */
        public static final Options DEFAULT = new Options(8192, Integer.getInteger("freshears.lanes",
                Math.clamp(Runtime.getRuntime().availableProcessors(), 2, 4)));

        public Options {
            if (blockFrames < 1) throw new IllegalArgumentException("blockFrames must be at least 1");
            if (lanes < 1) throw new IllegalArgumentException("lanes must be at least 1");
        }
    }

    /** The default delivery ceiling for the findings made here (Spotify, −1 dBTP). */
    public static final double DEFAULT_TRUE_PEAK_CEILING_DBTP = -1.0;

    static final double CHUNK_SECONDS = 3.0;

    private Analyzer() {}

    /** Every analyser of one pass, by name. */
    static final class Pass {
        final int sampleRate, channels;
        final LoudnessMeter loudness;
        final TruePeakMeter truePeak;
        final SpectrumAnalyzer spectrum;
        final SignalStats signal;
        final GoniometerAnalyzer goniometer;
        final BandCrestAnalyzer bandCrest;

        Pass(AudioInfo info) {
            sampleRate = info.sampleRate();
            channels = info.channels();
            // the stereo measures take the front left and right channels, wherever the layout puts them
            int left = info.channelLayout().left(), right = info.channelLayout().right();
            loudness = new LoudnessMeter(sampleRate, info.channelLayout());
            truePeak = new TruePeakMeter(sampleRate, channels);
            spectrum = new SpectrumAnalyzer(sampleRate, channels, left, right, CHUNK_SECONDS);
            signal = new SignalStats(sampleRate, channels, left, right);
            goniometer = new GoniometerAnalyzer(channels, left, right);
            bandCrest = new BandCrestAnalyzer(sampleRate, channels, left, right);
        }

        Map<String, BlockAnalyzer> byName() {
            Map<String, BlockAnalyzer> m = new LinkedHashMap<>();
            m.put("loudness", loudness::accept);
            m.put("truePeak", truePeak::accept);
            m.put("spectrum", spectrum);
            m.put("signal", signal);
            m.put("goniometer", goniometer);
            m.put("bandCrest", bandCrest);
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
        BlockFeeder.Result fed = BlockFeeder.feed(source, List.copyOf(set.byName().values()), options.lanes(),
                options.blockFrames(), progress);
        set.finish();
        List<String> warnings = new ArrayList<>(source.warnings());
        if (fed.nonFiniteSamples() > 0) {
            warnings.add(String.format("%d NaN/Inf samples, the first at %.3f s; they were measured as silence",
                    fed.nonFiniteSamples(), fed.firstNonFiniteSeconds()));
        }
        if (fed.frames() > 0 && fed.frames() < 0.4 * info.sampleRate()) {
            double ms = 1000.0 * fed.frames() / info.sampleRate();
            warnings.add(String.format(java.util.Locale.ROOT, "only %s ms of audio: shorter than one 400 ms loudness "
                    + "block, so loudness is not measured and the other figures say little",
                    String.format(java.util.Locale.ROOT, ms < 10 ? "%.2f" : "%.0f", ms)));
        }
        FileInfo file = new FileInfo(displayPath, info.sampleRate(), info.channels(),
                Num.round(fed.frames() / (double) info.sampleRate(), 3), info.format(), info.encoding(), fed.frames(),
                fed.nonFiniteSamples());
        MixFeatures measured = FeatureAssembler.assemble(set, file, fed.nonFiniteSamples(), List.copyOf(warnings));
        List<Finding> findings = DefectFindings.of(measured, DEFAULT_TRUE_PEAK_CEILING_DBTP);
        return new MixFeatures(measured.file(), measured.loudness(), measured.dynamics(), measured.spectrum(),
                measured.stereo(), measured.technical(), measured.timeline(), measured.sections(), findings,
                measured.warnings(), measured.texture());
    }

    /**
     * Only the loudness block (BS.1770 meter and true peak, on two lanes): about a third of the cost of
     * {@link #analyze}, for checks that need nothing else, such as the mastering loop's intermediate passes.
     */
    public static LoudnessStats measureLoudness(AudioSource source, Options options) throws IOException {
        AudioInfo info = source.info();
        LoudnessMeter loudness = new LoudnessMeter(info.sampleRate(), info.channelLayout());
        TruePeakMeter truePeak = new TruePeakMeter(info.sampleRate(), info.channels());
        BlockFeeder.Result fed = BlockFeeder.feed(source, List.of(loudness::accept, truePeak::accept), options.lanes(),
                options.blockFrames(), ProgressListener.NONE);
        return FeatureAssembler.loudness(loudness, truePeak, fed.nonFiniteSamples());
    }

    /**
     * Feeds every analyser on the calling thread, one after another, and returns the CPU nanoseconds (thread CPU time,
     * so that other processes on a busy machine do not count) each spent in {@code accept}, plus "decode" for reading
     * the source: what {@code AnalyzerBench} reports.
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
