package org.freshears.analysis;

import java.util.List;

/**
 * Series for plots: short-term (3 s) loudness every {@code stepSeconds} (a multiple of 0.1 s chosen so that there are
 * at most 1500 points), {@code null} where silent. Value j is the 3 s window ending at (j+1)·stepSeconds (windows
 * in the first 3 s count the time before the start as silence, so they ramp in).
 */
public record Timeline(double stepSeconds, List<Double> shortTermLufs) {
}
