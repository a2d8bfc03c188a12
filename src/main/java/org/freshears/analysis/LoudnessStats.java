package org.freshears.analysis;

/**
 * Loudness and peak figures of one programme. A component is {@code null} when it does not
 * exist: silence (every block below the absolute gate), or input shorter than the window the
 * value needs (400 ms for integrated and momentary, 3 s for short-term and loudness range).
 *
 * @param integratedLufs      programme loudness, ITU-R BS.1770-4 §2 (gated, 400 ms blocks, 75 % overlap)
 * @param momentaryMaxLufs    largest momentary (400 ms) loudness, evaluated every 10 ms, EBU Tech 3341 §2.1
 * @param shortTermMaxLufs    largest short-term (3 s) loudness, evaluated every 10 ms
 * @param loudnessRangeLu     loudness range, EBU Tech 3342
 * @param samplePeakDbfs      largest absolute sample value, dBFS
 * @param truePeakDbtp        largest true peak, BS.1770-4 Annex 2; {@code null} unless a {@link TruePeakMeter} was attached
 * @param relativeGateLufs    the relative gate the integrated loudness used (absolute-gated mean − 10 LU)
 * @param loudnessRangeLowLufs  10th percentile of the gated short-term distribution (LRA low end)
 * @param loudnessRangeHighLufs 95th percentile of the gated short-term distribution (LRA high end)
 * @param nonFiniteSamples    NaN/Inf samples the meters replaced by 0
 */
public record LoudnessStats(Double integratedLufs, Double momentaryMaxLufs, Double shortTermMaxLufs,
        Double loudnessRangeLu, Double samplePeakDbfs, Double truePeakDbtp,
        Double relativeGateLufs, Double loudnessRangeLowLufs, Double loudnessRangeHighLufs,
        long nonFiniteSamples) {

    /** A copy with the true peak and sample peak of {@code peaks} (null where the input was silent). */
    public LoudnessStats withPeaks(TruePeakMeter peaks) {
        return new LoudnessStats(integratedLufs, momentaryMaxLufs, shortTermMaxLufs, loudnessRangeLu,
                finiteOrNull(peaks.samplePeakDbfs()), finiteOrNull(peaks.truePeakDbtp()),
                relativeGateLufs, loudnessRangeLowLufs, loudnessRangeHighLufs,
                Math.max(nonFiniteSamples, peaks.nonFiniteSamples()));
    }

    static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
