/**
 * Signal-processing kernels: small, allocation-free building blocks on primitive arrays
 * (biquads, the BS.1770 K-weighting design, the true-peak interpolator). No I/O, no
 * knowledge of files or features; {@code analysis} and {@code mastering} build on these.
 */
package org.freshears.dsp;
