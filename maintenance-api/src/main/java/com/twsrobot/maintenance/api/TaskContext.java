package com.twsrobot.maintenance.api;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What a running task may know and use. The runner supplies one to {@link MaintenanceTask#run} for
 * every task of a run; tests may supply their own.
 */
public interface TaskContext {

    /**
     * Whether the run only previews.
     *
     * @return true unless the request explicitly asked to apply
     */
    boolean dryRun();

    /**
     * The request the run was started with.
     *
     * @return the request, with the runner's default source URLs and deadline filled in
     */
    RunRequest request();

    /**
     * The run's report id, which also names its plans and journal.
     *
     * @return e.g. {@code maintenance_20260624_001500}
     */
    String reportId();

    /**
     * The clock every time in the run comes from (fixed in tests).
     *
     * @return the runner's clock
     */
    Clock clock();

    /**
     * Where the metadata files live.
     *
     * @return the data directory ({@code ./data} by default)
     */
    Path dataDir();

    /**
     * Where reports, plans and journals are written.
     *
     * @return the reports directory ({@code ./reports/maintenance} by default)
     */
    Path reportsDir();

    /**
     * The market-events service (the host's, or the embedded one), if the runner has one.
     *
     * @return the service, or empty
     */
    default java.util.Optional<com.twsrobot.maintenance.api.events.MarketEventsService> marketEvents() {
        return java.util.Optional.empty();
    }

    /**
     * Records in the run's report, before a task replaces {@code file}, which file it replaces and the
     * SHA-256 of the old and new content, so that a replace is never without a record even if the
     * process dies right after it. A task must not replace the file when this throws. The runner's
     * context writes the record; the default does nothing (for contexts outside a runner, such as a test's).
     *
     * @param file      the file about to be replaced
     * @param oldSha256 the SHA-256 of its content now ({@code ""} for a file that does not exist yet)
     * @param newSha256 the SHA-256 of the content about to be written
     * @throws java.io.IOException when the record cannot be written
     */
    default void recordReplace(Path file, String oldSha256, String newSha256) throws java.io.IOException {
    }

    /**
     * Sources of event symbols the runner was configured with (the watchlist file, a query, the host's),
     * besides those found with ServiceLoader.
     *
     * @return the sources; empty outside a runner
     */
    default java.util.List<com.twsrobot.maintenance.api.events.EventSymbols> eventSymbols() {
        return java.util.List.of();
    }

    /**
     * Tuning for the sources and providers a task drives, by key (e.g. {@code yahoo.concurrency}),
     * from the runner's settings rather than JVM-wide properties, so two runners in one JVM can differ.
     *
     * @return options by key; empty outside a runner or when none are set
     */
    default java.util.Map<String, String> providerOptions() {
        return java.util.Map.of();
    }

    /**
     * Reports progress to whoever runs the task (stderr in the CLI, the console's progress view).
     *
     * @param message one line, e.g. {@code sti_constituents: fetching STI constituents}
     */
    void progress(String message);

    /**
     * A result builder for this task, stamped with its name, the dry-run flag and the start time.
     *
     * @param taskName the task's name
     * @return a new builder
     */
    default TaskResult.Builder newResult(String taskName) {
        return TaskResult.builder(taskName, dryRun(), clock().instant());
    }
}
