package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.core.MaintenanceConfig;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;

/** {@code java -jar tws-maintenance.jar [--data-dir DIR] [--reports-dir DIR] [--config FILE] COMMAND}. */
@Command(name = "tws-maintenance", mixinStandardHelpOptions = true, version = "tws-maintenance 0.1.0",
        description = {
                "Keeps TWS Robot's market metadata fresh and auditable: index constituents (S&P 500, STI, HSI).",
                "Metadata only: never touches orders, strategies or trading controls.",
                "Every run is a dry run unless --apply is given, and every run writes a JSON and a Markdown report."},
        subcommands = {RunCommand.class, ValidateCommand.class, StatusCommand.class, ReportsCommand.class,
                ReportCommand.class, RollbackCommand.class, BackupsCommand.class, ServeCommand.class, EventsCommand.class},
        footer = {"", "Exit codes: 0 success, warning or skipped; 1 failed or partial_failure; 2 usage error;",
                "3 another run holds the run lock (data/.maintenance.lock)."})
public final class MaintenanceCli {

    /** The run's status was success, warning or skipped. */
    static final int EXIT_OK = 0;
    /** The run failed or partly failed. */
    static final int EXIT_FAILED = 1;
    /** Bad command line or configuration. */
    static final int EXIT_USAGE = 2;
    /** Another run held the run lock; nothing ran. */
    static final int EXIT_LOCKED = 3;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Directory of the constituent CSV files and backups (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--reports-dir", paramLabel = "DIR", defaultValue = "reports/maintenance",
            description = "Directory of the JSON and Markdown reports (default: ${DEFAULT-VALUE}).")
    Path reportsDir;

    @Option(names = "--events-db", paramLabel = "JDBC_URL",
            description = "Event store of the embedded market-events service (default: jdbc:sqlite:<data-dir>/market_events.db; "
                    + "a jdbc:postgresql:// URL works too).")
    String eventsDb;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file: source_url.<key>, min_rows.<index>, warn_change_percent, "
                    + "fail_change_percent, stale_after_days, plan_max_age_hours, keep_backups, keep_reports_days, "
                    + "source_timeout_seconds, max_file_mib.")
    Path config;

    @Option(names = "--source-timeout", paramLabel = "SECONDS",
            description = "Deadline for each source and event provider: DNS, connect, TLS, headers, the whole body, "
                    + "every retry and fallback, and parsing (default: 60, or source_timeout_seconds in --config).")
    Integer sourceTimeoutSeconds;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MaintenanceCli());
        // "--reports-dir reports" is a directory named like a command, not the reports command.
        cl.setAllowSubcommandsAsOptionParameters(true);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e.getMessage());
            return e instanceof UsageException ? EXIT_USAGE : EXIT_FAILED;
        });
        return cl;
    }

    /** Builds the runner every command uses; progress lines go to {@code err}. */
    MaintenanceRunner runner(PrintWriter err, Map<String, String> extraSourceUrls) throws UsageException {
        MaintenanceRunner.Builder builder = MaintenanceRunner.builder().dataDir(dataDir).reportsDir(reportsDir)
                .clock(clock()).progressListener(progressTo(err));
        try {
            if (config != null) {
                MaintenanceConfig.load(config).applyTo(builder);
            }
        } catch (MaintenanceConfig.ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        extraSourceUrls.forEach(builder::sourceUrl);
        if (sourceTimeoutSeconds != null) {
            if (sourceTimeoutSeconds < 1 || sourceTimeoutSeconds > 3600) {
                throw new UsageException("--source-timeout must be a whole number of seconds from 1 to 3600, got "
                        + sourceTimeoutSeconds);
            }
            builder.sourceTimeout(java.time.Duration.ofSeconds(sourceTimeoutSeconds));
        }
        if (eventsDb != null) {
            builder.eventsDb(eventsDb);
        }
        return builder.build();
    }

    /** The exit code for a finished run: 3 when refused by the lock, 1 on failure, else 0. */
    static int exitCode(com.twsrobot.maintenance.api.RunReport report) {
        if (report.refusedByLock()) {
            return EXIT_LOCKED;
        }
        return report.status().isFailure() ? EXIT_FAILED : EXIT_OK;
    }

    /** The system clock, or the instant in {@code -Dmaintenance.clock=...} so runs can be reproduced. */
    static Clock clock() {
        String fixed = System.getProperty("maintenance.clock");
        if (fixed == null || fixed.isBlank()) {
            return Clock.systemUTC();
        }
        return Clock.fixed(Instant.parse(fixed), ZoneOffset.UTC);
    }

    private static Consumer<String> progressTo(PrintWriter err) {
        return message -> {
            synchronized (err) {
                err.println(message);
                err.flush();
            }
        };
    }

    /** A mistake in how the command was called; exit code 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
