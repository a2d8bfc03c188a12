package org.freshears.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.freshears.advice.DeliveryTarget;
import org.freshears.advice.ProfileKeys;
import org.freshears.advice.ReferenceMatch;
import org.freshears.advice.SpectralError;
import org.freshears.advice.TargetProfile;
import org.freshears.analysis.Analyzer;
import org.freshears.analysis.Finding;
import org.freshears.analysis.LoudnessMeter;
import org.freshears.analysis.LoudnessStats;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.ProgressListener;
import org.freshears.analysis.ThirdOctaveBand;
import org.freshears.audio.AudioDecoder;
import org.freshears.audio.AudioSource;
import org.freshears.audio.OutputFormat;
import org.freshears.audio.WavWriter;
import org.freshears.audio.UnreadableAudioException;
import org.freshears.mastering.EqStage;
import org.freshears.mastering.GainStage;
import org.freshears.mastering.LimiterStage;
import org.freshears.mastering.LoopRender;
import org.freshears.mastering.MasteringChain;
import org.freshears.mastering.Stage;

/**
 * The closed loop of {@code master}: render the chain, re-measure the render with the same analyser, and trim
 * the gain into the limiter until the integrated loudness is within ±{@value #LOUDNESS_TOLERANCE_LU} LU of the
 * target (the limiter takes loudness away as it works, so the trim is found by secant steps, at most
 * {@value #MAX_PASSES} renders). When matching references, the EQ is refined on the same passes (measure →
 * refine) until the 1/3-octave error stops improving.
 */
final class Mastering {
    static final double LOUDNESS_TOLERANCE_LU = 0.2;
    static final int MAX_PASSES = 5;
    static final double SPECTRAL_GOAL_DB = 0.12;

    private Mastering() {}

    /** What the loop produced: the chain finally rendered, the render's features, and each pass. */
    record Outcome(MasteringChain chain, MixFeatures after, List<MasterResult.Pass> passes) {
    }

    static Outcome run(Path in, Path out, OutputFormat format, MasteringChain chain,
                       DeliveryTarget target, TargetProfile profile, MixFeatures before, boolean refineEq,
                       ProgressListener progress) throws IOException, UnreadableAudioException {
        List<MasterResult.Pass> passes = new ArrayList<>();
        boolean hasLimiter = !chain.stages().isEmpty() && chain.stages().getLast() instanceof LimiterStage;
        ReferenceMatch.Want want = refineEq ? ReferenceMatch.want(before, profile) : null;
        double g0 = Double.NaN, l0 = Double.NaN;
        double bestError = Double.POSITIVE_INFINITY;
        MixFeatures after = null;
        Path dir = out.toAbsolutePath().getParent();
        LoopRender cache = null;
        Double lastHeadLufs = null;
        try {
            for (int pass = 1; pass <= MAX_PASSES; pass++) {
                progress.progress("render", (pass - 1) / (double) MAX_PASSES);
                if (cache == null || !cache.fits(chain)) {
                    // the stages before the level trim run once (again only when the EQ is refined)
                    long th = System.nanoTime();
                    if (cache != null) cache.close();
                    cache = null;
                    Double headLufs;
                    try (AudioSource src = AudioDecoder.open(in)) {
                        requireFrontPairFirst(in, src.info().channelLayout());
                        LoudnessMeter meter = new LoudnessMeter(src.info().sampleRate(), src.info().channelLayout());
                        // the trim the loop is about to choose, if the head keeps the mix's loudness
                        Double mixLufs = before.loudness() == null ? null : before.loudness().integratedLufs();
                        double expectedTrim = hasLimiter && mixLufs != null
                                ? target.integratedLufs() - mixLufs : Double.NaN;
                        cache = LoopRender.prepare(src, chain, dir, meter::accept, expectedTrim);
                        headLufs = meter.result().integratedLufs();
                    }
                    timing("pass " + pass + " render of the stages before the level trim", th);
                    if (hasLimiter && headLufs != null) {
                        if (pass == 1) {
                            // the trim that brings the limiter's input to the target: loudness before the limiter is
                            // the head's plus the trim, exactly (a better first guess than the advice's, made before
                            // the EQ)
                            double trim = Math.max(-60, Math.min(60, target.integratedLufs() - headLufs));
                            chain = withGain(chain, gainOf(chain) - trimOf(chain) + trim);
                        } else if (lastHeadLufs != null) {
                            // a refined EQ made the head louder or quieter: the trim found so far moves with it
                            chain = withGain(chain, gainOf(chain) + (lastHeadLufs - headLufs));
                        }
                        lastHeadLufs = headLufs;
                    }
                }
                long tm = System.nanoTime();
                progress.progress("verify", (pass - 0.5) / MAX_PASSES);
                // The first pass only measures the loudness of the trim and limiter's output (no file): the trim it
                // finds is usually final. Later passes, and any pass that measures the EQ, write the file and make
                // the full measurement of exactly the samples written, in the same pass.
                // ...unless the limiter provably does nothing at this trim: then the loudness is already known
                boolean full = refineEq || pass > 1 || !hasLimiter || cache.limiterIdleAt(trimOf(chain));
                LoudnessStats loud;
                if (full) {
                    after = writeAndMeasure(cache, chain, out, format);
                    loud = after.loudness();
                } else {
                    after = null;
                    loud = Analyzer.measureLoudness(cache.tail(chain, "wav", WavWriter.encodingLabel(format)),
                            Analyzer.Options.DEFAULT);
                }
                timing("pass " + pass + (full ? " render, write and full measurement" : " render and loudness check"), tm);
                Double lufs = loud == null ? null : loud.integratedLufs();
                Double tp = loud == null ? null : loud.truePeakDbtp();
                Double err = refineEq ? spectralError(after, profile) : null;
                double gain = gainOf(chain);
                passes.add(new MasterResult.Pass(gain, lufs, tp, err));
                boolean loudOk = lufs == null || Math.abs(lufs - target.integratedLufs()) <= LOUDNESS_TOLERANCE_LU;
                boolean eqDone = !refineEq || err == null || err <= SPECTRAL_GOAL_DB || err >= bestError - 0.01;
                if (err != null && err < bestError) bestError = err;
                if ((loudOk && eqDone) || !hasLimiter || lufs == null || pass == MAX_PASSES) break;
                // secant step on (gain → loudness); the first step assumes 1 dB per dB
                double next;
                if (Double.isNaN(g0) || Math.abs(lufs - l0) < 1e-3 || Math.abs(gain - g0) < 1e-3) {
                    next = gain + (target.integratedLufs() - lufs);
                } else {
                    double slope = Math.max(0.2, Math.min(1.5, (lufs - l0) / (gain - g0)));
                    next = gain + (target.integratedLufs() - lufs) / slope;
                }
                double limit = Math.abs(target.integratedLufs() - lufs) * 3 + 1;
                next = Math.max(gain - limit, Math.min(gain + limit, next));
                g0 = gain;
                l0 = lufs;
                chain = withGain(chain, loudOk ? gain : next);
                if (refineEq && !eqDone && want != null) {
                    want = ReferenceMatch.refine(want, after, profile);
                    EqStage eq = ReferenceMatch.eq(want, "match the mid and side 1/3-octave curves of " + profile.label()
                            + " (refined on the render)");
                    chain = withEq(chain, eq);
                }
            }
            if (after == null) {
                // the loop stopped on a loudness-only pass: write that render and measure it fully
                long tm = System.nanoTime();
                after = writeAndMeasure(cache, chain, out, format);
                timing("final write and full measurement", tm);
            }
        } finally {
            if (cache != null) cache.close();
        }
        return new Outcome(chain, after, passes);
    }

    /**
     * Writes the render of {@code chain} to {@code out} and measures it in the same pass: the analysis is fed the
     * very values a decoder reads back from the file (see {@link WavWriter#writeAndReadBack}), so the result equals
     * measuring the file afterwards, without reading it again. The tail runs on the analysis' decoding thread,
     * the analysers on its lanes.
     */
    static MixFeatures writeAndMeasure(LoopRender cache, MasteringChain chain, Path out, OutputFormat format)
            throws IOException {
        LoopRender.Tail tail = cache.tail(chain, "wav", WavWriter.encodingLabel(format));
        // written beside the output (created by the writer) and moved over it only when complete
        Path part = org.freshears.util.PartFiles.beside(out);
        try {
            MixFeatures features;
            try (WavWriter w = new WavWriter(part, tail.info().sampleRate(), tail.info().channels(), format,
                    tail.info().channelLayout())) {
                AudioSource written = new AudioSource() {
                    @Override
                    public org.freshears.audio.AudioInfo info() {
                        return tail.info();
                    }

                    @Override
                    public int read(float[][] dst, int maxFrames) throws IOException {
                        int n = tail.read(dst, maxFrames);
                        if (n > 0) w.writeAndReadBack(dst, 0, n);
                        return n;
                    }

                    @Override
                    public List<String> warnings() {
                        return List.of(); // the written file decodes cleanly; the input's warnings are the caller's
                    }

                    @Override
                    public void close() {
                    }
                };
                features = Analyzer.analyze(written, out.toString(), Analyzer.Options.DEFAULT, ProgressListener.NONE);
            }
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return features;
        } catch (IOException e) {
            throw new IOException("cannot write the master to " + out + " (" + e.getMessage() + ")", e);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** With {@code FRESHEARS_TIMING} set, one line per step of the loop on stderr. */
    /**
     * The render keeps the source's channel order and the chain's stereo stages take channels 0 and 1. Every decoder
     * hands out front left and right first (Vorbis is reordered), so this guards a future one.
     */
    private static void requireFrontPairFirst(Path in, org.freshears.audio.ChannelLayout layout) {
        if (layout.left() != 0 || (layout.channels() > 1 && layout.right() != 1)) {
            throw new IllegalArgumentException(in.getFileName() + ": mastering a file whose front left and right are "
                    + "not its first two channels is not supported yet; convert it to WAV or FLAC first");
        }
    }

    private static void timing(String step, long t0) {
        org.freshears.util.Timing.step("master " + step, t0);
    }

    /** The last gain stage's gain (the loop's trim), dB, or 0. */
    static double trimOf(MasteringChain chain) {
        double t = 0;
        for (Stage s : chain.stages()) if (s instanceof GainStage gs) t = gs.gainDb();
        return t;
    }

    static double gainOf(MasteringChain chain) {
        double g = 0;
        for (Stage s : chain.stages()) if (s instanceof GainStage gs) g += gs.gainDb();
        return g;
    }

    /** The chain with its (last) gain stage set to {@code gainDb}, or one added before the limiter. */
    static MasteringChain withGain(MasteringChain chain, double gainDb) {
        List<Stage> st = new ArrayList<>(chain.stages());
        double others = 0;
        int at = -1;
        for (int i = 0; i < st.size(); i++) {
            if (st.get(i) instanceof GainStage) at = i;
        }
        for (int i = 0; i < st.size(); i++) if (i != at && st.get(i) instanceof GainStage g) others += g.gainDb();
        double g = Math.max(-60, Math.min(60, gainDb - others));
        if (at < 0) return chain.withGainBeforeLimiter(g, "level to target (closed loop)");
        GainStage old = (GainStage) st.get(at);
        st.set(at, new GainStage(Math.round(g * 1000) / 1000.0, old.reason()));
        return new MasteringChain(st, chain.amount());
    }

    static MasteringChain withEq(MasteringChain chain, EqStage eq) {
        if (eq == null) return chain;
        List<Stage> st = new ArrayList<>(chain.stages());
        for (int i = 0; i < st.size(); i++) {
            if (st.get(i) instanceof EqStage old) {
                st.set(i, new EqStage(eq.bands(), old.reason()));
                return new MasteringChain(st, chain.amount());
            }
        }
        st.addFirst(eq);
        return new MasteringChain(st, chain.amount());
    }

    /** Mean 1/3-octave error (40 Hz–16 kHz, total power matched) between a render and the references' median. */
    static Double spectralError(MixFeatures f, TargetProfile profile) {
        if (f.spectrum() == null || f.spectrum().thirdOctaves() == null) return null;
        List<ThirdOctaveBand> th = f.spectrum().thirdOctaves();
        double[] c = new double[th.size()], a = new double[th.size()], b = new double[th.size()];
        for (int i = 0; i < th.size(); i++) {
            c[i] = th.get(i).centerHz();
            a[i] = th.get(i).levelDb() == null ? Double.NaN : th.get(i).levelDb();
            var pr = profile.get(ProfileKeys.third(c[i]));
            b[i] = pr == null ? Double.NaN : pr.p50();
        }
        return SpectralError.meanAbsDb(c, a, b);
    }

    /** fixed / improved / unchanged / worse, by code and by the distance of the measured value to its range. */
    static String status(Finding before, List<Finding> after) {
        Finding now = after.stream().filter(x -> x.code().equals(before.code())).findFirst().orElse(null);
        if (now == null) return "fixed";
        double d0 = distance(before);
        double d1 = distance(now);
        if (Double.isNaN(d0) || Double.isNaN(d1)) return now.rank() > before.rank() ? "improved" : "unchanged";
        if (d1 < d0 * 0.9 - 1e-9) return "improved";
        if (d1 > d0 * 1.1 + 1e-9) return "worse";
        return "unchanged";
    }

    static double distance(Finding f) {
        if (f.measured() == null) return Double.NaN;
        double m = f.measured();
        if (f.targetHigh() != null && m > f.targetHigh()) return m - f.targetHigh();
        if (f.targetLow() != null && m < f.targetLow()) return f.targetLow() - m;
        return 0;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

}
