package com.twsrobot.maintenance.api;

import java.util.Collection;
import java.util.Locale;

/**
 * Outcome of one task or of a whole run, with the wire names used in reports and the API.
 * {@code IN_PROGRESS} is the status a run's report has on disk while the run is under way, and
 * {@code INTERRUPTED} the one a later run gives it when its process died before it finished.
 */
public enum TaskStatus {
    SUCCESS, WARNING, PARTIAL_FAILURE, FAILED, SKIPPED, IN_PROGRESS, INTERRUPTED;

    /** The name used in JSON and on the command line, e.g. {@code partial_failure}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** True for the statuses a caller should treat as "something went wrong". */
    public boolean isFailure() {
        return this == FAILED || this == PARTIAL_FAILURE || this == INTERRUPTED;
    }

    /**
     * The status of a run made of tasks with these statuses: {@code failed} when every task failed,
     * {@code partial_failure} when some did, else {@code warning} if any warned, {@code skipped} if all
     * were skipped, else {@code success}.
     */
    public static TaskStatus ofRun(Collection<TaskStatus> taskStatuses) {
        if (taskStatuses.isEmpty()) {
            return FAILED;
        }
        long failed = taskStatuses.stream().filter(s -> s == FAILED).count();
        if (failed == taskStatuses.size()) {
            return FAILED;
        }
        if (failed > 0 || taskStatuses.contains(PARTIAL_FAILURE)) {
            return PARTIAL_FAILURE;
        }
        if (taskStatuses.contains(WARNING)) {
            return WARNING;
        }
        if (taskStatuses.stream().allMatch(s -> s == SKIPPED)) {
            return SKIPPED;
        }
        return SUCCESS;
    }
}
