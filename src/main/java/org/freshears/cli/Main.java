package org.freshears.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.freshears.advice.Platform;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code freshears COMMAND …}: exit 0 success, 1 processing failed, 2 bad usage or unreadable input. */
@Command(name = "freshears", mixinStandardHelpOptions = true, version = "Fresh Ears 0.1.0",
        description = "A fresh, objective set of ears for your mix: analysis, advice and mastering.")
public final class Main implements Callable<Integer> {

    /**
     * The subcommands, in the order help lists them. Only the one being run is registered (picocli reads each
     * command's annotations by reflection, about 0.3 s of every start for all eight); help gets them all.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("analyze", AnalyzeCommand::new);
        m.put("compare", CompareCommand::new);
        m.put("master", MasterCommand::new);
        m.put("train", TrainCommand::new);
        m.put("genres", GenresCommand::new);
        m.put("platforms", PlatformsCommand::new);
        m.put("serve", ServeCommand::new);
        m.put("warmup", WarmupCommand::new);
        return m;
    }

    static {
        // picocli looks for groovy.lang.Closure when its default factory loads; that class is nowhere, so the look-up
        // opened every one of the 60-odd jars on the class path (20-60 ms of each start). Fresh Ears has no Groovy.
        if (System.getProperty("picocli.disable.closures") == null) System.setProperty("picocli.disable.closures", "true");
    }

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    static boolean debug;

    public static void main(String[] args) {
        PrintStream stdout = keepStdoutForResults();
        int status = run(args, new PrintWriter(stdout, true), new PrintWriter(System.err, true));
        if (stdout.checkError()) { // a full disk or a closed pipe: the results did not all get out
            System.err.println("freshears: could not write the results to standard output");
            if (status == OK) status = FAILED;
        }
        System.exit(status);
    }

    /**
     * Points {@code System.out} at standard error and returns the real standard output, which from then on carries
     * only what a command prints on purpose. Libraries print diagnostics with {@code System.out.println} (jflac
     * writes "readResidual elsecase, …" for every damaged FLAC frame it meets), and one such line among the
     * {@code --json} lines breaks every script that reads them.
     */
    static PrintStream keepStdoutForResults() {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        return stdout;
    }

    /** Runs a command line and returns its exit status; used by the tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        for (String a : args) if (a.equals("--debug")) debug = true;
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        if (COMMANDS.containsKey(first)) {
            cl.addSubcommand(first, COMMANDS.get(first).get());
        } else {
            COMMANDS.forEach((name, make) -> cl.addSubcommand(name, make.get()));
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("freshears: " + ex.getMessage());
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            if (ex instanceof IllegalArgumentException) {
                err.println("freshears: " + ex.getMessage());
                if (debug) ex.printStackTrace(err);
                return BAD_INPUT;
            }
            err.println("freshears: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (debug) ex.printStackTrace(err);
            return FAILED;
        });
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    @Command(mixinStandardHelpOptions = true, name = "platforms", description = "Lists the delivery targets that --platform takes.")
    static final class PlatformsCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-11s %-38s %9s %10s%n", "id", "platform", "target", "ceiling");
            for (Platform p : Platform.values()) {
                out.printf("%-11s %-38s %4.0f LUFS %5.1f dBTP%s%n", p.id(), p.label(), p.integratedLufs(),
                        p.truePeakCeilingDbtp(), p == Platform.DEFAULT ? "  (default)" : "");
            }
            return OK;
        }
    }
}
