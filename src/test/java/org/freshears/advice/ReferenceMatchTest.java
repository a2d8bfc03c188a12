package org.freshears.advice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.ThirdOctaveBand;
import org.freshears.mastering.EqBand;
import org.freshears.mastering.EqStage;
import org.junit.jupiter.api.Test;

class ReferenceMatchTest {
    private static List<EqFit.Band> mid(EqStage eq) {
        List<EqFit.Band> out = new ArrayList<>();
        for (EqBand b : eq.bands()) {
            if (b.channel() == EqBand.Channel.MID) out.add(new EqFit.Band("bell", b.freqHz(), b.gainDb(), b.q()));
        }
        return out;
    }

    /** Mean |error| of the mid curve after {@code eq} (its filters' band responses) against the reference, 40 Hz–16 kHz. */
    private static double predictedMidError(MixFeatures mix, MixFeatures ref, EqStage eq) {
        List<ThirdOctaveBand> m = mix.spectrum().thirdOctaves(), r = ref.spectrum().thirdOctaves();
        double[] c = new double[m.size()];
        for (int i = 0; i < c.length; i++) c[i] = m.get(i).centerHz();
        double[] resp = EqFit.response(mid(eq), c);
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            if (c[i] < 40 || c[i] > 16000) continue;
            d.add(r.get(i).midDb() - (m.get(i).midDb() + resp[i]));
        }
        double median = d.stream().sorted().toList().get(d.size() / 2);
        return d.stream().mapToDouble(x -> Math.abs(x - median)).average().orElseThrow();
    }

    @Test
    void theFirstEqAlreadyDoesWhatItsFiltersCanDoForA10DbBell() {
        MixFeatures ref = CleanFeatures.fallback().build();
        MixFeatures mix = CleanFeatures.fallback().bell(350, 10).build();
        TargetProfile p = TargetProfile.ofReferences(List.of(ref));
        EqStage eq = ReferenceMatch.eq(ReferenceMatch.want(mix, p), "test");
        double err = predictedMidError(mix, ref, eq);
        // the smoothed wish alone, fitted once, leaves about 0.2 dB here; refined on its predicted result, far less
        assertTrue(err < 0.1, "predicted mean error " + err + " dB");
    }

    @Test
    void aBandAboveTheMixsBandwidthIsMatchedOnlyWhereTheReferencesHoldAboutAsLittle() {
        MixFeatures ref = CleanFeatures.fallback().build();
        TargetProfile p = TargetProfile.ofReferences(List.of(ref));
        // both thin at the top (a 2 dB dip above 11 kHz, and the mix's bandwidth read as 10 kHz): matched
        CleanFeatures similar = CleanFeatures.fallback();
        similar.bandwidthHz = 10000.0;
        // a lossy mix: 30 dB less than the reference above 11 kHz: left alone, a boost would only raise noise
        CleanFeatures lossy = CleanFeatures.fallback();
        lossy.bandwidthHz = 10000.0;
        double[] c = BuiltInFallbackProfile.THIRD_CENTRES_HZ;
        for (int i = 0; i < c.length; i++) {
            if (c[i] > 11000) {
                similar.thirds[i] -= 2;
                lossy.thirds[i] -= 30;
            }
        }
        double boostSimilar = topBoost(ReferenceMatch.eq(ReferenceMatch.want(similar.build(), p), "t"));
        double boostLossy = topBoost(ReferenceMatch.eq(ReferenceMatch.want(lossy.build(), p), "t"));
        assertTrue(boostSimilar > 1.2, "the 2 dB dip is matched: " + boostSimilar);
        assertTrue(boostLossy < 0.5, "no boost into the empty top: " + boostLossy);
    }

    /** The largest mid gain at 11 kHz or above, dB. */
    private static double topBoost(EqStage eq) {
        double best = 0;
        if (eq == null) return best;
        for (EqBand b : eq.bands()) {
            if (b.channel() == EqBand.Channel.MID && b.freqHz() >= 11000) best = Math.max(best, b.gainDb());
        }
        return best;
    }
}
