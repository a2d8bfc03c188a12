package org.freshears.analysis;

import java.util.List;

/**
 * The {@code dynamics} block. Levels in dB; {@code null} where undefined (silence, too short).
 *
 * @param crestFactorDb   sample peak over RMS, dB, all channels combined (peak of any channel, RMS over all samples)
 * @param plrDb           peak-to-loudness ratio: true peak (dBTP) minus integrated loudness (LUFS)
 * @param psrMedianDb     peak-to-short-term-loudness ratio per 3 s window (the window's SAMPLE peak in dBFS minus its
 *                        short-term loudness; windows every 100 ms, only non-silent ones: above −70 LUFS and above
 *                        integrated − 20 LU), median
 * @param psrLowDb        10th percentile of PSR (the most squashed stretches)
 * @param psrHighDb       90th percentile of PSR
 * @param loudnessRangeLu LRA from the loudness meter (EBU Tech 3342)
 * @param bandCrest       crest factor (dB) per named band of the mid signal (L+R)/2, 4th-order band-passes (same
 *                        names and order as spectrum.bands)
 * @param lowEndCrestDb   crest of the mid signal below 120 Hz (Linkwitz–Riley 4th order)
 * @param restCrestDb     crest of the mid signal above 120 Hz
 * @param loudest         the loudest 3 s window (short-term loudness, LUFS), for "where"
 * @param quietest        the quietest non-silent 3 s window (same gate as PSR, so fades and gaps do not count)
 */
public record DynamicsStats(Double crestFactorDb, Double plrDb, Double psrMedianDb, Double psrLowDb, Double psrHighDb,
                            Double loudnessRangeLu, List<BandValue> bandCrest, Double lowEndCrestDb,
                            Double restCrestDb, Stretch loudest, Stretch quietest) {
}
