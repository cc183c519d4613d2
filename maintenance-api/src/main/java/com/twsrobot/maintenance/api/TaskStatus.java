package com.twsrobot.maintenance.api;

import java.util.Collection;
import java.util.Locale;

/**
 * Outcome of one task or of a whole run, with the wire names used in reports and the API.
 * {@code IN_PROGRESS} is the status a run's report has on disk while the run is under way, and
 * {@code INTERRUPTED} the one a later run gives it when its process died before it finished.
 */
public enum TaskStatus {
    /** Done, with no warning. */
    SUCCESS,
    /** Done, with warnings to read before applying. */
    WARNING,
    /** Some of the work failed (a run: some tasks failed; a task: some of its parts did). */
    PARTIAL_FAILURE,
    /** Failed; nothing was changed by it. */
    FAILED,
    /** Not run (nothing to do, or not asked for). */
    SKIPPED,
    /** A run's report while the run is under way. */
    IN_PROGRESS,
    /** A run whose process died before it finished, as a later run found it. */
    INTERRUPTED;

    /**
     * The name used in JSON and on the command line.
     *
     * @return e.g. {@code partial_failure}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status with this wire name.
     *
     * @param name e.g. {@code partial_failure}
     * @return the status
     * @throws IllegalArgumentException for a name that is none of them
     */
    public static TaskStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether a caller should treat this as "something went wrong".
     *
     * @return true for failed, partial failure and interrupted
     */
    public boolean isFailure() {
        return this == FAILED || this == PARTIAL_FAILURE || this == INTERRUPTED;
    }

    /**
     * The status of a run made of tasks with these statuses: {@code failed} when every task failed,
     * {@code partial_failure} when some did, else {@code warning} if any warned, {@code skipped} if all
     * were skipped, else {@code success}.
     *
     * @param taskStatuses the statuses of the run's tasks (none: {@code failed})
     * @return the run's status
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
