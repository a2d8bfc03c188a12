package org.freshears.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Band integration over a long-term spectrum (per-bin sums of |L|², |R|² and Re(L·R*)). Bin k stands for
 * [(k−½)·Δf, (k+½)·Δf]; a band [lo, hi] takes each bin in proportion to its overlap, and stops at Nyquist.
 * Levels are ratios of band powers, so the spectrum's absolute scale never matters.
 *
 * <h2>Definitions</h2>
 * <ul>
 *   <li>channel power P = (|L|²+|R|²)/2; mid M = |L+R|²/4; side S = |L−R|²/4; P = M + S.</li>
 *   <li>band level: 10·log10(P_band / P_20Hz–20kHz) (CONTRACT.md); a band wholly above Nyquist is null, a band
 *       cut by Nyquist is measured over the part that exists (e.g. at 32 kHz air is 10–16 kHz).</li>
 *   <li>tilt: least-squares slope, in dB per octave, of the 1/3-octave power DENSITY 10·log10(P_band / bandwidth_Hz)
 *       against log2(centre), over the bands 100 Hz–10 kHz: white noise 0, pink noise −3.01 dB/oct.</li>
 *   <li>band width: S/(M+S); band correlation: ΣRe(L·R*)/√(Σ|L|²·Σ|R|²).</li>
 *   <li>effective bandwidth: the highest frequency whose power, smoothed over ±50 Hz, is within 60 dB of the
 *       strongest 1/3-octave density between 200 Hz and 5 kHz (per Hz); a lossy 16 kHz low-pass reads ~16 kHz.</li>
 * </ul>
 */
final class SpectrumMath {
    static final double BANDWIDTH_RANGE_DB = 60;
    static final double BANDWIDTH_SMOOTH_HZ = 50;
    static final double TILT_LOW_HZ = 100, TILT_HIGH_HZ = 10000;

    private final int sampleRate;
    private final double binHz;
    private final double nyquist;
    private final double[] avg, mid, side, l, r, c;
    private final double total;

    SpectrumMath(int sampleRate, double binHz, double[] sumL, double[] sumR, double[] sumCross) {
        this.sampleRate = sampleRate;
        this.binHz = binHz;
        this.nyquist = sampleRate / 2.0;
        int n = sumL.length;
        l = sumL;
        r = sumR;
        c = sumCross;
        avg = new double[n];
        mid = new double[n];
        side = new double[n];
        for (int k = 0; k < n; k++) {
            avg[k] = 0.5 * (sumL[k] + sumR[k]);
            mid[k] = Math.max(0, 0.25 * (sumL[k] + sumR[k] + 2 * sumCross[k]));
            side[k] = Math.max(0, 0.25 * (sumL[k] + sumR[k] - 2 * sumCross[k]));
        }
        total = integrate(avg, SpectralBands.TOTAL_LOW_HZ, SpectralBands.TOTAL_HIGH_HZ);
    }

    /** Weight of each bin in [lo, hi] (fraction of the bin inside, cut at Nyquist). */
    static double[] binWeights(int bins, double binHz, double lo, double hi) {
        double[] w = new double[bins];
        double top = Math.min(hi, (bins - 1) * binHz);
        for (int k = 0; k < bins; k++) {
            double a = Math.max(lo, (k - 0.5) * binHz), b = Math.min(top, (k + 0.5) * binHz);
            if (b > a) w[k] = (b - a) / binHz;
        }
        return w;
    }

    double integrate(double[] perBin, double lo, double hi) {
        double top = Math.min(hi, nyquist);
        if (top <= lo) return 0;
        int k0 = Math.max(0, (int) Math.floor(lo / binHz + 0.5));
        int k1 = Math.min(perBin.length - 1, (int) Math.floor(top / binHz + 0.5));
        double s = 0;
        for (int k = k0; k <= k1; k++) {
            double a = Math.max(lo, (k - 0.5) * binHz), b = Math.min(top, (k + 0.5) * binHz);
            if (b > a) s += perBin[k] * (b - a);
        }
        return s / binHz;
    }

    /** 10·log10(part/whole), or null when either is not positive. */
    static Double ratioDb(double part, double whole) {
        return part > 0 && whole > 0 ? 10 * Math.log10(part / whole) : null;
    }

    boolean silent() {
        return !(total > 0);
    }

    List<SpectrumBand> bands() {
        List<SpectrumBand> out = new ArrayList<>();
        for (int b = 0; b < SpectralBands.NAMES.length; b++) {
            double lo = SpectralBands.LOW_HZ[b], hi = SpectralBands.HIGH_HZ[b];
            out.add(new SpectrumBand(SpectralBands.NAMES[b], lo, hi, ratioDb(integrate(avg, lo, hi), total)));
        }
        return out;
    }

    List<ThirdOctaveBand> thirdOctaves() {
        List<ThirdOctaveBand> out = new ArrayList<>();
        for (int i = 0; i < SpectralBands.THIRD_OCTAVE_NOMINAL_HZ.length; i++) {
            double lo = SpectralBands.thirdOctaveLowHz(i), hi = SpectralBands.thirdOctaveHighHz(i);
            boolean exists = SpectralBands.thirdOctaveCenterHz(i) < nyquist;
            out.add(new ThirdOctaveBand(SpectralBands.THIRD_OCTAVE_NOMINAL_HZ[i], lo, hi,
                    exists ? ratioDb(integrate(avg, lo, hi), total) : null,
                    exists ? ratioDb(integrate(mid, lo, hi), total) : null,
                    exists ? ratioDb(integrate(side, lo, hi), total) : null));
        }
        return out;
    }

    /** See the class comment; null when fewer than two bands have power. */
    Double tiltDbPerOctave() {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < SpectralBands.THIRD_OCTAVE_NOMINAL_HZ.length; i++) {
            double f = SpectralBands.THIRD_OCTAVE_NOMINAL_HZ[i];
            double fc = SpectralBands.thirdOctaveCenterHz(i);
            if (f < TILT_LOW_HZ || f > TILT_HIGH_HZ || fc >= nyquist) continue;
            double lo = SpectralBands.thirdOctaveLowHz(i), hi = Math.min(nyquist, SpectralBands.thirdOctaveHighHz(i));
            double p = integrate(avg, lo, hi);
            if (!(p > 0)) continue;
            double x = Math.log(fc) / Math.log(2), y = 10 * Math.log10(p / (hi - lo));
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            n++;
        }
        if (n < 2) return null;
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    /** Effective bandwidth in Hz (see the class comment), or null for silence. */
    Double bandwidthHz() {
        double ref = 0;
        for (int i = 0; i < SpectralBands.THIRD_OCTAVE_NOMINAL_HZ.length; i++) {
            double f = SpectralBands.THIRD_OCTAVE_NOMINAL_HZ[i];
            if (f < 200 || f > 5000 || SpectralBands.thirdOctaveHighHz(i) > nyquist) continue;
            double lo = SpectralBands.thirdOctaveLowHz(i), hi = SpectralBands.thirdOctaveHighHz(i);
            ref = Math.max(ref, integrate(avg, lo, hi) / (hi - lo));
        }
        if (!(ref > 0)) return null;
        double threshold = ref * Math.pow(10, -BANDWIDTH_RANGE_DB / 10);
        int half = Math.max(1, (int) Math.round(BANDWIDTH_SMOOTH_HZ / binHz));
        int last = avg.length - 1;
        // running sum over [k-half, k+half], walking down from Nyquist
        double sum = 0;
        int width = 0;
        for (int k = last; k >= Math.max(0, last - half); k--) {
            sum += avg[k];
            width++;
        }
        for (int k = last; k > 0; k--) {
            if (sum / width / binHz >= threshold) return k * binHz;
            int add = k - half - 1, drop = k + half;
            if (add >= 0) {
                sum += avg[add];
                width++;
            }
            if (drop <= last) {
                sum -= avg[drop];
                width--;
            }
        }
        return 0.0;
    }

    /** Smoothed curve: 1/12-octave spaced points from 20 Hz, each the power in a 1/6-octave band around it. */
    SpectrumCurve curve() {
        List<Double> f = new ArrayList<>(), db = new ArrayList<>();
        double top = Math.min(SpectralBands.TOTAL_HIGH_HZ, nyquist);
        double step = Math.pow(2, 1 / 12.0);
        for (int j = 0; ; j++) {
            double fc = SpectralBands.TOTAL_LOW_HZ * Math.pow(2, j / 12.0);
            if (fc > top) break;
            f.add(fc);
            db.add(ratioDb(integrate(avg, fc / step, Math.min(fc * step, nyquist)), total));
        }
        return new SpectrumCurve(f, db);
    }

    Double width(double lo, double hi) {
        double m = integrate(mid, lo, hi), s = integrate(side, lo, hi);
        return m + s > 0 ? s / (m + s) : null;
    }

    Double correlation(double lo, double hi) {
        double pl = integrate(l, lo, hi), pr = integrate(r, lo, hi), x = integrate(c, lo, hi);
        if (!(pl > 0 && pr > 0)) return null;
        return Math.max(-1, Math.min(1, x / Math.sqrt(pl * pr)));
    }

    List<BandStereo> bandStereo() {
        List<BandStereo> out = new ArrayList<>();
        for (int b = 0; b < SpectralBands.NAMES.length; b++) {
            double lo = SpectralBands.LOW_HZ[b], hi = SpectralBands.HIGH_HZ[b];
            out.add(new BandStereo(SpectralBands.NAMES[b], correlation(lo, hi), width(lo, hi)));
        }
        return out;
    }

    int sampleRate() {
        return sampleRate;
    }
}
