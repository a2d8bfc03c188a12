package org.freshears.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.freshears.web.WebApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(mixinStandardHelpOptions = true, name = "serve", description = "Starts the web app (uploads, renders and the database live in the data folder).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "port (default: 7070; 0 picks a free one)")
    int port = 7070;

    @Option(names = "--data", description = "data folder (default: ./data)")
    Path data = Path.of("data");

    @Option(names = "--host", description = "interface to listen on (default: 127.0.0.1, this machine only)")
    String host = "127.0.0.1";

    @Option(names = "--max-upload-mb", description = "largest upload in MB (default: 500)")
    long maxUploadMb = 500;

    @Option(names = "--workers", description = "jobs processed at once (default: 2)")
    int workers = 2;

    @Option(names = "--queue", description = "jobs that may wait before uploads are refused with 503 (default: 32)")
    int queue = 32;

    @Option(names = "--debug", description = "print stack traces")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WebApp.Options options = new WebApp.Options(data, host, port, maxUploadMb, workers, queue, false);
        if (!WebApp.isLoopback(host)) {
            err.println("freshears: warning: listening on " + host + ": anyone who can reach this machine can upload"
                    + " files and read every report; there is no login");
            err.flush();
        }
        WebApp app;
        try {
            app = WebApp.start(options);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the web app on " + host + ":" + port + ": "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "freshears-shutdown"));
        out.println("Fresh Ears is listening on " + app.url() + "  (data: " + data.toAbsolutePath().normalize() + ")");
        out.flush();
        app.warmUp(); // in the background: the first upload then finds the model loaded and the hot loops compiled
        stopped.await();
        return Main.OK;
    }
}
