package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.core.MaintenanceConfig;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.MaintenanceRunnerBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

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
        footer = {"", "Global options (--data-dir, --config, --json, --invalidate-marker, ...) go before or after the command.",
                "Exit codes: 0 success, warning or skipped; 1 failed (nothing written); 2 usage error;",
                "3 another run holds the run lock (data/.maintenance.lock); 4 partly applied: an apply wrote some",
                "changes and refused or failed others; 5 changes to review (only with run --detailed-exitcode).",
                "Shell completion: tws-maintenance generate-completion > ~/.local/share/bash-completion/completions/tws-maintenance"})
public final class MaintenanceCli {

    /** The run's status was success, warning or skipped (with --detailed-exitcode: and it found no change). */
    static final int EXIT_OK = 0;
    /** The run failed, or partly failed without writing anything. */
    static final int EXIT_FAILED = 1;
    /** Bad command line or configuration. */
    static final int EXIT_USAGE = 2;
    /** Another run held the run lock; nothing ran. */
    static final int EXIT_LOCKED = 3;
    /** An apply wrote some changes and refused or failed others (e.g. a plan with one stale task). */
    static final int EXIT_PARTLY_APPLIED = 4;
    /** With {@code run --detailed-exitcode}: the run succeeded and found changes (to review, or written). */
    static final int EXIT_CHANGES = 5;

    /** Environment variables for the global options: a flag wins, then the variable, then the config file. */
    static final String ENV_DATA_DIR = "TWS_MAINTENANCE_DATA_DIR";
    static final String ENV_REPORTS_DIR = "TWS_MAINTENANCE_REPORTS_DIR";
    static final String ENV_EVENTS_DB = "TWS_MAINTENANCE_EVENTS_DB";
    static final String ENV_CONFIG = "TWS_MAINTENANCE_CONFIG";

    @Option(scope = ScopeType.INHERIT, names = "--data-dir", paramLabel = "DIR",
            description = "Directory of the constituent CSV files, backups and the event store (env " + ENV_DATA_DIR
                    + ", config data_dir; default: ./data).")
    Path dataDir;

    @Option(scope = ScopeType.INHERIT, names = "--reports-dir", paramLabel = "DIR",
            description = "Directory of the JSON and Markdown reports (env " + ENV_REPORTS_DIR
                    + ", config reports_dir; default: ./reports/maintenance).")
    Path reportsDir;

    @Option(scope = ScopeType.INHERIT, names = "--events-db", paramLabel = "JDBC_URL",
            description = "The event store: the host's own database works (env " + ENV_EVENTS_DB + ", config events_db; "
                    + "default: jdbc:sqlite:<data-dir>/market_events.db; a jdbc:postgresql:// URL works too).")
    String eventsDb;

    @Option(scope = ScopeType.INHERIT, names = "--config", paramLabel = "FILE",
            description = "Properties file (env " + ENV_CONFIG + "); every key, its default and range are in "
                    + "docs/configuration.md. A file with mistakes is refused as a whole (exit 2), naming each with "
                    + "its line.")
    Path config;

    @Option(scope = ScopeType.INHERIT, names = "--source-timeout", paramLabel = "SECONDS",
            description = "Deadline for each source and event provider: DNS, connect, TLS, headers, the whole body, "
                    + "every retry and fallback, and parsing (config source_timeout_seconds; default: 60).")
    Integer sourceTimeoutSeconds;

    @Option(scope = ScopeType.INHERIT, names = "--invalidate-url", paramLabel = "URL",
            description = "After each replace, POST {index, file, sha256, report_id, changed_at} here so the running "
                    + "host reloads (config invalidator.http.url).")
    java.net.URI invalidateUrl;

    @Option(scope = ScopeType.INHERIT, names = "--invalidate-token-file", paramLabel = "FILE",
            description = "A file holding the bearer token sent with --invalidate-url (config invalidator.http.token_file).")
    Path invalidateTokenFile;

    @Option(scope = ScopeType.INHERIT, names = "--invalidate-marker",
            description = "After each replace, rewrite <data-dir>/.generation/<index>.json with a higher generation, "
                    + "for a host that polls (config invalidator.marker = on).")
    boolean invalidateMarker;

    @Option(scope = ScopeType.INHERIT, names = "--json",
            description = "Machine-readable output: the command's result as JSON alone on stdout, and an error (a usage "
                    + "error included) as a JSON object {\"error\", \"message\", \"exit_code\"} on stdout too.")
    boolean json;

    /** The environment the options fall back on; tests give their own. */
    static java.util.function.UnaryOperator<String> environment = System::getenv;

    public static void main(String[] args) {
        if (runFetches(args)) {
            prewarmHttp();
        }
        int code = execute(args);
        // Open HTTP clients would hold the JVM's exit up to 300 ms (their selector threads wait in native code).
        com.twsrobot.maintenance.api.http.HttpStack.closeAll();
        System.exit(code);
    }

    /** Whether these arguments run {@code run} itself, not its help: only then is the HTTP stack worth warming. */
    static boolean runFetches(String... args) {
        java.util.List<String> given = java.util.Arrays.asList(args);
        return Commands.needed(args).equals(java.util.List.of("run"))
                && java.util.Collections.disjoint(given, java.util.List.of("-h", "--help", "-V", "--version"));
    }

    /**
     * Writes a report into the void and builds (and drops) an HTTP client on a daemon thread while the
     * command line is parsed and the runner is built: Jackson's serializers of the report's types, and
     * the JDK's HTTP and TLS classes and default SSL context, are then ready when the run writes its
     * first report and the sources fetch — start-up work overlapped instead of waited for.
     */
    private static void prewarmHttp() {
        Thread warm = new Thread(() -> {
            try {
                com.twsrobot.maintenance.core.report.ReportJson.prewarm();
            } catch (RuntimeException e) {
                // Only a warm-up: the run builds what it needs itself, and reports any failure then.
            }
            com.twsrobot.maintenance.api.http.HttpStack.prewarm();
        }, "http-prewarm");
        warm.setDaemon(true);
        warm.start();
    }

    static int execute(String... args) {
        return commandLine(args).execute(args);
    }

    /** The whole command line: every command (help, completion, suggestions and usage errors need them all). */
    static CommandLine commandLine() {
        return commandLine(Commands.ALL);
    }

    /**
     * The command line for these arguments: picocli's model of only the command they invoke when that is
     * certain ({@link Commands#needed}), the whole one otherwise. picocli builds its model of a command by
     * reflection on every class, option and annotation of it, on every start; most of a short command's
     * start-up went there. Should these arguments not parse, they are run again with the whole model, so a
     * usage error, its suggestions and the usage printed are exactly the whole model's.
     */
    static CommandLine commandLine(String... args) {
        java.util.List<String> needed = Commands.needed(args);
        if (needed == Commands.ALL) {
            return commandLine();
        }
        CommandLine lazy = commandLine(needed);
        lazy.setParameterExceptionHandler((e, arguments) -> {
            CommandLine whole = commandLine();
            whole.setOut(lazy.getOut());
            whole.setErr(lazy.getErr());
            return whole.execute(arguments);
        });
        return lazy;
    }

    private static CommandLine commandLine(java.util.List<String> commands) {
        MaintenanceCli cli = new MaintenanceCli();
        CommandLine cl = new CommandLine(cli);
        for (String name : commands) {
            cl.addSubcommand(name, Commands.type(name)); // in this order in the usage, as declared before
        }
        // "--reports-dir reports" is a directory named like a command, not the reports command.
        cl.setAllowSubcommandsAsOptionParameters(true);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> cli.error(commandLine,
                e instanceof UsageException ? "usage" : "failed",
                e instanceof UsageException ? e.getMessage() : com.twsrobot.maintenance.api.CauseFormatter.describe(e),
                e instanceof UsageException ? EXIT_USAGE : EXIT_FAILED));
        cl.setParameterExceptionHandler((e, args) -> {
            // As picocli's own handler (the message, then suggestions or the usage), plus the JSON answer.
            CommandLine failed = e.getCommandLine();
            PrintWriter err = failed.getErr();
            err.println(e.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
                failed.usage(err);
            }
            err.flush();
            if (jsonAsked(args)) {
                printError(failed.getOut(), "usage", e.getMessage(), EXIT_USAGE);
            }
            return EXIT_USAGE;
        });
        if (cl.getSubcommands().containsKey("run")) {
            listPlugins(cl, cl.getSubcommands().get("run"));
        }
        return cl;
    }

    /**
     * Reports an error the command knows: {@code error: MESSAGE} on stderr, and with {@code --json} the JSON
     * object {@code {"error": KIND, "message": MESSAGE, "exit_code": CODE}} on stdout.
     *
     * @return {@code code}
     */
    int error(CommandLine commandLine, String kind, String message, int code) {
        PrintWriter err = commandLine.getErr();
        err.println("error: " + message);
        err.flush();
        if (json) {
            printError(commandLine.getOut(), kind, message, code);
        }
        return code;
    }

    private static void printError(PrintWriter out, String kind, String message, int code) {
        com.fasterxml.jackson.databind.node.ObjectNode node = com.twsrobot.maintenance.core.report.ReportJson.mapper()
                .createObjectNode();
        node.put("error", kind).put("message", String.valueOf(message)).put("exit_code", code);
        out.print(com.twsrobot.maintenance.core.report.ReportJson.pretty(node));
        out.flush();
    }

    /** Whether {@code --json} is among the options of a command line that did not parse (up to a {@code --}). */
    private static boolean jsonAsked(String[] args) {
        for (String arg : args) {
            if ("--".equals(arg)) {
                return false;
            }
            if ("--json".equals(arg)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds to a command's help the tasks, groups and source keys of the runner the global options
     * describe — its plug-ins decide them, so the help never carries a list of its own.
     */
    private static void listPlugins(CommandLine root, CommandLine command) {
        String key = "pluginList";
        command.getHelpSectionMap().put(key, help -> {
            try {
                MaintenanceRunner runner = ((MaintenanceCli) root.getCommand()).runner(
                        new PrintWriter(java.io.Writer.nullWriter()), Map.of());
                return String.format("%nThis runner's %s%nSource keys (--source-url KEY=URL): %s%n",
                        runner.registry().describeKnown(), String.join(", ", runner.sourceKeys()));
            } catch (UsageException e) {
                return String.format("%n(the tasks cannot be listed: %s)%n", e.getMessage());
            }
        });
        java.util.List<String> keys = new java.util.ArrayList<>(command.getHelpSectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), key);
        command.setHelpSectionKeys(keys);
    }

    /** The config file's schedule for {@code serve} (schedule.dry_run, schedule.apply, schedule.tasks); empty when off. */
    java.util.Optional<com.twsrobot.maintenance.core.schedule.ScheduleSettings> schedule() throws UsageException {
        Path configFile = config != null ? config : pathFromEnv(ENV_CONFIG);
        if (configFile == null) {
            return java.util.Optional.empty();
        }
        try {
            return MaintenanceConfig.load(configFile).schedule();
        } catch (MaintenanceConfig.ConfigException e) { // names the file and every problem
            throw new UsageException(e.getMessage());
        }
    }

    /** Builds the runner every command uses; progress lines go to {@code err}. */
    MaintenanceRunner runner(PrintWriter err, Map<String, String> extraSourceUrls) throws UsageException {
        MaintenanceRunnerBuilder builder = MaintenanceRunner.builder().dataDir(Path.of("data"))
                .reportsDir(Path.of("reports", "maintenance")).clock(clock()).progressListener(progressTo(err));
        Path configFile = config != null ? config : pathFromEnv(ENV_CONFIG);
        try {
            if (configFile != null) { // judged as a whole, with the runner's plug-ins, by build() below
                builder.config(configFile);
            }
        } catch (MaintenanceConfig.ConfigException e) {
            throw new UsageException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(configFile + ": " + e.getMessage());
        }
        // The JVM properties of earlier versions still tune the Yahoo provider, now through this runner's options.
        for (String[] legacy : new String[][]{{"maintenance.yahoo.concurrency", "yahoo.concurrency"},
                {"maintenance.yahoo.requestsPerSecond", "yahoo.requests_per_second"}}) {
            String value = System.getProperty(legacy[0]);
            if (value != null) {
                builder.providerOption(legacy[1], value);
            }
        }
        // flag > environment > config file > default
        Path data = dataDir != null ? dataDir : pathFromEnv(ENV_DATA_DIR);
        if (data != null) {
            builder.dataDir(data);
        }
        Path reports = reportsDir != null ? reportsDir : pathFromEnv(ENV_REPORTS_DIR);
        if (reports != null) {
            builder.reportsDir(reports);
        }
        String events = eventsDb != null ? eventsDb : blankToNull(environment.apply(ENV_EVENTS_DB));
        if (events != null) {
            builder.eventsDb(events);
        }
        extraSourceUrls.forEach(builder::sourceUrl);
        if (sourceTimeoutSeconds != null) {
            if (sourceTimeoutSeconds < 1 || sourceTimeoutSeconds > 3600) {
                throw new UsageException("--source-timeout must be a whole number of seconds from 1 to 3600, got "
                        + sourceTimeoutSeconds);
            }
            builder.sourceTimeout(java.time.Duration.ofSeconds(sourceTimeoutSeconds));
        }
        if (invalidateTokenFile != null && invalidateUrl == null) {
            throw new UsageException("--invalidate-token-file needs --invalidate-url");
        }
        if (invalidateUrl != null) {
            if (!"http".equalsIgnoreCase(invalidateUrl.getScheme()) && !"https".equalsIgnoreCase(invalidateUrl.getScheme())) {
                throw new UsageException("--invalidate-url must be an http or https URL, got " + invalidateUrl);
            }
            builder.invalidateUrl(invalidateUrl, invalidateTokenFile);
        }
        if (invalidateMarker) {
            builder.invalidateMarker(true);
        }
        try {
            return builder.build();
        } catch (com.twsrobot.maintenance.api.ConfigurationException e) { // every problem of the file, in one message
            throw new UsageException(e.getMessage());
        }
    }

    private static Path pathFromEnv(String name) {
        String value = blankToNull(environment.apply(name));
        return value == null ? null : Path.of(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The exit code for a finished run: 3 when refused by the lock; on failure 4 if an apply still wrote a
     * change, else 1; else 0, or 5 when {@code detailed} and the run found changes.
     */
    static int exitCode(com.twsrobot.maintenance.api.RunReport report, boolean detailed) {
        if (report.refusedByLock()) {
            return EXIT_LOCKED;
        }
        if (report.status().isFailure()) {
            boolean wrote = !report.dryRun() && report.results().stream().anyMatch(MaintenanceCli::wroteSomething);
            return wrote ? EXIT_PARTLY_APPLIED : EXIT_FAILED;
        }
        return detailed && report.results().stream().anyMatch(MaintenanceCli::hasChanges) ? EXIT_CHANGES : EXIT_OK;
    }

    /** {@link #exitCode(com.twsrobot.maintenance.api.RunReport, boolean)} without the detailed code. */
    static int exitCode(com.twsrobot.maintenance.api.RunReport report) {
        return exitCode(report, false);
    }

    /** Whether an applying task changed something: replaced a file, or wrote events. */
    private static boolean wroteSomething(com.twsrobot.maintenance.api.TaskResult r) {
        return Boolean.TRUE.equals(r.detail().written()) || eventChanges(r);
    }

    private static boolean eventChanges(com.twsrobot.maintenance.api.TaskResult r) {
        return r.detail().asEventSync().map(e -> Boolean.TRUE.equals(e.changed())).orElse(false);
    }

    /**
     * Whether a task found something to change: a file whose rows differ ({@code changed}, or symbols added,
     * removed or with changed fields), a file written, or events to insert, update or mark stale.
     */
    static boolean hasChanges(com.twsrobot.maintenance.api.TaskResult r) {
        com.twsrobot.maintenance.api.TaskDetail detail = r.detail();
        if (detail.changed() != null) {
            return detail.changed();
        }
        return Boolean.TRUE.equals(detail.written()) || !r.added().isEmpty() || !r.removed().isEmpty()
                || detail.asConstituent().map(c -> c.changedRows() != null && !c.changedRows().isEmpty()).orElse(false);
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
