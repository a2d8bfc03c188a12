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

    /** Reports the CPU time the calling thread has used so far, under {@code name}. */
    public static void threadCpu(String name) {
        if (ON) {
            long ns = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            System.err.printf(Locale.ROOT, "freshears: timing: %s CPU %.0f ms%n", name, ns / 1e6);
        }
    }

    /**
     * Reports the CPU time of every thread of this process, JVM threads included (the JIT compilers, the garbage
     * collector), from {@code /proc/self/task}; nothing where there is no {@code /proc}.
     */
    public static void threads() {
        if (!ON) return;
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        if (!java.nio.file.Files.isDirectory(tasks)) return;
        long tick = 10; // ms per clock tick (USER_HZ = 100 on Linux)
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        try (var dirs = java.nio.file.Files.list(tasks)) {
            for (java.nio.file.Path t : dirs.toList()) {
                try {
                    String name = java.nio.file.Files.readString(t.resolve("comm")).strip().replaceAll("[0-9]+$", "#");
                    String stat = java.nio.file.Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick;
                    byName.merge(name, ms, Long::sum);
                } catch (java.io.IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return;
        }
        StringBuilder sb = new StringBuilder("freshears: timing: CPU by thread (ms):");
        byName.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sb.append(' ').append(e.getKey()).append('=').append(e.getValue()));
        System.err.println(sb);
    }
}
