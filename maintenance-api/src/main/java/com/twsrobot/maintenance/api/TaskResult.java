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
 * after_count, added, removed, validation, warnings, errors} plus {@code detail}, the kind's typed
 * {@link TaskDetail} (a plug-in's own facts are the open {@link PluginDetail}).
 * Counts are null where they do not apply. The task's warnings and errors are {@link Notice}s with a
 * stable code; reports list their messages and keep the codes in {@code detail.notices}.
 */
public record TaskResult(String task, TaskStatus status, boolean dryRun, String source, Instant startedAt,
                         Instant finishedAt, double durationSeconds, Integer beforeCount, Integer afterCount,
                         List<SymbolChange> added, List<SymbolChange> removed, ValidationResult validation,
                         List<Notice> notices, TaskDetail detail) {

    /** Detail key of the exception behind a failure: {@code {"type", "message"}}. */
    public static final String CAUSE = "cause";

    /**
     * Copies the lists; a null detail is an empty {@link PluginDetail}.
     *
     * @param task             the task's name
     * @param status           its outcome
     * @param dryRun           whether it only previewed
     * @param source           what it read, e.g. a URL ("" for none)
     * @param startedAt        when it started
     * @param finishedAt       when it finished
     * @param durationSeconds  how long it took
     * @param beforeCount      symbols in the file before, or null
     * @param afterCount       symbols in the file after (or proposed), or null
     * @param added            symbols added
     * @param removed          symbols removed
     * @param validation       the proposal's validation
     * @param notices          the task's own warnings and errors (its validation has its own)
     * @param detail           what the task says beyond the counts, written as {@code detail}
     * @throws NullPointerException when {@code task} or {@code status} is null
     */
    public TaskResult {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(status, "status");
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        notices = List.copyOf(notices);
        detail = detail == null ? new PluginDetail(Map.of()) : detail;
    }

    /**
     * A result whose warnings and errors are messages without codes ({@link NoticeCode#UNSPECIFIED}).
     *
     * @param task             the task's name
     * @param status           its outcome
     * @param dryRun           whether it only previewed
     * @param source           what it read ("" for none)
     * @param startedAt        when it started
     * @param finishedAt       when it finished
     * @param durationSeconds  how long it took
     * @param beforeCount      symbols in the file before, or null
     * @param afterCount       symbols in the file after (or proposed), or null
     * @param added            symbols added
     * @param removed          symbols removed
     * @param validation       the proposal's validation
     * @param warnings         the task's warnings
     * @param errors           the task's errors
     * @param detail           what the task says beyond the counts, written as {@code detail}
     */
    public TaskResult(String task, TaskStatus status, boolean dryRun, String source, Instant startedAt,
                      Instant finishedAt, double durationSeconds, Integer beforeCount, Integer afterCount,
                      List<SymbolChange> added, List<SymbolChange> removed, ValidationResult validation,
                      List<String> warnings, List<String> errors, TaskDetail detail) {
        this(task, status, dryRun, source, startedAt, finishedAt, durationSeconds, beforeCount, afterCount, added,
                removed, validation, ValidationResult.uncoded(warnings, errors), detail);
    }

    /**
     * The task's own warnings' messages (its validation's are in {@link #validation()}).
     *
     * @return the messages, in order
     */
    public List<String> warnings() {
        return notices.stream().filter(Notice::isWarning).map(Notice::message).toList();
    }

    /**
     * The task's own errors' messages.
     *
     * @return the messages, in order
     */
    public List<String> errors() {
        return notices.stream().filter(n -> !n.isWarning()).map(Notice::message).toList();
    }

    /**
     * Whether the task or its validation has a warning or error with this code.
     *
     * @param code the code
     * @return true when one has it
     */
    public boolean has(NoticeCode code) {
        return notices.stream().anyMatch(n -> n.code() == code) || validation.has(code);
    }

    /**
     * A builder for a task's result (tasks usually call {@link TaskContext#newResult} instead).
     *
     * @param task      the task's name
     * @param dryRun    whether the run only previews
     * @param startedAt when the task started
     * @return a new builder
     */
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
        private final List<Notice> notices = new ArrayList<>();
        private final Map<String, Object> detail = new LinkedHashMap<>();
        private TaskDetail typed;
        private TaskStatus forcedStatus;

        private Builder(String task, boolean dryRun, Instant startedAt) {
            this.task = task;
            this.dryRun = dryRun;
            this.startedAt = startedAt;
        }

        /**
         * What the task read, e.g. a URL or {@code snapshot}.
         *
         * @param value the source (null for none)
         * @return this builder
         */
        public Builder source(String value) {
            this.source = Objects.requireNonNullElse(value, "");
            return this;
        }

        /**
         * Symbols in the file before the task.
         *
         * @param value the count, or null
         * @return this builder
         */
        public Builder beforeCount(Integer value) {
            this.beforeCount = value;
            return this;
        }

        /**
         * Symbols in the file after the task (or proposed, in a dry run).
         *
         * @param value the count, or null
         * @return this builder
         */
        public Builder afterCount(Integer value) {
            this.afterCount = value;
            return this;
        }

        /**
         * Adds symbols the task adds (or would add).
         *
         * @param changes the symbols with their names
         * @return this builder
         */
        public Builder added(List<SymbolChange> changes) {
            added.addAll(changes);
            return this;
        }

        /**
         * Adds symbols the task removes (or would remove).
         *
         * @param changes the symbols with their names
         * @return this builder
         */
        public Builder removed(List<SymbolChange> changes) {
            removed.addAll(changes);
            return this;
        }

        /**
         * The proposal's validation.
         *
         * @param value the result
         * @return this builder
         */
        public Builder validation(ValidationResult value) {
            this.validation = value;
            return this;
        }

        /**
         * Adds a warning or an error (an error fails the task unless a status is set).
         *
         * @param notice the notice
         * @return this builder
         */
        public Builder notice(Notice notice) {
            notices.add(Objects.requireNonNull(notice, "notice"));
            return this;
        }

        /**
         * Adds a warning without a code ({@link NoticeCode#UNSPECIFIED}).
         *
         * @param message one sentence an operator reads
         * @return this builder
         */
        public Builder warning(String message) {
            return warning(NoticeCode.UNSPECIFIED, message);
        }

        /**
         * Adds a warning.
         *
         * @param code    its stable code
         * @param message one sentence an operator reads
         * @return this builder
         */
        public Builder warning(NoticeCode code, String message) {
            return notice(Notice.warning(code, message));
        }

        /**
         * Adds warnings without codes.
         *
         * @param messages sentences an operator reads
         * @return this builder
         */
        public Builder warnings(List<String> messages) {
            messages.forEach(this::warning);
            return this;
        }

        /**
         * Adds an error without a code; the task then fails unless a status is set.
         *
         * @param message one sentence naming what and where
         * @return this builder
         */
        public Builder error(String message) {
            return error(NoticeCode.UNSPECIFIED, message);
        }

        /**
         * Adds an error; the task then fails unless a status is set.
         *
         * @param code    its stable code
         * @param message one sentence naming what and where
         * @return this builder
         */
        public Builder error(NoticeCode code, String message) {
            return notice(Notice.error(code, message));
        }

        /**
         * Adds an error without a code, caused by an exception (see {@link #error(NoticeCode, String, Throwable)}).
         *
         * @param message one sentence naming what and where
         * @param cause   the exception behind it
         * @return this builder
         */
        public Builder error(String message, Throwable cause) {
            return error(NoticeCode.UNSPECIFIED, message, cause);
        }

        /**
         * Adds an error caused by an exception, and records the first such cause in {@code detail.cause}
         * as {@code {"type": class name, "message": its message}} so a failed result says what failed.
         *
         * @param code    its stable code
         * @param message one sentence naming what and where
         * @param cause   the exception behind it
         * @return this builder
         */
        public Builder error(NoticeCode code, String message, Throwable cause) {
            notice(Notice.error(code, message));
            if (cause != null && !detail.containsKey(CAUSE)) {
                Map<String, Object> described = new LinkedHashMap<>();
                described.put("type", cause.getClass().getName());
                described.put("message", Objects.requireNonNullElse(cause.getMessage(), ""));
                detail.put(CAUSE, described);
            }
            return this;
        }

        /**
         * Adds a fact to the open extension, {@link PluginDetail} (strings, numbers, booleans, lists and maps
         * of them), for a plug-in whose result is of no kind the library names. A task of a named kind
         * states its record with {@link #detail(TaskDetail)} instead. (The library reads a plug-in's facts
         * that are exactly a named kind's keys, e.g. those {@link FileWrite#reportInto} records, as that
         * kind's record when it writes the report.)
         *
         * @param key   the key, in snake case
         * @param value the value
         * @return this builder
         */
        public Builder detail(String key, Object value) {
            detail.put(key, value);
            return this;
        }

        /**
         * States the task's detail as its kind's record; it replaces the facts given with
         * {@link #detail(String, Object)} and the cause an {@link #error(NoticeCode, String, Throwable)}
         * recorded, so a task that states its record puts its cause in the record.
         *
         * @param value the record, or null to go back to the facts
         * @return this builder
         */
        public Builder detail(TaskDetail value) {
            this.typed = value;
            return this;
        }

        /**
         * Overrides the derived status, e.g. {@code skipped} or {@code partial_failure}.
         *
         * @param status the status
         * @return this builder
         */
        public Builder status(TaskStatus status) {
            this.forcedStatus = status;
            return this;
        }

        /**
         * Whether the result so far has an error or a failed validation.
         *
         * @return true when it would finish as failed (unless a status is set)
         */
        public boolean hasErrors() {
            return notices.stream().anyMatch(n -> !n.isWarning()) || validation.failed();
        }

        /**
         * The result as of {@code finishedAt}. Unless a status was set: {@code failed} with errors or a
         * failed validation, {@code warning} with warnings, else {@code success}.
         *
         * @param finishedAt when the task finished
         * @return the result
         */
        public TaskResult finish(Instant finishedAt) {
            TaskStatus status = forcedStatus != null ? forcedStatus
                    : hasErrors() ? TaskStatus.FAILED
                    : !notices.isEmpty() || !validation.warnings().isEmpty() ? TaskStatus.WARNING
                    : TaskStatus.SUCCESS;
            double seconds = Duration.between(startedAt, finishedAt).toNanos() / 1e9;
            return new TaskResult(task, status, dryRun, source, startedAt, finishedAt, Math.max(0, seconds),
                    beforeCount, afterCount, added, removed, validation, notices,
                    typed != null ? typed : new PluginDetail(detail));
        }
    }
}
