package org.freshears.util;

import java.util.Locale;

/**
 * With the environment variable {@code FRESHEARS_TIMING} set, one line per step on stderr: how long the step
 * took and how long the process has been running. For benchmarks and profiling; silent otherwise.
 */
public final class Timing {
    private static final boolean ON = System.getenv("FRESHEARS_TIMING") != null;
    /** The JVM's own start time (the process start from /proc is only good to a second). */
    private static final long START = ON ? java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()
            : 0;

    private Timing() {}

    public static boolean on() {
        return ON;
    }

    /** Reports a step that started at {@code t0} ({@link System#nanoTime()}). */
    public static void step(String step, long t0) {
        if (ON) {
            System.err.printf(Locale.ROOT, "freshears: timing: %s %.0f ms (JVM age %d ms)%n", step,
                    (System.nanoTime() - t0) / 1e6, System.currentTimeMillis() - START);
        }
    }
}
