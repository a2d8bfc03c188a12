package org.freshears.dsp;

import org.junit.jupiter.api.Test;

class LimiterProbeTest {
    @Test
    void probe() {
        double fs = 44100;
        int n = 1 << 15;
        for (double margin : new double[]{0, 0.05}) {
            for (int kind = 0; kind < 6; kind++) {
                double worst = -99;
                for (long seed = 1; seed <= 5; seed++) {
                    float[] l, r;
                    switch (kind) {
                        case 0 -> { l = Signals.white(seed, n, 4); r = Signals.white(seed + 100, n, 4); }
                        case 1 -> { l = Signals.lowPassNoise(seed, n, fs, 8000, 1); r = Signals.lowPassNoise(seed + 9, n, fs, 15000, 1); }
                        case 2 -> { l = Signals.bursts(seed, n, fs, 4); r = Signals.bursts(seed + 7, n, fs, 3); }
                        case 3 -> { l = Signals.sine(n, fs, fs / 4, 2, Math.PI / 4 + seed * 0.01); r = l.clone(); }
                        case 4 -> { l = Signals.sine(n, fs, 19000 + seed * 300, 2, seed); r = Signals.white(seed, n, 0.1f); }
                        default -> { l = Signals.lowPassNoise(seed, n, fs, 20000, 0.5); r = Signals.white(seed, n, 1); }
                    }
                    LookaheadLimiter lim = new LookaheadLimiter(fs, 2, -1, 3, 50, margin);
                    float[][] buf = {l.clone(), r.clone()};
                    lim.process(buf, 0, n);
                    worst = Math.max(worst, ReferenceTruePeak.truePeakDb(buf));
                }
                System.out.printf("margin %.2f kind %d worst TP %.4f dBTP%n", margin, kind, worst);
            }
        }
    }
}
