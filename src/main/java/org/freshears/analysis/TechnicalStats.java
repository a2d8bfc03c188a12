package org.freshears.analysis;

import java.util.List;

/**
 * The {@code technical} block: defects that need no genre to judge.
 *
 * @param nonFiniteSamples        NaN/Inf samples (measured as 0, reported here)
 * @param clippedRuns             runs of ≥ 3 consecutive samples of one channel holding exactly the same value with
 *                                |x| ≥ 0.999 of full scale (−0.0087 dBFS), counted per channel
 * @param clippedSamples          samples inside those runs
 * @param clipTimesSeconds        start times of the earliest clipped runs (at most 20, seconds)
 * @param interSampleOvers        oversampled values above 0 dBTP (true-peak meter)
 * @param dcOffsetPerChannel      mean of each channel (linear, full scale = 1)
 * @param leadingSilenceSeconds   silence (every channel below −60 dBFS) at the head; the whole duration when silent
 * @param trailingSilenceSeconds  silence at the tail; the whole duration when silent
 * @param bandwidthHz             effective bandwidth (same as spectrum.bandwidthHz)
 * @param bandLimited             true when the bandwidth is below 18 kHz while the sample rate allows 19 kHz or more
 * @param lastClipSeconds         end of the last clipped run (seconds), null when none
 * @param peakSeconds             start of the 100 ms block holding the highest sample peak (seconds), null for silence
 */
public record TechnicalStats(long nonFiniteSamples, long clippedRuns, long clippedSamples,
                             List<Double> clipTimesSeconds, long interSampleOvers, List<Double> dcOffsetPerChannel,
                             Double leadingSilenceSeconds, Double trailingSilenceSeconds, Double bandwidthHz,
                             boolean bandLimited, Double lastClipSeconds, Double peakSeconds) {

    /** The shape before {@code lastClipSeconds} and {@code peakSeconds} were added (both null). */
    public TechnicalStats(long nonFiniteSamples, long clippedRuns, long clippedSamples, List<Double> clipTimesSeconds,
                          long interSampleOvers, List<Double> dcOffsetPerChannel, Double leadingSilenceSeconds,
                          Double trailingSilenceSeconds, Double bandwidthHz, boolean bandLimited) {
        this(nonFiniteSamples, clippedRuns, clippedSamples, clipTimesSeconds, interSampleOvers, dcOffsetPerChannel,
                leadingSilenceSeconds, trailingSilenceSeconds, bandwidthHz, bandLimited, null, null);
    }
}
