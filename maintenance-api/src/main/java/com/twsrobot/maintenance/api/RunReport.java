package com.twsrobot.maintenance.api;

import java.time.Instant;
import java.util.List;

/**
 * The record of one run: {@code report_id, status, dry_run, started_at, finished_at, duration_seconds,
 * results, warnings, errors}, plus {@code detail} for run-wide facts (the holder of a run lock that
 * refused this run, backups and reports pruned, leftover temp files removed). Written as
 * {@code <report_id>.json} and {@code .md}.
 */
public record RunReport(String reportId, TaskStatus status, boolean dryRun, Instant startedAt, Instant finishedAt,
                        double durationSeconds, List<TaskResult> results, List<Notice> notices,
                        RunDetail detail) {

    /** The JSON key of {@link RunDetail#lockHeldBy()} (and of an event sync's own lock refusal). */
    public static final String LOCK_HELD_BY = "lock_held_by";

    /**
     * Copies the lists; a null detail is {@link RunDetail#none()}.
     *
     * @param reportId        e.g. {@code maintenance_20260624_001500}
     * @param status          the run's status
     * @param dryRun          whether it only previewed
     * @param startedAt       when it started
     * @param finishedAt      when it finished
     * @param durationSeconds how long it took
     * @param results         each task's result, in registry order
     * @param notices         the run's own warnings and errors, with their codes
     * @param detail          run-wide facts
     */
    public RunReport {
        results = List.copyOf(results);
        notices = List.copyOf(notices);
        detail = detail == null ? RunDetail.none() : detail;
    }

    /**
     * A report whose run-wide warnings and errors are messages without codes.
     *
     * @param reportId        e.g. {@code maintenance_20260624_001500}
     * @param status          the run's status
     * @param dryRun          whether it only previewed
     * @param startedAt       when it started
     * @param finishedAt      when it finished
     * @param durationSeconds how long it took
     * @param results         each task's result, in registry order
     * @param warnings        the run's own warnings
     * @param errors          the run's own errors
     * @param detail          run-wide facts
     */
    public RunReport(String reportId, TaskStatus status, boolean dryRun, Instant startedAt, Instant finishedAt,
                     double durationSeconds, List<TaskResult> results, List<String> warnings, List<String> errors,
                     RunDetail detail) {
        this(reportId, status, dryRun, startedAt, finishedAt, durationSeconds, results,
                ValidationResult.uncoded(warnings, errors), detail);
    }

    /**
     * The run's own warnings' messages.
     *
     * @return the messages, in order
     */
    public List<String> warnings() {
        return notices.stream().filter(Notice::isWarning).map(Notice::message).toList();
    }

    /**
     * The run's own errors' messages.
     *
     * @return the messages, in order
     */
    public List<String> errors() {
        return notices.stream().filter(n -> !n.isWarning()).map(Notice::message).toList();
    }

    /**
     * Whether the run did nothing because another run held the lock.
     *
     * @return true when the detail names the lock's holder
     */
    public boolean refusedByLock() {
        return detail.lockHeldBy() != null;
    }

    /**
     * Warnings of the run and of every task, validation warnings included.
     *
     * @return the count
     */
    public int warningCount() {
        return warnings().size() + results.stream()
                .mapToInt(r -> r.warnings().size() + r.validation().warnings().size()).sum();
    }

    /**
     * Errors of the run and of every task, validation errors included.
     *
     * @return the count
     */
    public int errorCount() {
        return errors().size() + results.stream()
                .mapToInt(r -> r.errors().size() + r.validation().errors().size()).sum();
    }

    /**
     * The report in a line of a history listing.
     *
     * @return its id, status, mode (as {@link RunMode#of} reads it), times and counts
     */
    public ReportSummary summary() {
        return new ReportSummary(reportId, status, dryRun, startedAt, finishedAt, warningCount(), errorCount(),
                RunMode.of(this));
    }
}
