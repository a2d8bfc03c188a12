package org.freshears.analysis;

/**
 * A streaming analyser: fed planar float blocks (full scale ±1.0) in order, queried once at the end.
 * Implementations allocate nothing per sample and keep their state across blocks, so any block size gives
 * the same result.
 */
public interface BlockAnalyzer {
    void accept(float[][] block, int frames);
}
