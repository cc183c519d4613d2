package com.twsrobot.maintenance.core.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The JSON layout of a report, declared: each object's keys in snake case and in the request's order.
 * {@link ReportJson} maps the API's records onto these and back (the API stays free of Jackson); the
 * golden reports of {@code src/test/resources/golden} prove the layout unchanged.
 */
final class ReportLayout {

    private ReportLayout() {
    }

    /** A run's report: {@code <report_id>.json}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"report_id", "status", "dry_run", "started_at", "finished_at", "duration_seconds", "results",
            "warnings", "errors", "detail"})
    record Run(String reportId, String status, boolean dryRun, String startedAt, String finishedAt,
               BigDecimal durationSeconds, List<Task> results, List<String> warnings, List<String> errors,
               Map<String, Object> detail) {
    }

    /** One task's result: exactly the request's keys, then {@code detail}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"task", "status", "dry_run", "source", "started_at", "finished_at", "duration_seconds",
            "before_count", "after_count", "added", "removed", "validation", "warnings", "errors", "detail"})
    record Task(String task, String status, boolean dryRun, String source, String startedAt, String finishedAt,
                BigDecimal durationSeconds, Integer beforeCount, Integer afterCount, List<Change> added,
                List<Change> removed, Validation validation, List<String> warnings, List<String> errors,
                Map<String, Object> detail) {
    }

    /** A proposal's validation. */
    @JsonPropertyOrder({"status", "warnings", "errors"})
    record Validation(String status, List<String> warnings, List<String> errors) {
    }

    /** A symbol added or removed. */
    @JsonPropertyOrder({"symbol", "security"})
    record Change(String symbol, String security) {
    }
}
