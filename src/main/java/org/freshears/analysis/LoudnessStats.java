package org.freshears.analysis;

/** The {@code loudness} block (placeholder shape until the meter lands; same keys as CONTRACT.md). */
public record LoudnessStats(Double integratedLufs, Double momentaryMaxLufs, Double shortTermMaxLufs,
                            Double loudnessRangeLu, Double samplePeakDbfs, Double truePeakDbtp) {
}
