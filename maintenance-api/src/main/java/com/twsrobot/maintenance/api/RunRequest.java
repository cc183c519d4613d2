package com.twsrobot.maintenance.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run and how.
 *
 * @param tasks             task or group names; empty means the default set (group {@code all})
 * @param dryRun            preview only; true unless apply is asked for explicitly
 * @param allowLargeChange  accept a constituent count change above the failure threshold
 * @param eventSymbols      symbols whose earnings and dividends the events task refreshes
 * @param daysAhead         how far ahead the events task looks, 1 to 90 days
 * @param sourceUrls        URL overrides by key ({@code sp500}, {@code sti}, {@code hsi}, ...)
 * @param snapshot          read the bundled dated page copies instead of the network
 * @param planId            apply exactly the rows a dry run saved under this report id ("" for none)
 * @param rollbackBackupId  restore this backup ({@link #LATEST_BACKUP} for the newest; "" for none)
 * @param sourceTimeout     the deadline for each source and event provider: fetching (every try and
 *                          fallback, bodies included) and parsing; null for the runner's default
 * @param trigger           what started the run, recorded in its report: {@link #MANUAL} or {@link #SCHEDULE}
 */
public record RunRequest(List<String> tasks, boolean dryRun, boolean allowLargeChange, List<String> eventSymbols,
                         int daysAhead, Map<String, String> sourceUrls, boolean snapshot, String planId,
                         String rollbackBackupId, Duration sourceTimeout, String trigger) {

    /** Trigger of a run a person or a host's code asked for. */
    public static final String MANUAL = "manual";
    /** Trigger of a run the console's schedule started. */
    public static final String SCHEDULE = "schedule";

    /** A manual request. */
    public RunRequest(List<String> tasks, boolean dryRun, boolean allowLargeChange, List<String> eventSymbols,
                      int daysAhead, Map<String, String> sourceUrls, boolean snapshot, String planId,
                      String rollbackBackupId, Duration sourceTimeout) {
        this(tasks, dryRun, allowLargeChange, eventSymbols, daysAhead, sourceUrls, snapshot, planId, rollbackBackupId,
                sourceTimeout, MANUAL);
    }

    /** A request with the runner's default source deadline. */
    public RunRequest(List<String> tasks, boolean dryRun, boolean allowLargeChange, List<String> eventSymbols,
                      int daysAhead, Map<String, String> sourceUrls, boolean snapshot, String planId,
                      String rollbackBackupId) {
        this(tasks, dryRun, allowLargeChange, eventSymbols, daysAhead, sourceUrls, snapshot, planId, rollbackBackupId,
                null);
    }

    /** Rollback target meaning "the newest backup of the file". */
    public static final String LATEST_BACKUP = "latest";

    public static final int DEFAULT_DAYS_AHEAD = 28;
    public static final int MAX_DAYS_AHEAD = 90;

    public RunRequest {
        tasks = List.copyOf(tasks);
        eventSymbols = List.copyOf(eventSymbols);
        sourceUrls = Map.copyOf(sourceUrls);
        planId = Objects.requireNonNullElse(planId, "");
        rollbackBackupId = Objects.requireNonNullElse(rollbackBackupId, "");
        trigger = Objects.requireNonNullElse(trigger, MANUAL);
        if (!trigger.equals(MANUAL) && !trigger.equals(SCHEDULE)) {
            throw new IllegalArgumentException("trigger must be " + MANUAL + " or " + SCHEDULE + ", got '" + trigger + "'");
        }
        if (!planId.isEmpty() && !rollbackBackupId.isEmpty()) {
            throw new IllegalArgumentException("a request applies a plan or rolls back, not both");
        }
        // A rollback may be previewed (a dry run shows what the restore would change); a plan is only ever applied.
        if (dryRun && !planId.isEmpty()) {
            throw new IllegalArgumentException("applying a plan is an apply; ask for apply explicitly");
        }
        if (sourceTimeout != null && (sourceTimeout.isNegative() || sourceTimeout.isZero())) {
            throw new IllegalArgumentException("the source timeout must be positive, got " + sourceTimeout);
        }
        if (daysAhead < 1 || daysAhead > MAX_DAYS_AHEAD) {
            throw new IllegalArgumentException("days ahead must be between 1 and " + MAX_DAYS_AHEAD + ", got " + daysAhead);
        }
    }

    public boolean hasPlan() {
        return !planId.isEmpty();
    }

    public boolean isRollback() {
        return !rollbackBackupId.isEmpty();
    }

    /** The same request with other task names. */
    public RunRequest withTasks(List<String> names) {
        return new RunRequest(names, dryRun, allowLargeChange, eventSymbols, daysAhead, sourceUrls, snapshot, planId,
                rollbackBackupId, sourceTimeout, trigger);
    }

    /** The same request with {@code timeout} as its source deadline unless it has its own. */
    public RunRequest withDefaultSourceTimeout(Duration timeout) {
        return new RunRequest(tasks, dryRun, allowLargeChange, eventSymbols, daysAhead, sourceUrls, snapshot, planId,
                rollbackBackupId, sourceTimeout != null ? sourceTimeout : timeout, trigger);
    }

    /** The deadline for each source: the request's own, else {@link SourceContext#DEFAULT_TIMEOUT}. */
    public Duration effectiveSourceTimeout() {
        return sourceTimeout != null ? sourceTimeout : SourceContext.DEFAULT_TIMEOUT;
    }

    /** The same request with these URL overrides under its own. */
    public RunRequest withDefaultSourceUrls(Map<String, String> defaults) {
        Map<String, String> urls = new LinkedHashMap<>(defaults);
        urls.putAll(sourceUrls);
        return new RunRequest(tasks, dryRun, allowLargeChange, eventSymbols, daysAhead, urls, snapshot, planId,
                rollbackBackupId, sourceTimeout, trigger);
    }

    /** A dry run of the named tasks or groups (all by default). */
    public static RunRequest dryRun(String... tasks) {
        return builder().tasks(List.of(tasks)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request; dry run unless {@link #apply()} is called. */
    public static final class Builder {
        private final List<String> tasks = new ArrayList<>();
        private boolean dryRun = true;
        private boolean allowLargeChange;
        private final List<String> eventSymbols = new ArrayList<>();
        private int daysAhead = DEFAULT_DAYS_AHEAD;
        private final Map<String, String> sourceUrls = new LinkedHashMap<>();
        private boolean snapshot;
        private String planId = "";
        private String rollbackBackupId = "";
        private Duration sourceTimeout;
        private String trigger = MANUAL;

        private Builder() {
        }

        public Builder task(String task) {
            tasks.add(Objects.requireNonNull(task, "task"));
            return this;
        }

        public Builder tasks(List<String> names) {
            names.forEach(this::task);
            return this;
        }

        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        /** Ask to apply changes rather than preview them. */
        public Builder apply() {
            return dryRun(false);
        }

        public Builder allowLargeChange(boolean value) {
            this.allowLargeChange = value;
            return this;
        }

        public Builder eventSymbols(List<String> symbols) {
            eventSymbols.addAll(symbols);
            return this;
        }

        public Builder daysAhead(int days) {
            this.daysAhead = days;
            return this;
        }

        public Builder sourceUrl(String key, String url) {
            sourceUrls.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(url, "url"));
            return this;
        }

        public Builder sourceUrls(Map<String, String> urls) {
            urls.forEach(this::sourceUrl);
            return this;
        }

        public Builder snapshot(boolean value) {
            this.snapshot = value;
            return this;
        }

        /** Apply exactly what the dry run with this report id previewed, without fetching. */
        public Builder plan(String reportId) {
            this.planId = Objects.requireNonNull(reportId, "reportId");
            return this;
        }

        /** Restore a backup ({@link #LATEST_BACKUP} for the newest) through the apply path. */
        public Builder rollback(String backupId) {
            this.rollbackBackupId = Objects.requireNonNull(backupId, "backupId");
            return this;
        }

        /** The deadline for each source and event provider (default: the runner's, 60 s unless configured). */
        public Builder sourceTimeout(Duration timeout) {
            this.sourceTimeout = timeout;
            return this;
        }

        /** What started the run ({@link #MANUAL} unless set), recorded in the report as {@code trigger}. */
        public Builder trigger(String value) {
            this.trigger = Objects.requireNonNull(value, "trigger");
            return this;
        }

        public RunRequest build() {
            return new RunRequest(tasks, dryRun, allowLargeChange, eventSymbols, daysAhead, sourceUrls, snapshot, planId,
                    rollbackBackupId, sourceTimeout, trigger);
        }
    }
}
