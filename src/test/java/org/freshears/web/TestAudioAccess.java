package org.freshears.web;

/** Lets tests in other packages use {@link TestAudio}'s noise WAV. */
public final class TestAudioAccess {
    private TestAudioAccess() {}

    public static byte[] wav(double seconds, int rate, long seed) {
        return TestAudio.wav(seconds, rate, seed);
    }
}
