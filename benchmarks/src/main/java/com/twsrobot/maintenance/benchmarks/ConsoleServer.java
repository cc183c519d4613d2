package com.twsrobot.maintenance.benchmarks;

import com.twsrobot.maintenance.console.ConsoleOptions;
import com.twsrobot.maintenance.console.MaintenanceConsole;
import com.twsrobot.maintenance.core.MaintenanceRunner;

import java.nio.file.Path;

/**
 * A real {@link MaintenanceConsole} for {@link ConsoleLoad}, in its own JVM as {@code serve} runs it:
 * loopback, port 0 (free), default options (128 workers, 16 requests at once per client). Prints its URI
 * on the first line once it answers, then serves until its standard input closes or {@code MAX_SECONDS}
 * pass, whichever is first (a harness that dies cannot leave it running for ever).
 *
 * <p>Usage: {@code ConsoleServer DATA_DIR REPORTS_DIR MAX_SECONDS}
 */
public final class ConsoleServer {

    private ConsoleServer() {
    }

    public static void main(String[] args) throws Exception {
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(Path.of(args[0])).reportsDir(Path.of(args[1]))
                .progressListener(m -> { }).build();
        long maxMillis = Long.parseLong(args[2]) * 1000;
        runner.historyGeneration(); // builds or catches up the index before the first request, as a running console has
        try (MaintenanceConsole console = MaintenanceConsole.start(runner, ConsoleOptions.defaults().withPort(0))) {
            System.out.println(console.uri());
            System.out.flush();
            Thread stdin = new Thread(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // drain until the harness closes it
                    }
                } catch (java.io.IOException e) {
                    // closed: stop serving
                }
            }, "stdin-watch");
            stdin.setDaemon(true);
            stdin.start();
            stdin.join(maxMillis);
        }
    }
}
