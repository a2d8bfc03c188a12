package org.freshears.advice;

import java.util.ArrayList;
import java.util.List;
import org.freshears.dsp.BiquadCoefficients;
import org.freshears.dsp.BiquadDesign;

/**
 * Fits a small bank of biquad bells and shelves to a desired correction curve given at 1/3-octave centres:
 * bounded, damped least squares on the filters' band-averaged responses, solved by coordinate descent and
 * re-linearised a few times (a bell's dB response is only nearly proportional to its gain).
 */
public final class EqFit {

    /** A filter slot: its kind ("bell", "lowShelf", "highShelf"), centre and Q; the fit finds its gain. */
    public record Slot(String kind, double freqHz, double q) {
    }

    /** A fitted band. */
    public record Band(String kind, double freqHz, double gainDb, double q) {
    }

    /** Design rate for the fit; the render's rate changes the responses only near Nyquist. */
    static final double DESIGN_RATE = 48000;

    private EqFit() {}

    /**
     * @param desiredDb correction wanted at each centre (NaN = don't care)
     * @param maxDb     bound on each gain
     * @param damping   ridge weight that keeps gains small where the data barely asks for them
     */
    public static List<Band> fit(List<Slot> slots, double[] centresHz, double[] desiredDb, double maxDb, double damping) {
        return fit(slots, centresHz, desiredDb, maxDb, damping, 0);
    }

    /**
     * As above, plus {@code roughness}: a penalty on the difference between neighbouring slots' gains (slots in
     * frequency order), which keeps a corrective curve smooth.
     */
    public static List<Band> fit(List<Slot> slots, double[] centresHz, double[] desiredDb, double maxDb, double damping,
                                 double roughness) {
        int n = centresHz.length;
        int k = slots.size();
        double[][] shape = new double[k][];
        for (int j = 0; j < k; j++) {
            Slot s = slots.get(j);
            shape[j] = response(List.of(new Band(s.kind(), s.freqHz(), 6, s.q())), centresHz);
            for (int i = 0; i < n; i++) shape[j][i] /= 6;
        }
        double[] g = new double[k];
        for (int outer = 0; outer < 4; outer++) {
            double[] r = new double[n];
            double[] now = response(bands(slots, g), centresHz);
            for (int i = 0; i < n; i++) r[i] = Double.isNaN(desiredDb[i]) ? 0 : desiredDb[i] - now[i];
            for (int sweep = 0; sweep < 60; sweep++) {
                for (int j = 0; j < k; j++) {
                    double num = 0, den = damping;
                    for (int i = 0; i < n; i++) {
                        if (Double.isNaN(desiredDb[i])) continue;
                        num += shape[j][i] * r[i];
                        den += shape[j][i] * shape[j][i];
                    }
                    int nb = 0;
                    double pull = 0;
                    if (j > 0) { nb++; pull += g[j] - g[j - 1]; }
                    if (j < k - 1) { nb++; pull += g[j] - g[j + 1]; }
                    double step = (num - damping * g[j] - roughness * pull) / (den + roughness * nb);
                    double ng = Math.max(-maxDb, Math.min(maxDb, g[j] + step));
                    double dg = ng - g[j];
                    if (dg != 0) {
                        for (int i = 0; i < n; i++) r[i] -= dg * shape[j][i];
                        g[j] = ng;
                    }
                }
            }
        }
        return bands(slots, g);
    }

    private static List<Band> bands(List<Slot> slots, double[] g) {
        List<Band> out = new ArrayList<>();
        for (int j = 0; j < slots.size(); j++) {
            Slot s = slots.get(j);
            out.add(new Band(s.kind(), s.freqHz(), g[j], s.q()));
        }
        return out;
    }

    /** The cascade's response in dB at each centre, averaged in power over the centre's 1/3-octave band. */
    public static double[] response(List<Band> bands, double[] centresHz) {
        int points = 5;
        double[] f = new double[centresHz.length * points];
        for (int i = 0; i < centresHz.length; i++) {
            for (int m = 0; m < points; m++) {
                f[i * points + m] = centresHz[i] * Math.pow(2, (m - (points - 1) / 2.0) / (3.0 * points));
            }
        }
        double[] db = responseAt(bands, f);
        double[] out = new double[centresHz.length];
        for (int i = 0; i < centresHz.length; i++) {
            double p = 0;
            for (int m = 0; m < points; m++) p += Math.pow(10, db[i * points + m] / 10);
            out[i] = 10 * Math.log10(p / points);
        }
        return out;
    }

    /** The cascade's response in dB at each frequency (no averaging; at Nyquist or above, just under it). */
    public static double[] responseAt(List<Band> bands, double[] freqsHz) {
        List<BiquadCoefficients> cs = new ArrayList<>();
        for (Band b : bands) cs.add(design(b, DESIGN_RATE));
        double[] out = new double[freqsHz.length];
        for (int i = 0; i < freqsHz.length; i++) {
            double f = freqsHz[i] >= DESIGN_RATE / 2 ? DESIGN_RATE / 2 * 0.999 : freqsHz[i];
            for (BiquadCoefficients c : cs) out[i] += c.magnitudeDb(f, DESIGN_RATE);
        }
        return out;
    }

    static BiquadCoefficients design(Band b, double rate) {
        double f = Math.min(b.freqHz(), rate * 0.45);
        return switch (b.kind()) {
            case "lowShelf" -> BiquadDesign.lowShelf(rate, f, b.gainDb(), b.q());
            case "highShelf" -> BiquadDesign.highShelf(rate, f, b.gainDb(), b.q());
            case "highpass" -> BiquadDesign.highPass(rate, f, b.q());
            default -> BiquadDesign.bell(rate, f, b.gainDb(), b.q());
        };
    }

    /**
     * Smooths a curve given at 1/3-octave centres with a triangular window spanning ±{@code halfWidthThirds}
     * neighbours; NaN entries are skipped (and stay NaN).
     */
    public static double[] smooth(double[] x, int halfWidthThirds) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                out[i] = Double.NaN;
                continue;
            }
            double s = 0, w = 0;
            for (int j = Math.max(0, i - halfWidthThirds); j <= Math.min(x.length - 1, i + halfWidthThirds); j++) {
                if (Double.isNaN(x[j])) continue;
                double wj = halfWidthThirds + 1 - Math.abs(i - j);
                s += wj * x[j];
                w += wj;
            }
            out[i] = s / w;
        }
        return out;
    }
}
