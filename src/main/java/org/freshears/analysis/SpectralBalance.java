package org.freshears.analysis;

import java.util.List;

/**
 * The {@code spectrum} block: long-term average spectrum (Welch, Hann, 50 % overlap, channels averaged).
 *
 * @param bands           the seven named bands of CONTRACT.md, in order, relative to the 20 Hz–20 kHz total
 * @param thirdOctaves    1/3-octave bands 20 Hz–20 kHz (ISO centres), levels relative to the same total;
 *                        mid and side levels separately (each relative to the mid+side total), for matching
 * @param tiltDbPerOctave least-squares slope of the 1/3-octave levels between 100 Hz and 10 kHz
 * @param bandwidthHz     effective bandwidth: highest frequency whose smoothed level is within 60 dB... of the
 *                        spectrum's upper-mid reference (a 16 kHz lossy low-pass reads about 16000)
 * @param curve           smoothed spectrum for plots: log-spaced frequencies and levels in dB (relative)
 */
public record SpectralBalance(List<SpectrumBand> bands, List<ThirdOctaveBand> thirdOctaves, Double tiltDbPerOctave,
                              Double bandwidthHz, SpectrumCurve curve) {
}
