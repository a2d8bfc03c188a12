package org.freshears.analysis;

import java.util.List;

/** Series for plots: short-term loudness every {@code stepSeconds}. */
public record Timeline(double stepSeconds, List<Double> shortTermLufs) {
}
