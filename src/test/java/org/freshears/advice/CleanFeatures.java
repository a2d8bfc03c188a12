package org.freshears.advice;

import java.util.ArrayList;
import java.util.List;
import org.freshears.analysis.BandStereo;
import org.freshears.analysis.DynamicsStats;
import org.freshears.analysis.FileInfo;
import org.freshears.analysis.LoudnessStats;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.Section;
import org.freshears.analysis.SpectralBalance;
import org.freshears.analysis.SpectrumBand;
import org.freshears.analysis.StereoImage;
import org.freshears.analysis.Stretch;
import org.freshears.analysis.TechnicalStats;
import org.freshears.analysis.ThirdOctaveBand;

/**
 * A clean feature set: every feature at the profile's median, loudness on Spotify's target with a safe true
 * peak, no defects; and injectors that put one problem in (spectral changes move the 1/3-octave curve and the
 * bands are re-derived from it, relative to the new total, as the analyser does).
 */
final class CleanFeatures {
    static final double DURATION = 60;

    double[] thirds;        // levels relative to a reference, re-normalised on build
    double[] sideOffset;    // side level minus mid level per third
    double integratedLufs = -14;
    double truePeakDbtp = -1.5;
    double plr = Double.NaN;
    double lra = Double.NaN;
    double psr = Double.NaN;
    double width;
    double lowEndWidth;
    double correlation = 0.7;
    double balanceDb = 0;
    boolean polarityInverted;
    long clippedRuns;
    double dc;
    double lead;
    double trail;
    Double bandwidthHz;
    boolean bandLimited;
    int channels = 2;
    /** A local band change in sections [from, to): band index and dB. */
    int localBand = -1;
    double localDb;
    int localFrom;
    int localTo;

    final TargetProfile p;

    CleanFeatures(TargetProfile p) {
        this.p = p;
        double[] c = BuiltInFallbackProfile.THIRD_CENTRES_HZ;
        thirds = new double[c.length];
        sideOffset = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            thirds[i] = p.get(ProfileKeys.third(c[i])).p50();
            sideOffset[i] = p.get(ProfileKeys.thirdSide(c[i])).p50() - p.get(ProfileKeys.thirdMid(c[i])).p50();
        }
        plr = p.get(ProfileKeys.PLR).p50();
        lra = p.get(ProfileKeys.LRA).p50();
        psr = p.get(ProfileKeys.PSR).p50();
        width = p.get(ProfileKeys.WIDTH).p50();
        lowEndWidth = p.get(ProfileKeys.LOW_END_WIDTH).p50();
        truePeakDbtp = integratedLufs + plr;
    }

    static CleanFeatures fallback() {
        return new CleanFeatures(BuiltInFallbackProfile.get());
    }

    /** A bell of {@code db} at {@code hz} with about an octave's width, applied to the 1/3-octave curve. */
    CleanFeatures bell(double hz, double db) {
        double[] c = BuiltInFallbackProfile.THIRD_CENTRES_HZ;
        for (int i = 0; i < c.length; i++) {
            double oct = Math.log(c[i] / hz) / Math.log(2);
            thirds[i] += db * Math.exp(-oct * oct / (2 * 0.35 * 0.35));
        }
        return this;
    }

    MixFeatures build() {
        double[] c = BuiltInFallbackProfile.THIRD_CENTRES_HZ;
        double total = 0;
        for (double t : thirds) total += Math.pow(10, t / 10);
        double totalDb = 10 * Math.log10(total);
        List<ThirdOctaveBand> th = new ArrayList<>();
        double[] rel = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            rel[i] = thirds[i] - totalDb;
            double mid = rel[i] + 10 * Math.log10(1 / (1 + Math.pow(10, sideOffset[i] / 10)));
            th.add(new ThirdOctaveBand(c[i], c[i] / Math.cbrt(2) * Math.cbrt(Math.sqrt(2)), c[i] * Math.pow(2, 1 / 6.0),
                    rel[i], mid, mid + sideOffset[i]));
        }
        List<SpectrumBand> bands = new ArrayList<>();
        List<Double> bandDb = bandLevels(rel);
        for (int b = 0; b < 7; b++) {
            bands.add(new SpectrumBand(ProfileKeys.BANDS.get(b), ProfileKeys.BAND_EDGES_HZ[b][0],
                    ProfileKeys.BAND_EDGES_HZ[b][1], bandDb.get(b)));
        }
        List<Section> sections = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            List<Double> sb = new ArrayList<>(bandDb);
            if (localBand >= 0 && s >= localFrom && s < localTo) sb.set(localBand, sb.get(localBand) + localDb);
            sections.add(new Section(s * 3.0, s * 3.0 + 3, integratedLufs, sb, width));
        }
        List<BandStereo> bs = new ArrayList<>();
        for (String b : ProfileKeys.BANDS) {
            bs.add(new BandStereo(b, 0.7, b.equals("sub") ? lowEndWidth : p.get(ProfileKeys.bandWidth(b)).p50()));
        }
        LoudnessStats l = new LoudnessStats(integratedLufs, integratedLufs + 4, integratedLufs + 2, lra,
                truePeakDbtp - 0.3, truePeakDbtp, integratedLufs - 10, integratedLufs - lra / 2, integratedLufs + lra / 2, 0);
        DynamicsStats d = new DynamicsStats(plr + 1, truePeakDbtp - integratedLufs, psr, psr - 2, psr + 2, lra, List.of(),
                null, null, new Stretch(30, 40, integratedLufs + 2), new Stretch(0, 10, integratedLufs - 4));
        StereoImage st = new StereoImage(correlation, width, 0.5, bs, lowEndWidth, balanceDb, polarityInverted, null);
        TechnicalStats tech = new TechnicalStats(0, clippedRuns, clippedRuns * 4, clippedRuns > 0 ? List.of(12.0) : List.of(),
                0, List.of(dc, dc), lead, trail, bandwidthHz == null ? 19000.0 : bandwidthHz, bandLimited,
                clippedRuns > 0 ? 40.0 : null, 30.0);
        FileInfo file = new FileInfo("clean.wav", 44100, channels, DURATION, "wav", "pcm24", (long) (DURATION * 44100), 0);
        return new MixFeatures(file, l, d, new SpectralBalance(bands, th, -4.5, bandwidthHz, null), st, tech, null,
                sections, List.of(), List.of());
    }

    static List<Double> bandLevels(double[] rel) {
        double[] c = BuiltInFallbackProfile.THIRD_CENTRES_HZ;
        List<Double> out = new ArrayList<>();
        for (int b = 0; b < 7; b++) {
            double lo = ProfileKeys.BAND_EDGES_HZ[b][0];
            double hi = ProfileKeys.BAND_EDGES_HZ[b][1];
            double sum = 0;
            for (int i = 0; i < c.length; i++) {
                if (c[i] >= lo && (c[i] < hi || (hi == 20000 && c[i] <= hi))) sum += Math.pow(10, rel[i] / 10);
            }
            out.add(10 * Math.log10(sum));
        }
        return out;
    }
}
