package org.freshears.analysis;

import java.util.ArrayList;
import java.util.List;

/** Turns the analysers of one pass into the {@link MixFeatures} blocks (rounded for a compact document). */
final class FeatureAssembler {
    /** Sections stay at most about this many; longer files get longer sections (multiples of 3 s). */
    static final int MAX_SECTIONS = 300;
    static final double BAND_LIMIT_HZ = 18000;
    static final double BAND_LIMIT_MIN_NYQUIST_HZ = 19000;
    static final double POLARITY_CORRELATION = -0.5;
    /** The mono fold-down plays on two speakers: 10·log10(2) dB more than one channel of it. */
    static final double TWO_SPEAKERS_DB = 10 * Math.log10(2);
    static final double POLARITY_LOW_HZ = 20, POLARITY_HIGH_HZ = 250;

    private FeatureAssembler() {}

    /**
     * The loudness block as reported: meter and true-peak readings, rounded to 0.01. {@code nonFinite} is what the
     * feeder replaced by 0 before the meters saw it, so the block counts it as the file block does.
     */
    static LoudnessStats loudness(LoudnessMeter meter, TruePeakMeter truePeak, long nonFinite) {
        LoudnessStats l = meter.result().withPeaks(truePeak);
        return new LoudnessStats(Num.round(l.integratedLufs(), 2), Num.round(l.momentaryMaxLufs(), 2),
                Num.round(l.shortTermMaxLufs(), 2), Num.round(l.loudnessRangeLu(), 2),
                Num.round(l.samplePeakDbfs(), 2), Num.round(l.truePeakDbtp(), 2),
                Num.round(l.relativeGateLufs(), 2), Num.round(l.loudnessRangeLowLufs(), 2),
                Num.round(l.loudnessRangeHighLufs(), 2), Math.max(nonFinite, l.nonFiniteSamples()));
    }

    static MixFeatures assemble(Analyzer.Pass p, FileInfo file, long nonFinite, List<String> warnings) {
        LoudnessStats loudness = loudness(p.loudness, p.truePeak, nonFinite);
        SignalStats sig = p.signal;
        SpectrumMath spec = p.spectrum.math();
        float[] peaks = sig.peaks100ms();
        LoudnessSeries series = new LoudnessSeries(p.loudness.shortTermSeriesLufs(), peaks, loudness.integratedLufs());

        double duration = sig.frames() / (double) p.sampleRate;
        SpectralBalance spectrum = spectrum(spec);
        DynamicsStats dynamics = dynamics(p, sig, peaks, loudness, series);
        StereoImage stereo = stereo(p, sig, spec, loudness);
        TechnicalStats technical = technical(p, sig, peaks, duration, nonFinite, spectrum.bandwidthHz());
        List<Section> sections = sections(p, sig, series, duration);
        return new MixFeatures(file, loudness, dynamics, spectrum, stereo, technical, series.timeline(), sections,
                List.of(), warnings, texture(p));
    }

    static Texture texture(Analyzer.Pass p) {
        OnsetTracker o = p.bandCrest.onsets();
        SpectralTexture t = p.spectrum.texture();
        return new Texture(Num.round(o.onsetsPerSecond(), 3), Num.round(o.tempoBpm(), 1),
                Num.round(o.pulseClarity(), 3), Num.round(o.onsetStrength(), 4), Num.round(t.flatnessDb(), 2),
                Num.round(t.brightnessSpreadOctaves(), 3));
    }

    static SpectralBalance spectrum(SpectrumMath s) {
        if (s.silent()) return new SpectralBalance(s.bands().stream()
                .map(b -> new SpectrumBand(b.name(), b.lowHz(), b.highHz(), null)).toList(), List.of(), null, null,
                new SpectrumCurve(List.of(), List.of()));
        List<SpectrumBand> bands = s.bands().stream()
                .map(b -> new SpectrumBand(b.name(), b.lowHz(), b.highHz(), Num.round(b.levelDb(), 2))).toList();
        List<ThirdOctaveBand> thirds = s.thirdOctaves().stream()
                .map(b -> new ThirdOctaveBand(b.centerHz(), Num.round(b.lowHz(), 1), Num.round(b.highHz(), 1),
                        Num.round(b.levelDb(), 2), Num.round(b.midDb(), 2), Num.round(b.sideDb(), 2))).toList();
        SpectrumCurve c = s.curve();
        SpectrumCurve curve = new SpectrumCurve(c.freqHz().stream().map(f -> Num.round(f, 1)).toList(),
                c.levelDb().stream().map(v -> Num.round(v, 1)).toList());
        return new SpectralBalance(bands, thirds, Num.round(s.tiltDbPerOctave(), 3), Num.round(s.bandwidthHz(), 0),
                curve);
    }

    static DynamicsStats dynamics(Analyzer.Pass p, SignalStats sig, float[] peaks, LoudnessStats l,
                                  LoudnessSeries series) {
        float peak = 0;
        for (float v : peaks) peak = Math.max(peak, v);
        double energy = 0;
        for (int c = 0; c < p.channels; c++) energy += sig.energy(c);
        Double crest = peak > 0 && energy > 0
                ? Num.round(20 * Math.log10(peak) - 10 * Math.log10(energy / (sig.frames() * (double) p.channels)), 2)
                : null;
        Double plr = l.truePeakDbtp() != null && l.integratedLufs() != null
                ? Num.round(l.truePeakDbtp() - l.integratedLufs(), 2) : null;
        double[] psr = series.psrPercentiles();
        List<BandValue> bandCrest = p.bandCrest.bandCrest().stream()
                .map(b -> new BandValue(b.band(), Num.round(b.value(), 2))).toList();
        return new DynamicsStats(crest, plr, psr == null ? null : Num.round(psr[1], 2),
                psr == null ? null : Num.round(psr[0], 2), psr == null ? null : Num.round(psr[2], 2),
                l.loudnessRangeLu(), bandCrest, Num.round(p.bandCrest.lowEndCrestDb(), 2),
                Num.round(p.bandCrest.restCrestDb(), 2), series.loudest(), series.quietest());
    }

    static StereoImage stereo(Analyzer.Pass p, SignalStats sig, SpectrumMath spec, LoudnessStats l) {
        Goniometer gonio = p.goniometer.result();
        List<BandStereo> bands = spec.bandStereo().stream()
                .map(b -> new BandStereo(b.band(), Num.round(b.correlation(), 4), Num.round(b.width(), 4))).toList();
        Double lowEndWidth = Num.round(spec.width(SpectralBands.TOTAL_LOW_HZ, SpectralBands.LOW_END_HZ), 4);
        if (p.channels < 2) return new StereoImage(1.0, 0.0, 0.0, bands, lowEndWidth, 0.0, false, gonio);
        long n = sig.frames();
        double ll = sig.energy(sig.left()), rr = sig.energy(sig.right()), lr = sig.cross();
        double ml = sig.dcOffset(sig.left()), mr = sig.dcOffset(sig.right());
        double varL = ll / n - ml * ml, varR = rr / n - mr * mr, cov = lr / n - ml * mr;
        Double correlation = n > 0 && varL > 0 && varR > 0
                ? Math.max(-1, Math.min(1, cov / Math.sqrt(varL * varR))) : null;
        Double width = ll + rr > 0 ? Math.max(0, (ll + rr - 2 * lr) / (2 * (ll + rr))) : null;
        Double balance = ll + rr > 0 ? 10 * Math.log10((ll + 1e-6 * (ll + rr)) / (rr + 1e-6 * (ll + rr))) : null;
        Double drop = null;
        // compared with the pair it is folded from: for stereo the track's own integrated loudness (the same rounded
        // figure); for surround the front left and right alone, since the other channels are not in the fold-down;
        // undefined (null) when that pair is silent
        Double pair = Num.round(p.loudness.frontPairIntegratedLufs(), 2);
        if (pair != null) {
            // the fold-down as heard on both speakers: +3.01 dB for the second one, so that L = R reads exactly as
            // loud as the pair and only what cancels in the fold-down counts as a drop
            Double mono = p.loudness.monoIntegratedLufs();
            drop = pair - (mono == null ? LoudnessSeries.GATE_LUFS : mono + TWO_SPEAKERS_DB);
        }
        Double lowCorr = spec.correlation(POLARITY_LOW_HZ, POLARITY_HIGH_HZ);
        boolean inverted = (correlation != null && correlation <= POLARITY_CORRELATION)
                || (lowCorr != null && lowCorr <= POLARITY_CORRELATION);
        return new StereoImage(Num.round(correlation, 4), Num.round(width, 4), Num.round(drop, 2), bands, lowEndWidth,
                Num.round(balance, 2), inverted, gonio);
    }

    static TechnicalStats technical(Analyzer.Pass p, SignalStats sig, float[] peaks, double duration, long nonFinite,
                                    Double bandwidthHz) {
        List<Double> dc = new ArrayList<>();
        for (int c = 0; c < p.channels; c++) dc.add(Num.round(sig.dcOffset(c), 6));
        long first = sig.firstLoudFrame(), last = sig.lastLoudFrame();
        double lead = first < 0 ? duration : first / (double) p.sampleRate;
        double trail = last < 0 ? duration : (sig.frames() - 1 - last) / (double) p.sampleRate;
        boolean limited = bandwidthHz != null && p.sampleRate / 2.0 >= BAND_LIMIT_MIN_NYQUIST_HZ
                && bandwidthHz < BAND_LIMIT_HZ;
        int loudestBlock = -1;
        for (int j = 0; j < peaks.length; j++) if (peaks[j] > 0 && (loudestBlock < 0 || peaks[j] > peaks[loudestBlock])) loudestBlock = j;
        Double peakSeconds = loudestBlock < 0 ? null
                : Num.round((long) loudestBlock * p.sampleRate / 10 / (double) p.sampleRate, 3);
        return new TechnicalStats(nonFinite, sig.clippedRuns(), sig.clippedSamples(),
                sig.clipTimesSeconds().stream().map(t -> Num.round(t, 3)).toList(), p.truePeak.interSampleOvers(), dc,
                Num.round(lead, 3), Num.round(trail, 3), bandwidthHz, limited, Num.round(sig.lastClipSeconds(), 3),
                peakSeconds);
    }

    static List<Section> sections(Analyzer.Pass p, SignalStats sig, LoudnessSeries series, double duration) {
        List<Section> out = new ArrayList<>();
        if (duration <= 0) return out;
        int chunks = (int) Math.ceil(duration / Analyzer.CHUNK_SECONDS - 1e-9);
        int k = Math.max(1, (chunks + MAX_SECTIONS - 1) / MAX_SECTIONS);
        double length = k * Analyzer.CHUNK_SECONDS;
        for (int s = 0; s * length < duration - 1e-9; s++) {
            double start = s * length, end = Math.min(duration, (s + 1) * length);
            double mid = 0, side = 0;
            for (int c = s * k; c < Math.min((s + 1) * k, sig.chunkCount()); c++) {
                mid += sig.chunkMid(c);
                side += sig.chunkSide(c);
            }
            List<Double> bands = p.spectrum.chunkBandsDb(s * k, (s + 1) * k).stream().map(v -> Num.round(v, 1)).toList();
            out.add(new Section(Num.round(start, 3), Num.round(end, 3), series.sectionLufs(start, end), bands,
                    mid + side > 0 ? Num.round(side / (mid + side), 3) : null));
        }
        return out;
    }
}
