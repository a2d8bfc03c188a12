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

    /** The correction wanted at each centre, for mid and side (NaN = don't care). */
    public record Want(double[] centres, double[] mid, double[] side) {
    }

    private ReferenceMatch() {}

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
        return new Want(c.centres, EqFit.smooth(mid, 1), EqFit.smooth(side, 1));
    }

    /** The wanted correction plus what the render {@code after} still misses (the closed loop's finer pass). */
    public static Want refine(Want w, MixFeatures after, TargetProfile p) {
        Curves c = curves(after, p);
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

    public static EqStage eq(Want w, String reason) {
        if (w == null) return null;
        List<EqFit.Slot> midSlots = new ArrayList<>();
        List<EqFit.Slot> sideSlots = new ArrayList<>();
        for (int i = 0; i < w.centres().length; i++) {
            double c = w.centres()[i];
            if (c >= 25 && c <= 16500 && !Double.isNaN(w.mid()[i])) midSlots.add(new EqFit.Slot("bell", c, MID_Q));
            if (c >= 100 && c <= 16500 && i % 2 == 0 && !Double.isNaN(w.side()[i])) {
                sideSlots.add(new EqFit.Slot("bell", c, SIDE_Q));
            }
        }
        List<EqBand> bands = new ArrayList<>();
        add(bands, EqFit.fit(midSlots, w.centres(), w.mid(), MAX_MATCH_DB, 0.05), EqBand.Channel.MID);
        add(bands, EqFit.fit(sideSlots, w.centres(), w.side(), MAX_MATCH_DB, 0.2), EqBand.Channel.SIDE);
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
        for (int i = 0; i < n; i++) {
            ThirdOctaveBand t = th.get(i);
            centres[i] = t.centerHz();
            Percentiles pm = p.get(ProfileKeys.thirdMid(t.centerHz()));
            Percentiles ps = p.get(ProfileKeys.thirdSide(t.centerHz()));
            boolean limited = bw != null && t.centerHz() > bw * 0.85;
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
