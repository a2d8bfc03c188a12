package org.freshears.analysis;

import java.util.List;

/**
 * The {@code dynamics} block. Levels in dB; {@code null} where undefined (silence, too short).
 *
 * @param crestFactorDb   sample peak over RMS, channels combined
 * @param plrDb           peak-to-loudness ratio: true peak minus integrated loudness
 * @param psrMedianDb     peak-to-short-term-loudness ratio (true peak over each 3 s window), median
 * @param psrLowDb        10th percentile of PSR (the most squashed stretches)
 * @param psrHighDb       90th percentile of PSR
 * @param loudnessRangeLu LRA from the loudness meter (EBU Tech 3342)
 * @param bandCrest       crest factor per named band (same names and order as spectrum.bands)
 * @param lowEndCrestDb   crest of everything below 120 Hz
 * @param restCrestDb     crest of everything above 120 Hz
 * @param loudest         the loudest stretch (short-term loudness), for "where"
 * @param quietest        the quietest non-silent stretch
 */
public record DynamicsStats(Double crestFactorDb, Double plrDb, Double psrMedianDb, Double psrLowDb, Double psrHighDb,
                            Double loudnessRangeLu, List<BandValue> bandCrest, Double lowEndCrestDb,
                            Double restCrestDb, Stretch loudest, Stretch quietest) {
}
