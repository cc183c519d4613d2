package com.twsrobot.maintenance.api;

import java.time.Instant;

/** One line of the report list. */
public record ReportSummary(String reportId, TaskStatus status, boolean dryRun, Instant startedAt,
                            Instant finishedAt, int warningCount, int errorCount) {
}
