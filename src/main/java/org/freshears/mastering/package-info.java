/**
 * The mastering chain as data ({@link org.freshears.mastering.MasteringChain}, a list of sealed
 * {@link org.freshears.mastering.Stage} records, read and written as JSON), the processors that run each stage
 * on top of the {@code dsp} kernels, and the streaming {@link org.freshears.mastering.Renderer}.
 * Depends only on {@code org.freshears.dsp} and {@code org.freshears.audio}.
 */
package org.freshears.mastering;
