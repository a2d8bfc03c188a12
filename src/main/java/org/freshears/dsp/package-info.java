/**
 * Pure signal-processing kernels on {@code float[]}/{@code double[]}: biquads designed from the RBJ Audio EQ
 * Cookbook, Linkwitz–Riley crossovers, a soft-knee compressor, a true-peak-safe look-ahead limiter and its
 * oversampled peak detector. No I/O, and no allocation inside {@code process} loops: every kernel allocates its
 * state once in its constructor and offers {@code reset()}.
 */
package org.freshears.dsp;
