package org.freshears.analysis;

/**
 * Builds the EBU Tech 3341 / 3342 test signals in code (no files). Levels are sine peak levels in
 * dBFS, as in the Tech 3341 tables (a 1 kHz stereo sine at −23 dBFS reads −23 LUFS).
 *
 * <p>Signals that Tech 3341 defines relative to the sample rate (cases 15–23: fs/4, fs/6, fs/8)
 * are generated relative to the rate under test, so they are the same signal at 44.1 kHz as at
 * 48 kHz. Time-defined signals use the same durations at both rates; all the durations used are
 * whole numbers of samples at 44.1 and 48 kHz.
 */
final class EbuSignals {
    private EbuSignals() {}

    static final double SILENT = Double.NEGATIVE_INFINITY;

    /**
     * A sine of {@code freqHz}, phase-continuous across segments, segment i lasting
     * {@code seconds[i]} at peak level {@code dbfs[i]} ({@link #SILENT} for silence).
     */
    static float[] sequence(int fs, double freqHz, double[] seconds, double[] dbfs) {
        double total = 0;
        for (double s : seconds) total += s;
        float[] out = new float[(int) Math.round(total * fs)];
        double t = 0;
        for (int seg = 0; seg < seconds.length; seg++) {
            int from = (int) Math.round(t * fs);
            t += seconds[seg];
            int to = (int) Math.round(t * fs);
            double a = dbfs[seg] == SILENT ? 0 : Math.pow(10, dbfs[seg] / 20);
            for (int n = from; n < to; n++) out[n] = (float) (a * Math.sin(2 * Math.PI * freqHz * n / fs));
        }
        return out;
    }

    static float[] tone(int fs, double seconds, double dbfs) {
        return sequence(fs, 1000, new double[] {seconds}, new double[] {dbfs});
    }

    /** Segments alternating between two levels, {@code periods} times. */
    static float[] alternating(int fs, double s1, double db1, double s2, double db2, int periods) {
        double[] sec = new double[2 * periods], lev = new double[2 * periods];
        for (int i = 0; i < periods; i++) {
            sec[2 * i] = s1;
            lev[2 * i] = db1;
            sec[2 * i + 1] = s2;
            lev[2 * i + 1] = db2;
        }
        return sequence(fs, 1000, sec, lev);
    }

    /** A 1 kHz burst at {@code dbfs} of {@code burstSeconds} starting at {@code startSeconds}, silence around it. */
    static float[] burst(int fs, double startSeconds, double burstSeconds, double totalSeconds, double dbfs) {
        return sequence(fs, 1000, new double[] {startSeconds, burstSeconds, totalSeconds - startSeconds - burstSeconds},
                new double[] {SILENT, dbfs, SILENT});
    }

    /**
     * Cases 15–19: a sine at fs/{@code divisor}, linear amplitude {@code amplitude}, starting
     * phase {@code phaseDeg}, 3 s with 10 ms linear fade-in and fade-out.
     */
    static float[] peakTone(int fs, int divisor, double amplitude, double phaseDeg) {
        int n = 3 * fs, fade = fs / 100;
        float[] out = new float[n];
        double ph = Math.toRadians(phaseDeg);
        for (int i = 0; i < n; i++) {
            double g = Math.min(1.0, Math.min(i, n - 1 - i) / (double) fade);
            out[i] = (float) (g * amplitude * Math.sin(2 * Math.PI * i / divisor + ph));
        }
        return out;
    }

    /**
     * Cases 20–23: a sine at fs/6, amplitude 0.5, into which one period of a sine at fs/4 with
     * amplitude 1.0 is inserted, phase-continuous at both joins. Synthesised at 4·fs, low-pass
     * filtered at fs/2 (a 511-tap Blackman-windowed sinc of our own) and decimated by 4 starting at
     * sample {@code offset} (0..3 for cases 20..23), with 10 ms fades. The band-limited 4·fs
     * signal peaks about 0.13 dB below full scale; the expectation is 0.0 dBTP +0.2/−0.4.
     */
    static float[] interSamplePeak(int fs, int offset) {
        int len4 = 4 * fs / 2; // 0.5 s at 4·fs
        int carrier = 24, burst = 16; // fs/6 and fs/4 periods at 4·fs
        int start = (len4 / 2 / carrier) * carrier;
        double[] s = new double[len4];
        for (int i = 0; i < len4; i++) {
            if (i < start) s[i] = 0.5 * Math.sin(2 * Math.PI * i / carrier);
            else if (i < start + burst) s[i] = Math.sin(2 * Math.PI * (i - start) / burst);
            else s[i] = 0.5 * Math.sin(2 * Math.PI * (i - start - burst) / carrier);
        }
        int fade = 4 * fs / 100;
        for (int i = 0; i < fade; i++) {
            s[i] *= i / (double) fade;
            s[len4 - 1 - i] *= i / (double) fade;
        }
        int taps = 511, half = taps / 2;
        double[] k = new double[taps];
        double sum = 0;
        for (int i = 0; i < taps; i++) {
            double t = (i - half) / 4.0;
            double sinc = t == 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
            double w = 0.42 - 0.5 * Math.cos(2 * Math.PI * i / (taps - 1)) + 0.08 * Math.cos(4 * Math.PI * i / (taps - 1));
            k[i] = sinc * w;
            sum += k[i];
        }
        int n = (len4 - offset) / 4;
        float[] out = new float[n];
        for (int m = 0; m < n; m++) {
            int c = 4 * m + offset;
            double acc = 0;
            for (int i = 0; i < taps; i++) {
                int j = c + half - i;
                if (j >= 0 && j < len4) acc += k[i] * s[j];
            }
            out[m] = (float) (acc / sum);
        }
        return out;
    }

    static float[][] stereo(float[] mono) {
        return new float[][] {mono, mono.clone()};
    }

    static LoudnessMeter loudness(int fs, float[][] planar, int blockFrames) {
        LoudnessMeter m = new LoudnessMeter(fs, planar.length);
        feed(planar, blockFrames, m::accept);
        return m;
    }

    static TruePeakMeter truePeak(int fs, float[][] planar, int blockFrames) {
        TruePeakMeter m = new TruePeakMeter(fs, planar.length);
        feed(planar, blockFrames, m::accept);
        return m;
    }

    interface Sink {
        void accept(float[][] block, int frames);
    }

    static void feed(float[][] planar, int blockFrames, Sink sink) {
        int ch = planar.length, n = planar[0].length;
        float[][] block = new float[ch][blockFrames];
        for (int pos = 0; pos < n; pos += blockFrames) {
            int len = Math.min(blockFrames, n - pos);
            for (int c = 0; c < ch; c++) System.arraycopy(planar[c], pos, block[c], 0, len);
            sink.accept(block, len);
        }
    }
}
