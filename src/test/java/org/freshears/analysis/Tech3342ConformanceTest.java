package org.freshears.analysis;

import static org.freshears.analysis.EbuSignals.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EBU Tech 3342 Table 1, cases 1–4 (stereo 1 kHz sine level steps), at 48 and 44.1 kHz, LRA
 * tolerance ±1 LU. Cases 5 and 6 are authentic programme files and are not run.
 */
class Tech3342ConformanceTest {

    private static void lra(int fs, double[] seconds, double[] dbfs, double expected, String name) {
        LoudnessStats r = loudness(fs, stereo(sequence(fs, 1000, seconds, dbfs)), 4096).result();
        assertNotNull(r.loudnessRangeLu(), name);
        System.out.printf("%-40s expected %7.2f measured %8.3f error %+.3f%n", name + " LRA @" + fs,
                expected, r.loudnessRangeLu(), r.loudnessRangeLu() - expected);
        assertEquals(expected, r.loudnessRangeLu(), 1.0, name + " @" + fs);
    }

    @ParameterizedTest
    @ValueSource(ints = {48000, 44100})
    void case1(int fs) {
        lra(fs, new double[] {20, 20}, new double[] {-20, -30}, 10, "3342-1");
    }

    @ParameterizedTest
    @ValueSource(ints = {48000, 44100})
    void case2(int fs) {
        lra(fs, new double[] {20, 20}, new double[] {-20, -15}, 5, "3342-2");
    }

    @ParameterizedTest
    @ValueSource(ints = {48000, 44100})
    void case3(int fs) {
        lra(fs, new double[] {20, 20}, new double[] {-40, -20}, 20, "3342-3");
    }

    @ParameterizedTest
    @ValueSource(ints = {48000, 44100})
    void case4(int fs) {
        lra(fs, new double[] {20, 20, 20, 20, 20}, new double[] {-50, -35, -20, -35, -50}, 15, "3342-4");
    }
}
