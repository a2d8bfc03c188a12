package org.freshears.analysis;

import java.util.List;

/**
 * The {@code technical} block: defects that need no genre to judge.
 *
 * @param nonFiniteSamples        NaN/Inf samples (measured as 0, reported here)
 * @param clippedRuns             runs of ≥ 3 consecutive samples at the same full-scale value (per channel)
 * @param clippedSamples          samples inside those runs
 * @param clipTimesSeconds        where the first clipped runs are (at most 20 times, seconds)
 * @param interSampleOvers        oversampled values above 0 dBTP
 * @param dcOffsetPerChannel      mean of each channel (linear, full scale = 1)
 * @param leadingSilenceSeconds   silence (below −60 dBFS) at the head
 * @param trailingSilenceSeconds  silence at the tail
 * @param bandwidthHz             effective bandwidth (same as spectrum.bandwidthHz)
 * @param bandLimited             true when the track has no content above ~16.5 kHz while its rate allows it
 */
public record TechnicalStats(long nonFiniteSamples, long clippedRuns, long clippedSamples,
                             List<Double> clipTimesSeconds, long interSampleOvers, List<Double> dcOffsetPerChannel,
                             Double leadingSilenceSeconds, Double trailingSilenceSeconds, Double bandwidthHz,
                             boolean bandLimited) {
}
