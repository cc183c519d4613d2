package com.twsrobot.maintenance.api;

import java.time.Instant;
import java.util.List;

/**
 * The record of one run: {@code report_id, status, dry_run, started_at, finished_at, duration_seconds,
 * results, warnings, errors}. Written as {@code <report_id>.json} and {@code .md}.
 */
public record RunReport(String reportId, TaskStatus status, boolean dryRun, Instant startedAt, Instant finishedAt,
                        double durationSeconds, List<TaskResult> results, List<String> warnings,
                        List<String> errors) {

    public RunReport {
        results = List.copyOf(results);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    /** Warnings of the run and of every task, validation warnings included. */
    public int warningCount() {
        return warnings.size() + results.stream()
                .mapToInt(r -> r.warnings().size() + r.validation().warnings().size()).sum();
    }

    /** Errors of the run and of every task, validation errors included. */
    public int errorCount() {
        return errors.size() + results.stream()
                .mapToInt(r -> r.errors().size() + r.validation().errors().size()).sum();
    }

    public ReportSummary summary() {
        return new ReportSummary(reportId, status, dryRun, startedAt, finishedAt, warningCount(), errorCount());
    }
}
