package org.freshears.mastering;

/**
 * A prepared stage: allocated once for a sample rate, channel count and maximum block, then fed blocks in order.
 * {@link #process} works in place and allocates nothing; state carries across blocks, so the output does not
 * depend on how the stream is cut.
 */
public interface Processor {

    /** Processes {@code buf[ch][0 .. frames)} in place; {@code frames} ≤ the prepared maximum block. */
    void process(float[][] buf, int frames);

    /** Samples by which this processor delays its output (0 for all but the limiter). */
    default int latency() {
        return 0;
    }

    /** The processor that does nothing. */
    Processor IDENTITY = (buf, frames) -> { };
}
