package com.twsrobot.maintenance.api;

import java.time.Instant;

/**
 * One line of the report list.
 *
 * @param reportId     the report's id
 * @param status       the run's status
 * @param dryRun       whether the run wrote nothing but its report
 * @param startedAt    when it started
 * @param finishedAt   when it finished
 * @param warningCount its warnings
 * @param errorCount   its errors
 * @param mode         its mode (a rollback preview is one, not a plain dry run); null for the one
 *                     {@code dryRun} implies
 */
public record ReportSummary(String reportId, TaskStatus status, boolean dryRun, Instant startedAt,
                            Instant finishedAt, int warningCount, int errorCount, RunMode mode) {

    /**
     * Fills in the mode a summary without one has.
     *
     * @param reportId     see the record
     * @param status       see the record
     * @param dryRun       see the record
     * @param startedAt    see the record
     * @param finishedAt   see the record
     * @param warningCount see the record
     * @param errorCount   see the record
     * @param mode         see the record
     */
    public ReportSummary {
        if (mode == null) {
            mode = dryRun ? RunMode.preview() : RunMode.apply();
        }
    }

    /**
     * A summary whose mode is a preview or an apply, as {@code dryRun} says.
     *
     * @param reportId     the report's id
     * @param status       the run's status
     * @param dryRun       whether the run wrote nothing but its report
     * @param startedAt    when it started
     * @param finishedAt   when it finished
     * @param warningCount its warnings
     * @param errorCount   its errors
     */
    public ReportSummary(String reportId, TaskStatus status, boolean dryRun, Instant startedAt,
                         Instant finishedAt, int warningCount, int errorCount) {
        this(reportId, status, dryRun, startedAt, finishedAt, warningCount, errorCount, null);
    }
}
