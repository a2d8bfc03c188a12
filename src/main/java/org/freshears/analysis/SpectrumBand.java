package org.freshears.analysis;

/** One band of {@code spectrum.bands[]}: level relative to the 20 Hz–20 kHz total, in dB. */
public record SpectrumBand(String name, double lowHz, double highHz, Double levelDb) {
}
