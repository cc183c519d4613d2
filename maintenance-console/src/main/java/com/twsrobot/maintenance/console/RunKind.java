package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.api.ValidationStatus;

/**
 * What kind of outcome a run had, in the operator's words, so the history tells apart a run the lock
 * refused, a failed validation, a source that could not be read and an apply that wrote only part of
 * its tasks — all of which a status alone shows as failed.
 */
enum RunKind {
    LOCK_REFUSED("refused: run lock held"),
    INTERRUPTED("interrupted"),
    PARTLY_APPLIED("partly applied"),
    SOURCE_FAILED("source failed"),
    VALIDATION_FAILED("validation failed"),
    FAILED("failed"),
    WARNING("warnings"),
    OK("ok");

    private final String label;

    RunKind(String label) {
        this.label = label;
    }

    String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    String label() {
        return label;
    }

    /** The first kind that applies, most telling first. */
    static RunKind of(RunReport report) {
        if (report.refusedByLock()) {
            return LOCK_REFUSED;
        }
        if (report.status() == TaskStatus.INTERRUPTED || report.status() == TaskStatus.IN_PROGRESS) {
            return INTERRUPTED;
        }
        if (!report.dryRun() && report.status() == TaskStatus.PARTIAL_FAILURE
                && report.results().stream().anyMatch(r -> r.status() == TaskStatus.SUCCESS || r.status() == TaskStatus.WARNING)) {
            return PARTLY_APPLIED;
        }
        boolean failedRun = report.status().isFailure();
        if (failedRun && report.results().stream().anyMatch(RunKind::sourceFailed)) {
            return SOURCE_FAILED;
        }
        if (failedRun && report.results().stream().anyMatch(r -> r.validation().status() == ValidationStatus.FAILED)) {
            return VALIDATION_FAILED;
        }
        if (failedRun) {
            return FAILED;
        }
        return report.status() == TaskStatus.WARNING ? WARNING : OK;
    }

    /** A task that failed before anything could be validated: its source was not read. */
    private static boolean sourceFailed(TaskResult r) {
        return r.status() == TaskStatus.FAILED && r.validation().status() == ValidationStatus.NOT_RUN;
    }
}
