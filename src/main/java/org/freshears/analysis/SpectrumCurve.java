package org.freshears.analysis;

import java.util.List;

/** A smoothed spectrum for plotting: {@code freqHz[i]} and {@code levelDb[i]} (relative to the total). */
public record SpectrumCurve(List<Double> freqHz, List<Double> levelDb) {
}
