package org.freshears.analysis;

import java.util.List;

/**
 * Series for plots: short-term (3 s) loudness every {@code stepSeconds} (chosen so that a long file stays
 * compact, at most about 1500 points), {@code null} where silent.
 */
public record Timeline(double stepSeconds, List<Double> shortTermLufs) {
}
