package org.freshears.dsp;

import org.junit.jupiter.api.Test;

class OversamplerProbeTest {
    @Test
    void probe() {
        int[][] cfg = {{4, 16}, {4, 24}, {4, 32}, {8, 16}, {8, 24}, {8, 32}};
        for (int[] c : cfg) {
            for (double beta : new double[]{3, 4, 5, 6, 7}) {
                double under = 0, over = 0;
                for (double f = 0.01; f <= 0.455; f += 0.0037) {
                    for (double ph = 0; ph < 1; ph += 0.13) {
                        PeakOversampler o = new PeakOversampler(c[0], c[1], beta, 0);
                        double m = 0;
                        for (int i = 0; i < 400; i++) {
                            double p = o.push(Math.sin(2 * Math.PI * f * i + ph));
                            if (i > 100) m = Math.max(m, p);
                        }
                        double db = 20 * Math.log10(m);
                        under = Math.min(under, db);
                        over = Math.max(over, db);
                    }
                }
                System.out.printf("F=%d taps=%d beta=%.0f  under %.3f dB over %.3f dB%n", c[0], c[1], beta, under, over);
            }
        }
    }
}
