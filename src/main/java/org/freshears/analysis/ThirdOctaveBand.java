package org.freshears.analysis;

/** One 1/3-octave band: level, mid level and side level in dB relative to the total. */
public record ThirdOctaveBand(double centerHz, double lowHz, double highHz, Double levelDb, Double midDb,
                              Double sideDb) {
}
