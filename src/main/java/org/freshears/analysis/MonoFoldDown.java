package org.freshears.analysis;

/**
 * Loudness of the mono fold-down M = (L+R)/2 as heard on both speakers: a one-channel BS.1770 meter fed M, plus
 * 10·log10(2) for the second speaker, so that L = R reads exactly as loud as the stereo track and only what
 * cancels in the fold-down counts as a drop.
 */
final class MonoFoldDown implements BlockAnalyzer {
    static final double TWO_SPEAKERS_DB = 10 * Math.log10(2);

    private final LoudnessMeter meter;
    private float[] mid = new float[0];
    private float[][] planes = {mid};

    MonoFoldDown(int sampleRate) {
        meter = new LoudnessMeter(sampleRate, 1);
    }

    @Override
    public void accept(float[][] block, int n) {
        if (mid.length < n) {
            mid = new float[n];
            planes = new float[][] {mid};
        }
        float[] l = block[0], r = block[1];
        for (int i = 0; i < n; i++) mid[i] = 0.5f * (l[i] + r[i]);
        meter.accept(planes, n);
    }

    /** Integrated loudness of the fold-down on two speakers, or null when it is silent. */
    Double integratedLufs() {
        Double m = meter.result().integratedLufs();
        return m == null ? null : m + TWO_SPEAKERS_DB;
    }
}
