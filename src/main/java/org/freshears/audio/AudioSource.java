package org.freshears.audio;

import java.io.IOException;
import java.util.List;

/**
 * A decoded audio stream, read in blocks of planar floats (full scale = ±1.0).
 * Memory use is bounded by the caller's block, never by the file length.
 */
public interface AudioSource extends AutoCloseable {

    AudioInfo info();

    /**
     * Reads up to {@code maxFrames} frames into {@code dst[channel][0..n)}.
     * NaN and Inf samples are passed through unchanged (analysers report them).
     *
     * @return frames read (&gt; 0), or -1 at the end of the stream. A stream that breaks part way
     *         ends early and records a warning instead of throwing.
     */
    int read(float[][] dst, int maxFrames) throws IOException;

    /** Warnings collected so far, e.g. "truncated: decoded 1:02.3 of 3:10.0". */
    List<String> warnings();

    @Override
    void close() throws IOException;
}
