package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.console.ApiTokens;
import com.twsrobot.maintenance.console.ConsoleOptions;
import com.twsrobot.maintenance.console.MaintenanceConsole;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.schedule.ScheduleSettings;
import com.twsrobot.maintenance.core.schedule.ScheduledRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the Maintenance Console: the dashboard at /maintenance and the API under /api/maintenance.",
                "Binds 127.0.0.1 unless told otherwise; any other address needs --token-file. Stop with Ctrl-C.",
                "Scheduled dry runs (off by default) come from the config file: schedule.dry_run = daily HH:MM ZONE | "
                        + "off-peak [after HH:MM ZONE]; schedule.apply = when-clean applies only plans that passed with no "
                        + "warnings; schedule.tasks (default: constituents). See docs/configuration.md."})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    MaintenanceCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = ConsoleOptions.DEFAULT_BIND,
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ConsoleOptions.DEFAULT_PORT, description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding an access token (16+ characters) every request must carry; required off loopback.")
    Path tokenFile;

    @Option(names = "--api-tokens", paramLabel = "FILE",
            description = "File of 'LABEL TOKEN' (or 'LABEL sha256:HEX') lines, owner-only (chmod 600): bearer tokens a "
                    + "program may POST with instead of the page's CSRF token; its runs' reports say trigger api:LABEL.")
    Path apiTokensFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ConsoleOptions options = ConsoleOptions.defaults().withBind(bind).withPort(port);
        if (tokenFile != null) {
            options = options.withAccessToken(readToken(tokenFile));
        }
        if (apiTokensFile != null) {
            try {
                options = options.withApiTokens(ApiTokens.load(apiTokensFile));
            } catch (IllegalArgumentException e) {
                throw new MaintenanceCli.UsageException(e.getMessage());
            }
        }
        if (!options.isLoopback() && options.accessToken().isEmpty()) {
            throw new MaintenanceCli.UsageException("refusing to serve on " + bind + " without an access token: anyone who "
                    + "can reach it could apply changes. Give --token-file FILE, or bind to 127.0.0.1");
        }
        MaintenanceRunner runner = cli.runner(err, Map.of());
        Optional<ScheduleSettings> schedule = cli.schedule();
        MaintenanceConsole console;
        try {
            console = MaintenanceConsole.start(runner, options);
        } catch (IOException e) {
            return cli.error(spec.commandLine(), "failed", "cannot listen on " + bind + ":" + port + ": "
                    + com.twsrobot.maintenance.api.CauseFormatter.describe(e),
                    MaintenanceCli.EXIT_FAILED);
        }
        if (schedule.isPresent()) {
            ScheduledRuns runs;
            try {
                runs = console.startSchedule(schedule.get());
            } catch (IllegalArgumentException e) {
                console.close();
                throw new MaintenanceCli.UsageException(e.getMessage());
            }
            err.println("Schedule: dry runs " + schedule.get().dryRun() + " of " + schedule.get().tasks() + ", "
                    + (schedule.get().applyWhenClean() ? "clean plans applied (schedule.apply = when-clean)"
                    : "plans kept for review") + "; next " + runs.nextDue());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.close();
            stopped.countDown();
        }, "console-shutdown"));
        err.println("Maintenance Console on " + console.uri().resolve("/maintenance")
                + (options.accessToken().isPresent() ? "?token=<your token>" : "") + " — Ctrl-C to stop"
                + (options.apiTokens().isEmpty() ? "" : "; API tokens: " + String.join(", ", options.apiTokens().labels())));
        err.flush();
        stopped.await();
        return MaintenanceCli.EXIT_OK;
    }

    private static String readToken(Path file) throws MaintenanceCli.UsageException {
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (token.length() < 16 || token.chars().anyMatch(Character::isWhitespace)) {
                throw new MaintenanceCli.UsageException("the token in " + file + " must be one word of at least 16 characters");
            }
            return token;
        } catch (IOException e) {
            throw new MaintenanceCli.UsageException("cannot read the token file " + file + ": "
                    + com.twsrobot.maintenance.api.CauseFormatter.describe(e));
        }
    }
}
