/**
 * Signal-processing kernels: small, allocation-free building blocks on primitive arrays
 * (biquads, the BS.1770 K-weighting design, the true-peak interpolator). No I/O, no
 * knowledge of files or features; {@code analysis} and {@code mastering} build on these.
 * Also: biquads designed from the RBJ Audio EQ Cookbook, Linkwitz–Riley crossovers, a soft-knee compressor, a
 * true-peak-safe look-ahead limiter and its oversampled peak detector. No allocation inside {@code process}
 * loops: every kernel allocates its state once in its constructor and offers {@code reset()}.
 */
package org.freshears.dsp;
