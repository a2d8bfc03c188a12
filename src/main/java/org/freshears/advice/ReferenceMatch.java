package org.freshears.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.ThirdOctaveBand;
import org.freshears.mastering.EqBand;
import org.freshears.mastering.EqStage;

/**
 * Reference matching: an EQ that moves the mix's smoothed 1/3-octave curve onto the references', the mid and
 * the side signal separately (so the width per frequency follows the references too). {@link #refine} is the
 * second, finer pass of the closed loop: it adds what the render still misses to the wanted correction.
 */
public final class ReferenceMatch {
    /** Mid-signal slots: a bell at every 1/3 octave, 25 Hz – 16 kHz. */
    static final double MID_Q = 2.9;
    /** Side-signal slots: a bell every 2/3 octave from 100 Hz. */
    static final double SIDE_Q = 1.8;
    /** Reference matching may move further than genre correction: the reference defines the target exactly. */
    public static final double MAX_MATCH_DB = 12;
    /** Side bands quieter than the mid by more than this are not worth matching. */
    static final double SIDE_FLOOR_DB = 35;
    /** How much more the references hold above the mix's bandwidth before such a band is left unmatched, dB. */
    static final double LIMITED_GAP_DB = 6;
    /** Refinements of the first wish on its predicted result, before any render. */
    static final int PREDICTED_ROUNDS = 2;

    /** The correction wanted at each centre, for mid and side (NaN = don't care). */
    public record Want(double[] centres, double[] mid, double[] side) {
    }

    private ReferenceMatch() {}

    /**
     * The correction wanted: the smoothed difference between the references' curves and the mix's, then refined
     * {@value #PREDICTED_ROUNDS} times on the predicted result (the mix's curves plus the fitted filters' responses),
     * as {@link #refine} does on a render. The filters cannot follow the wish exactly (their shapes overlap, their
     * gains are bounded and damped), and what they miss is known before anything is rendered.
     */
    public static Want want(MixFeatures f, TargetProfile p) {
        Curves c = curves(f, p);
        if (c == null) return null;
        double[] mid = new double[c.n()];
        double[] side = new double[c.n()];
        for (int i = 0; i < c.n(); i++) {
            mid[i] = c.refMid[i] - c.mixMid[i];
            side[i] = c.refSide[i] - c.mixSide[i];
        }
        double offset = offset(c.centres, mid);
        for (int i = 0; i < c.n(); i++) {
            mid[i] -= offset;
            side[i] -= offset;
        }
        Want w = new Want(c.centres, EqFit.smooth(mid, 1), EqFit.smooth(side, 1));
        InBand inBand = InBand.of(f);
        for (int round = 0; round < PREDICTED_ROUNDS; round++) {
            Fitted ft = fit(w);
            double[] rm = inBand.response(ft.mid(), c.centres);
            double[] rs = inBand.response(ft.side(), c.centres);
            double[] pm = new double[c.n()];
            double[] ps = new double[c.n()];
            for (int i = 0; i < c.n(); i++) {
                pm[i] = c.mixMid[i] + rm[i];
                ps[i] = c.mixSide[i] + rs[i];
            }
            w = refine(w, new Curves(c.centres, pm, ps, c.refMid, c.refSide));
        }
        return w;
    }

    /** The wanted correction plus what the render {@code after} still misses (the closed loop's finer pass). */
    public static Want refine(Want w, MixFeatures after, TargetProfile p) {
        return refine(w, curves(after, p));
    }

    private static Want refine(Want w, Curves c) {
        if (w == null || c == null || c.n() != w.centres().length) return w;
        double[] rm = new double[c.n()];
        double[] rs = new double[c.n()];
        for (int i = 0; i < c.n(); i++) {
            rm[i] = c.refMid[i] - c.mixMid[i];
            rs[i] = c.refSide[i] - c.mixSide[i];
        }
        double offset = offset(c.centres, rm);
        double[] mid = w.mid().clone();
        double[] side = w.side().clone();
        for (int i = 0; i < c.n(); i++) {
            if (!Double.isNaN(mid[i]) && !Double.isNaN(rm[i])) mid[i] += rm[i] - offset;
            if (!Double.isNaN(side[i]) && !Double.isNaN(rs[i])) side[i] += rs[i] - offset;
        }
        return new Want(w.centres(), mid, side);
    }

    /**
     * What a filter does to a 1/3-octave band's level depends on where in the band the music's power lies: the
     * mix's 1/12-octave curve weights the filter's response within each band (mid and side are assumed to share
     * the band's shape). Bands the curve does not cover use the filter's plain band average.
     */
    private record InBand(double[] lowHz, double[] highHz, double[] curveHz, double[] curvePower) {
        static InBand of(MixFeatures f) {
            List<ThirdOctaveBand> th = f.spectrum().thirdOctaves();
            double[] lo = new double[th.size()], hi = new double[th.size()];
            for (int i = 0; i < th.size(); i++) {
                lo[i] = th.get(i).lowHz();
                hi[i] = th.get(i).highHz();
            }
            var curve = f.spectrum().curve();
            int n = curve == null ? 0 : curve.freqHz().size();
            double[] hz = new double[n], pw = new double[n];
            for (int j = 0; j < n; j++) {
                hz[j] = curve.freqHz().get(j);
                Double db = curve.levelDb().get(j);
                pw[j] = db == null ? 0 : Math.pow(10, db / 10);
            }
            return new InBand(lo, hi, hz, pw);
        }

        double[] response(List<EqFit.Band> bands, double[] centres) {
            double[] plain = EqFit.response(bands, centres);
            double[] at = EqFit.responseAt(bands, curveHz);
            for (int i = 0; i < centres.length && i < lowHz.length; i++) {
                double w = 0, wg = 0;
                for (int j = 0; j < curveHz.length; j++) {
                    if (curveHz[j] < lowHz[i] || curveHz[j] >= highHz[i]) continue;
                    w += curvePower[j];
                    wg += curvePower[j] * Math.pow(10, at[j] / 10);
                }
                if (w > 0) plain[i] = 10 * Math.log10(wg / w);
            }
            return plain;
        }
    }

    /** The filters fitted to a wish: bells on the mid signal and on the side signal. */
    private record Fitted(List<EqFit.Band> mid, List<EqFit.Band> side) {
    }

    private static Fitted fit(Want w) {
        List<EqFit.Slot> midSlots = new ArrayList<>();
        List<EqFit.Slot> sideSlots = new ArrayList<>();
        for (int i = 0; i < w.centres().length; i++) {
            double c = w.centres()[i];
            if (c >= 25 && c <= 16500 && !Double.isNaN(w.mid()[i])) midSlots.add(new EqFit.Slot("bell", c, MID_Q));
            if (c >= 100 && c <= 16500 && i % 2 == 0 && !Double.isNaN(w.side()[i])) {
                sideSlots.add(new EqFit.Slot("bell", c, SIDE_Q));
            }
        }
        return new Fitted(EqFit.fit(midSlots, w.centres(), w.mid(), MAX_MATCH_DB, 0.05),
                EqFit.fit(sideSlots, w.centres(), w.side(), MAX_MATCH_DB, 0.2));
    }

    public static EqStage eq(Want w, String reason) {
        if (w == null) return null;
        Fitted ft = fit(w);
        List<EqBand> bands = new ArrayList<>();
        add(bands, ft.mid(), EqBand.Channel.MID);
        add(bands, ft.side(), EqBand.Channel.SIDE);
        return bands.isEmpty() ? null : new EqStage(bands, reason);
    }

    public static String reason(TargetProfile p, Set<String> codes) {
        List<String> tonal = codes.stream().filter(x -> x.startsWith("tonal.")).toList();
        return (tonal.isEmpty() ? "" : String.join(", ", tonal) + ": ") + "match the mid and side 1/3-octave curves of "
                + p.label();
    }

    private static void add(List<EqBand> out, List<EqFit.Band> fitted, EqBand.Channel ch) {
        for (EqFit.Band b : fitted) {
            if (Math.abs(b.gainDb()) < 0.05) continue;
            out.add(new EqBand(EqBand.Kind.BELL, b.freqHz(), ChainAdvisor.round2(b.gainDb()), b.q(), ch));
        }
    }

    private record Curves(double[] centres, double[] mixMid, double[] mixSide, double[] refMid, double[] refSide) {
        int n() {
            return centres.length;
        }
    }

    private static Curves curves(MixFeatures f, TargetProfile p) {
        if (f.spectrum() == null || f.spectrum().thirdOctaves() == null || f.spectrum().thirdOctaves().isEmpty()) return null;
        List<ThirdOctaveBand> th = f.spectrum().thirdOctaves();
        int n = th.size();
        double[] centres = new double[n], mm = new double[n], ms = new double[n], rm = new double[n], rs = new double[n];
        Double bw = f.spectrum().bandwidthHz();
        // the mix's level against the references' per band, with the overall difference (the median) removed
        double[] gap = new double[n];
        Percentiles[] mids = new Percentiles[n];
        for (int i = 0; i < n; i++) {
            ThirdOctaveBand t = th.get(i);
            centres[i] = t.centerHz();
            mids[i] = p.get(ProfileKeys.thirdMid(t.centerHz()));
            gap[i] = mids[i] == null || t.midDb() == null ? Double.NaN : mids[i].p50() - t.midDb();
        }
        double overall = offset(centres, gap);
        for (int i = 0; i < n; i++) {
            ThirdOctaveBand t = th.get(i);
            Percentiles pm = mids[i];
            Percentiles ps = p.get(ProfileKeys.thirdSide(t.centerHz()));
            // above the mix's bandwidth, a band is left alone only where the references hold much more there: a
            // boost would raise nothing but noise (a lossy mix against a full-range reference). Where both hold
            // about as little, matching moves little and is safe.
            boolean limited = bw != null && t.centerHz() > bw * 0.85
                    && (Double.isNaN(gap[i]) || gap[i] - overall > LIMITED_GAP_DB);
            mm[i] = limited || pm == null || t.midDb() == null ? Double.NaN : t.midDb();
            rm[i] = pm == null ? Double.NaN : pm.p50();
            boolean sideOk = ps != null && t.sideDb() != null && !limited && t.midDb() != null
                    && t.sideDb() > t.midDb() - SIDE_FLOOR_DB && ps.p50() > rm[i] - SIDE_FLOOR_DB;
            ms[i] = sideOk ? t.sideDb() : Double.NaN;
            rs[i] = sideOk ? ps.p50() : Double.NaN;
            if (Double.isNaN(mm[i]) || !Double.isFinite(mm[i]) || !Double.isFinite(rm[i])) mm[i] = Double.NaN;
        }
        return new Curves(centres, mm, ms, rm, rs);
    }

    /** Power-matching offset: 10·log10 of the ratio of summed powers (reference over mix) over 40 Hz–16 kHz. */
    private static double offset(double[] centres, double[] diff) {
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < centres.length; i++) {
            if (centres[i] >= 40 && centres[i] <= 16000 && !Double.isNaN(diff[i])) xs.add(diff[i]);
        }
        if (xs.isEmpty()) return 0;
        return TargetProfile.quantile(xs.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.5);
    }
}
