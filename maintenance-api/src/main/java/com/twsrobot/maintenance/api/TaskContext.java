package com.twsrobot.maintenance.api;

import java.nio.file.Path;
import java.time.Clock;

/** What a running task may know and use; supplied by the runner. */
public interface TaskContext {

    /** True unless the request explicitly asked to apply. */
    boolean dryRun();

    RunRequest request();

    /** The id of the run's report, e.g. {@code maintenance_20260624_001500}. */
    String reportId();

    Clock clock();

    /** Where the metadata files live ({@code ./data} by default). */
    Path dataDir();

    /** Where reports are written ({@code ./reports/maintenance} by default). */
    Path reportsDir();

    /** The market-events service (the host's, or the embedded one), if the runner has one. */
    default java.util.Optional<com.twsrobot.maintenance.api.events.MarketEventsService> marketEvents() {
        return java.util.Optional.empty();
    }

    /**
     * Records in the run's report, before a task replaces {@code file}, which file it replaces and the
     * SHA-256 of the old and new content ({@code ""} for a file that does not exist yet), so that a
     * replace is never without a record even if the process dies right after it. A task must not
     * replace the file when this throws. The runner's context writes the record; the default does
     * nothing (for contexts outside a runner, such as a test's).
     *
     * @throws java.io.IOException when the record cannot be written
     */
    default void recordReplace(Path file, String oldSha256, String newSha256) throws java.io.IOException {
    }

    /**
     * Sources of event symbols the runner was configured with (the watchlist file, a query, the host's),
     * besides those found with ServiceLoader; empty outside a runner.
     */
    default java.util.List<com.twsrobot.maintenance.api.events.EventSymbols> eventSymbols() {
        return java.util.List.of();
    }

    /** Reports progress to whoever runs the task (stderr in the CLI, the console's progress view). */
    void progress(String message);

    /** A result builder for this task, stamped with its name, the dry-run flag and the start time. */
    default TaskResult.Builder newResult(String taskName) {
        return TaskResult.builder(taskName, dryRun(), clock().instant());
    }
}
