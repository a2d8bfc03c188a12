package org.freshears.analysis;

/** Progress of a long job: {@code stage} is "decode", "analyse", "compare", "render", "verify"; fraction 0..1. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (stage, fraction) -> {};

    void progress(String stage, double fraction);
}
