package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskStatus;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which reports a history listing shows, newest first: those that ran {@code task} (when given), with
 * {@code status} (the task's status when a task is given, else the run's), in {@code dry_run} or
 * {@code apply} mode; then {@code offset} of them skipped and at most {@code limit} returned.
 */
public record ReportFilter(Optional<String> task, Optional<TaskStatus> status, Optional<Boolean> dryRun, int offset,
                           int limit) {

    /** The most a page may hold. */
    public static final int MAX_LIMIT = 500;

    public ReportFilter {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dryRun, "dryRun");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** The newest {@code limit} reports, unfiltered. */
    public static ReportFilter newest(int limit) {
        return new ReportFilter(Optional.empty(), Optional.empty(), Optional.empty(), 0, limit);
    }

    /**
     * A filter from an operator's words (each may be null for "any"), refusing an unknown task, status
     * or mode with a message that lists the accepted values.
     */
    public static ReportFilter of(String task, String status, String mode, int offset, int limit,
                                  Collection<String> knownTasks) {
        if (task != null && !knownTasks.contains(task)) {
            throw new IllegalArgumentException("unknown task '" + task + "' (known: " + String.join(", ", knownTasks) + ")");
        }
        Optional<TaskStatus> parsedStatus = Optional.empty();
        if (status != null) {
            parsedStatus = Arrays.stream(TaskStatus.values()).filter(s -> s.wireName().equals(status)).findFirst();
            if (parsedStatus.isEmpty()) {
                throw new IllegalArgumentException("unknown status '" + status + "' (one of: "
                        + Arrays.stream(TaskStatus.values()).map(TaskStatus::wireName).collect(Collectors.joining(", "))
                        + ")");
            }
        }
        Optional<Boolean> dryRun = Optional.empty();
        if (mode != null) {
            dryRun = switch (mode) {
                case "dry_run", "dry-run" -> Optional.of(true);
                case "apply" -> Optional.of(false);
                default -> throw new IllegalArgumentException("unknown mode '" + mode + "' (dry_run or apply)");
            };
        }
        return new ReportFilter(Optional.ofNullable(task), parsedStatus, dryRun, offset, limit);
    }

    /** Whether the report is one this filter lists (before offset and limit). */
    public boolean matches(RunReport report) {
        if (dryRun.isPresent() && report.dryRun() != dryRun.get()) {
            return false;
        }
        if (task.isEmpty()) {
            return status.isEmpty() || report.status() == status.get();
        }
        return report.results().stream().anyMatch(r -> r.task().equals(task.get())
                && (status.isEmpty() || r.status() == status.get()));
    }
}
