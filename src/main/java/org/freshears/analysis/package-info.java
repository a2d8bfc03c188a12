/**
 * Measurement: everything Fresh Ears hears in a mix without knowing its genre. One streaming pass
 * ({@link org.freshears.analysis.Analyzer}) feeds every {@link org.freshears.analysis.BlockAnalyzer}: loudness
 * (ITU-R BS.1770-4, EBU Tech 3341/3342), true peak, tonal balance, dynamics, stereo image, technical defects, and
 * where in the track each one happens. Meters are fed planar float blocks ({@code accept}) and queried once at the
 * end ({@code result}); they never throw on silence or short input and report missing values as {@code null}.
 */
package org.freshears.analysis;
