/**
 * Measurement: everything Fresh Ears hears in a mix without knowing its genre. One streaming pass
 * ({@link org.freshears.analysis.Analyzer}) feeds every {@link org.freshears.analysis.BlockAnalyzer}: loudness
 * (ITU-R BS.1770-4, EBU Tech 3341/3342), tonal balance, dynamics, stereo image, technical defects, and where in
 * the track each one happens.
 */
package org.freshears.analysis;
