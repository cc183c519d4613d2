package com.twsrobot.maintenance.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The structured result of one task, serialised with exactly the request's keys:
 * {@code task, status, dry_run, source, started_at, finished_at, duration_seconds, before_count,
 * after_count, added, removed, validation, warnings, errors} plus {@code detail} for extras.
 * Counts are null where they do not apply.
 */
public record TaskResult(String task, TaskStatus status, boolean dryRun, String source, Instant startedAt,
                         Instant finishedAt, double durationSeconds, Integer beforeCount, Integer afterCount,
                         List<SymbolChange> added, List<SymbolChange> removed, ValidationResult validation,
                         List<String> warnings, List<String> errors, Map<String, Object> detail) {

    public TaskResult {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(status, "status");
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
        detail = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    public static Builder builder(String task, boolean dryRun, Instant startedAt) {
        return new Builder(task, dryRun, startedAt);
    }

    /** Collects a result while a task runs; {@link #finish} stamps the end time and picks the status. */
    public static final class Builder {
        private final String task;
        private final boolean dryRun;
        private final Instant startedAt;
        private String source = "";
        private Integer beforeCount;
        private Integer afterCount;
        private final List<SymbolChange> added = new ArrayList<>();
        private final List<SymbolChange> removed = new ArrayList<>();
        private ValidationResult validation = ValidationResult.notRun();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();
        private final Map<String, Object> detail = new LinkedHashMap<>();
        private TaskStatus forcedStatus;

        private Builder(String task, boolean dryRun, Instant startedAt) {
            this.task = task;
            this.dryRun = dryRun;
            this.startedAt = startedAt;
        }

        public Builder source(String value) {
            this.source = Objects.requireNonNullElse(value, "");
            return this;
        }

        public Builder beforeCount(Integer value) {
            this.beforeCount = value;
            return this;
        }

        public Builder afterCount(Integer value) {
            this.afterCount = value;
            return this;
        }

        public Builder added(List<SymbolChange> changes) {
            added.addAll(changes);
            return this;
        }

        public Builder removed(List<SymbolChange> changes) {
            removed.addAll(changes);
            return this;
        }

        public Builder validation(ValidationResult value) {
            this.validation = value;
            return this;
        }

        public Builder warning(String message) {
            warnings.add(message);
            return this;
        }

        public Builder warnings(List<String> messages) {
            warnings.addAll(messages);
            return this;
        }

        public Builder error(String message) {
            errors.add(message);
            return this;
        }

        public Builder detail(String key, Object value) {
            detail.put(key, value);
            return this;
        }

        /** Overrides the derived status, e.g. {@code skipped} or {@code partial_failure}. */
        public Builder status(TaskStatus status) {
            this.forcedStatus = status;
            return this;
        }

        public boolean hasErrors() {
            return !errors.isEmpty() || validation.failed();
        }

        /**
         * The result as of {@code finishedAt}. Unless a status was set: {@code failed} with errors or a
         * failed validation, {@code warning} with warnings, else {@code success}.
         */
        public TaskResult finish(Instant finishedAt) {
            TaskStatus status = forcedStatus != null ? forcedStatus
                    : hasErrors() ? TaskStatus.FAILED
                    : !warnings.isEmpty() || !validation.warnings().isEmpty() ? TaskStatus.WARNING
                    : TaskStatus.SUCCESS;
            double seconds = Duration.between(startedAt, finishedAt).toNanos() / 1e9;
            return new TaskResult(task, status, dryRun, source, startedAt, finishedAt, Math.max(0, seconds),
                    beforeCount, afterCount, added, removed, validation, warnings, errors, detail);
        }
    }
}
