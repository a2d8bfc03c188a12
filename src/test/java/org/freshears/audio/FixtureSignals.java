package org.freshears.audio;

/** The integer formulas of src/test/resources/audio/make_fixtures.py, rebuilt exactly in Java. */
final class FixtureSignals {
    private FixtureSignals() {
    }

    private static long lcg(long state) {
        return (state * 1103515245L + 12345L) & 0xFFFFFFFFL;
    }

    /** pattern16: 11025 stereo frames of 16-bit integers, {@code [channel][frame]}. */
    static int[][] pattern16() {
        int n = 11025;
        int[][] s = new int[2][n];
        long state = 12345;
        for (int i = 0; i < n; i++) {
            state = lcg(state);
            int nl = (int) (((state >> 16) & 0x7FFF) % 33) - 16;
            state = lcg(state);
            int nr = (int) (((state >> 16) & 0x7FFF) % 33) - 16;
            int t = i % 100;
            int t2 = i % 70;
            s[0][i] = (t < 50 ? t : 100 - t) * 800 - 20000 + nl;
            s[1][i] = (t2 < 35 ? t2 : 70 - t2) * 600 - 10500 + nr;
        }
        s[0][0] = -32768;
        s[1][0] = 32767;
        s[0][1] = 32767;
        s[1][1] = -32768;
        return s;
    }

    /** pattern24: 4800 mono frames of 24-bit integers at 48 kHz. */
    static int[] pattern24() {
        int n = 4800;
        int[] s = new int[n];
        long state = 999;
        for (int i = 0; i < n; i++) {
            state = lcg(state);
            int noise = (int) (((state >> 16) & 0x7FFF) % 513) - 256;
            int t = i % 100;
            s[i] = (t < 50 ? t : 100 - t) * 160000 - 4000000 + noise;
        }
        s[0] = -8388608;
        s[1] = 8388607;
        return s;
    }
}
