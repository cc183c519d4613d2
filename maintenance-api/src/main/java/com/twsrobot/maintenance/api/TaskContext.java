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

    /** Reports progress to whoever runs the task (stderr in the CLI, the console's progress view). */
    void progress(String message);

    /** A result builder for this task, stamped with its name, the dry-run flag and the start time. */
    default TaskResult.Builder newResult(String taskName) {
        return TaskResult.builder(taskName, dryRun(), clock().instant());
    }
}
