package org.freshears.audio;

import java.io.IOException;

/** Where rendered audio goes, in planar float blocks (full scale = ±1.0). */
public interface AudioSink extends AutoCloseable {

    /** Writes {@code src[ch][offset .. offset+frames)} for every channel. */
    void write(float[][] src, int offset, int frames) throws IOException;

    @Override
    void close() throws IOException;
}
