package org.freshears.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.Callable;
import org.freshears.pipeline.Warmup;
import picocli.CommandLine.Command;

/**
 * A training run for the JDK's ahead-of-time cache (JEP 483/514/515): the launcher runs it once after each build
 * with {@code -XX:AOTCacheOutput}, so that later runs start with Fresh Ears' classes already loaded and linked and
 * with method profiles for the JIT. It runs the real command lines a user runs ({@code analyze --json},
 * {@code analyze}, {@code master}) on a few seconds of synthetic music ({@link Warmup#withTrack}), so that every class
 * they load is in the cache: a class missing from it is looked up in each of the 60-odd jars on the class path, and
 * the first such look-up opens them all (tens of milliseconds of every start).
 */
@Command(name = "warmup", hidden = true, description = "Exercises the pipeline once (used to build the start-up cache).")
final class WarmupCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        return Warmup.withTrack(wav -> {
            PrintWriter none = new PrintWriter(Writer.nullWriter());
            String in = wav.toString(), out = wav.resolveSibling("warmup-master.wav").toString();
            int status = Main.OK;
            for (String[] args : new String[][] {{"analyze", "--json", in}, {"analyze", in}, {"master", in, "--out", out}}) {
                status = Math.max(status, Main.run(args, none, none));
            }
            return status;
        });
    }
}
