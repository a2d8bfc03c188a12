package org.freshears.cli;

import java.util.concurrent.Callable;
import org.freshears.pipeline.Pipeline;
import org.freshears.pipeline.Warmup;
import picocli.CommandLine.Command;

/**
 * A training run for the JDK's ahead-of-time cache (JEP 483/514): the launcher runs it once after each build
 * with {@code -XX:AOTCacheOutput}, so that later runs start with Fresh Ears' classes already loaded and
 * linked. It analyses and masters a few seconds of synthetic music ({@link Warmup}).
 */
@Command(name = "warmup", hidden = true, description = "Exercises the pipeline once (used to build the start-up cache).")
final class WarmupCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Warmup.exercise(new Pipeline(), true);
        return Main.OK;
    }
}
