package org.freshears.analysis;

import java.util.List;

/**
 * The {@code spectrum} block: long-term average spectrum (Welch, Hann, 50 % overlap, channels averaged).
 *
 * Above Nyquist: a band wholly above it is null; a band cut by it is measured over the part that exists (at 32 kHz
 * the air band is 10–16 kHz and the total 20 Hz–16 kHz). The FFT is 8192 points at 44.1/48 kHz (doubled per octave
 * of sample rate); each segment's mean is removed before windowing.
 *
 * @param bands           the seven named bands of CONTRACT.md, in order: 10·log10(band power / 20 Hz–20 kHz power)
 * @param thirdOctaves    31 ISO 1/3-octave bands 20 Hz–20 kHz (nominal centres, exact base-10 edges), dB relative to
 *                        the same total; midDb and sideDb are the mid (|L+R|²/4) and side (|L−R|²/4) power of the band
 *                        over the same total, so 10^(mid/10) + 10^(side/10) = 10^(level/10)
 * @param tiltDbPerOctave least-squares slope (dB per octave) of the 1/3-octave power DENSITY, 10·log10(band power /
 *                        bandwidth in Hz), against log2(centre frequency), bands 100 Hz–10 kHz: white noise 0, pink
 *                        noise −3.01, a darker mix more negative
 * @param bandwidthHz     effective bandwidth: the highest frequency whose power density, smoothed over ±50 Hz, is
 *                        within 60 dB of the strongest 1/3-octave density between 200 Hz and 5 kHz (a lossy 16 kHz
 *                        low-pass reads about 16000; full-band material reads near Nyquist)
 * @param curve           ~1/6-octave smoothed spectrum for plots: points every 1/12 octave from 20 Hz to 20 kHz (or
 *                        Nyquist), each the power in the 1/6 octave around it relative to the total (pink noise is
 *                        flat at −17.8 dB); at most 120 points
 */
public record SpectralBalance(List<SpectrumBand> bands, List<ThirdOctaveBand> thirdOctaves, Double tiltDbPerOctave,
                              Double bandwidthHz, SpectrumCurve curve) {
}
