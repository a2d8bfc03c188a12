package org.freshears.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.freshears.analysis.Finding;
import org.freshears.analysis.MixFeatures;
import org.freshears.mastering.CompressorStage;
import org.freshears.mastering.EqBand;
import org.freshears.mastering.EqStage;
import org.freshears.mastering.GainStage;
import org.freshears.mastering.LimiterStage;
import org.freshears.mastering.MasteringChain;
import org.freshears.mastering.Stage;
import org.freshears.mastering.StereoStage;
import org.junit.jupiter.api.Test;

class ChainAdvisorTest {
    static final TargetProfile P = BuiltInFallbackProfile.get();

    static MasteringChain chainFor(CleanFeatures c) {
        MixFeatures f = c.build();
        return ChainAdvisor.suggest(f, P, Platform.SPOTIFY, Advisor.advise(f, P, Platform.SPOTIFY));
    }

    static <T extends Stage> T stage(MasteringChain ch, Class<T> type) {
        return ch.stages().stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    @Test
    void cleanMixGetsOnlyGainAndLimiter() {
        MasteringChain ch = chainFor(CleanFeatures.fallback());
        assertEquals(2, ch.stages().size(), ch.toJson());
        assertTrue(ch.stages().get(0) instanceof GainStage);
        assertEquals(-1.0, ((LimiterStage) ch.stages().get(1)).ceilingDbtp());
    }

    @Test
    void lowMidsExcessGetsACutNear350NamingTheFinding() {
        CleanFeatures c = CleanFeatures.fallback().bell(350, 8);
        MixFeatures f = c.build();
        List<Finding> fs = Advisor.advise(f, P, Platform.SPOTIFY);
        MasteringChain ch = ChainAdvisor.suggest(f, P, Platform.SPOTIFY, fs);
        EqStage eq = stage(ch, EqStage.class);
        assertNotNull(eq);
        assertTrue(eq.reason().contains("tonal.lowMids.excess"), eq.reason());
        EqBand cut = eq.bands().stream().min((a, b) -> Double.compare(a.gainDb(), b.gainDb())).orElseThrow();
        assertTrue(cut.gainDb() < -2 && cut.freqHz() >= 200 && cut.freqHz() <= 500, cut.toString());
        List<Finding> linked = ChainAdvisor.link(fs, ch);
        Finding low = linked.stream().filter(x -> x.code().equals("tonal.lowMids.excess")).findFirst().orElseThrow();
        assertEquals(1, low.chainStage());
        assertTrue(low.message().endsWith("; see stage 1 of the chain."), low.message());
    }

    @Test
    void eqNeverExceedsItsLimitsAndIsSmooth() {
        double[] c3 = BuiltInFallbackProfile.THIRD_CENTRES_HZ;
        java.util.Random rnd = new java.util.Random(7);
        for (int trial = 0; trial < 12; trial++) {
            CleanFeatures c = CleanFeatures.fallback();
            for (int k = 0; k < 4; k++) c.bell(40 * Math.pow(2, rnd.nextDouble() * 8.5), (rnd.nextDouble() * 2 - 1) * 20);
            EqStage eq = stage(chainFor(c), EqStage.class);
            if (eq == null) continue;
            List<EqFit.Band> bands = new ArrayList<>();
            for (EqBand b : eq.bands()) {
                assertTrue(Math.abs(b.gainDb()) <= Advisor.MAX_EQ_DB + 1e-9, b.toString());
                assertTrue(b.q() <= 1.0, "low Q only: " + b);
                if (b.kind() != EqBand.Kind.HIGHPASS) {
                    bands.add(new EqFit.Band(b.kind() == EqBand.Kind.BELL ? "bell" : b.kind() == EqBand.Kind.LOW_SHELF
                            ? "lowShelf" : "highShelf", b.freqHz(), b.gainDb(), b.q()));
                }
            }
            double[] r = EqFit.response(bands, c3);
            for (int i = 1; i < r.length; i++) {
                if (c3[i] < 30) continue;
                assertTrue(Math.abs(r[i] - r[i - 1]) <= 3.0, "smooth (at most 3 dB per third): step " + (r[i] - r[i - 1]) + " dB at " + c3[i]);
            }
        }
    }

    @Test
    void bandLimitedTrackGetsNoEqAboveItsBandwidth() {
        CleanFeatures c = CleanFeatures.fallback();
        c.bell(14000, -30);
        c.bandwidthHz = 11000.0;
        c.bandLimited = true;
        EqStage eq = stage(chainFor(c), EqStage.class);
        if (eq != null) {
            for (EqBand b : eq.bands()) assertTrue(b.freqHz() < 11000 || Math.abs(b.gainDb()) < 1, b.toString());
        }
    }

    @Test
    void dynamicsAndStereoStagesOnlyWhenCalledFor() {
        CleanFeatures c = CleanFeatures.fallback();
        c.integratedLufs = -20;
        c.truePeakDbtp = -1.5;
        c.lra = 16;
        c.lowEndWidth = 0.3;
        MasteringChain ch = chainFor(c);
        CompressorStage comp = stage(ch, CompressorStage.class);
        assertNotNull(comp);
        assertTrue(comp.reason().contains("dynamics.tooDynamic"));
        StereoStage st = stage(ch, StereoStage.class);
        assertEquals(120.0, st.monoBelowHz());
        assertTrue(st.reason().contains("stereo.lowEndNotMono"));
        assertEquals(6.0, stage(ch, GainStage.class).gainDb(), 1e-9);
        assertNull(stage(chainFor(CleanFeatures.fallback()), CompressorStage.class));
    }

    @Test
    void aWideLoudnessRangeGetsALevelingCompressorFromTheQuietEndWithTheRatioTheRangeNeeds() {
        CleanFeatures c = CleanFeatures.fallback();
        c.integratedLufs = -20;
        c.truePeakDbtp = -20 + c.plr;          // PLR and PSR typical: the loudness range alone decides
        c.lra = 24;
        MixFeatures f = c.build();
        List<Finding> findings = Advisor.advise(f, P, Platform.SPOTIFY);
        Finding fd = findings.stream().filter(x -> x.code().equals("dynamics.tooDynamic")).findFirst().orElseThrow();
        assertEquals("LU", fd.unit());
        assertTrue(fd.fix().startsWith("leveling compression from the quiet end"), fd.fix());
        CompressorStage comp = stage(ChainAdvisor.suggest(f, P, Platform.SPOTIFY, findings), CompressorStage.class);
        double aim = fd.targetHigh() - ChainAdvisor.LRA_AIM_BELOW_P90_LU;
        assertEquals(Math.min(ChainAdvisor.MAX_LEVELING_RATIO, 24 / aim), comp.ratio(), 0.051);
        assertTrue(comp.ratio() > 2, "24 LU needs more than the glue's 2:1: " + comp.ratio());
        // the threshold sits at the range's low end (10th percentile of short-term loudness, -32 LUFS here), moved
        // onto the RMS detector's scale by the mix's own RMS against its loudness (sample peak minus crest factor)
        double rms = f.loudness().samplePeakDbfs() - f.dynamics().crestFactorDb();
        assertEquals(-32 + (rms - -20), comp.thresholdDb(), 0.01);
        assertTrue(comp.reason().startsWith("dynamics.tooDynamic: leveling"), comp.reason());
    }

    @Test
    void aPeakyMixIsGluedAt2To1AboveItsAverageLevel() {
        CleanFeatures c = CleanFeatures.fallback();
        c.integratedLufs = -20;
        c.plr = 24;                            // far above any genre's PLR; the range stays typical
        c.psr = 22;
        c.truePeakDbtp = -20 + 24;
        MixFeatures f = c.build();
        List<Finding> findings = Advisor.advise(f, P, Platform.SPOTIFY);
        Finding fd = findings.stream().filter(x -> x.code().equals("dynamics.tooDynamic")).findFirst().orElseThrow();
        assertEquals("dB", fd.unit());
        assertTrue(fd.fix().startsWith("gentle glue compression"), fd.fix());
        CompressorStage comp = stage(ChainAdvisor.suggest(f, P, Platform.SPOTIFY, findings), CompressorStage.class);
        assertEquals(2.0, comp.ratio());
        assertEquals(-18.0, comp.thresholdDb(), 1e-9);
        assertTrue(comp.reason().contains("glue 2:1"), comp.reason());
    }

    @Test
    void chainJsonRoundTrips() {
        CleanFeatures c = CleanFeatures.fallback().bell(350, 8).bell(6000, -6);
        c.lowEndWidth = 0.3;
        c.width = 0.02;
        MasteringChain ch = chainFor(c);
        MasteringChain back = MasteringChain.fromJson(ch.toJson());
        assertEquals(ch, back);
        assertEquals(ch.toJson(), back.toJson());
    }

    @Test
    void amountZeroLeavesOnlyGainAndLimiter() {
        CleanFeatures c = CleanFeatures.fallback().bell(350, 8);
        c.lowEndWidth = 0.3;
        c.width = 0.02;
        c.lra = 16;
        c.integratedLufs = -20;
        c.truePeakDbtp = -1.5;
        MasteringChain ch = chainFor(c).withAmount(0);
        for (Stage s : ch.effectiveStages()) {
            switch (s) {
                case EqStage e -> e.bands().forEach(b -> assertEquals(0.0, b.gainDb(), 1e-12));
                case CompressorStage k -> assertEquals(1.0, k.ratio(), 1e-12);
                case StereoStage st -> assertTrue(st.changesNothing());
                case GainStage g -> assertEquals(6.0, g.gainDb(), 1e-9);
                case LimiterStage l -> assertEquals(-1.0, l.ceilingDbtp());
            }
        }
    }
}
