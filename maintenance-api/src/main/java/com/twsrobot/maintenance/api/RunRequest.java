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
 * @param sourceUrls        URL overrides by key ({@code ftse100}, {@code fomc}, ...)
 * @param snapshot          read the bundled dated page copies instead of the network
 * @param planId            apply exactly the rows a dry run saved under this report id ("" for none)
 * @param rollbackBackupId  restore this backup ({@link #LATEST_BACKUP} for the newest; "" for none)
 * @param sourceTimeout     the deadline for each source and event provider: fetching (every try and
 *                          fallback, bodies included) and parsing; null for the runner's default
 * @param trigger           what started the run, recorded in its report: {@link #MANUAL}, {@link #SCHEDULE},
 *                          or {@link #API_PREFIX} and the label of the console's API token that asked for it
 */
public record RunRequest(List<String> tasks, boolean dryRun, boolean allowLargeChange, List<String> eventSymbols,
                         int daysAhead, Map<String, String> sourceUrls, boolean snapshot, String planId,
                         String rollbackBackupId, Duration sourceTimeout, String trigger) {

    /** Trigger of a run a person or a host's code asked for. */
    public static final String MANUAL = "manual";
    /** Trigger of a run the console's schedule started. */
    public static final String SCHEDULE = "schedule";
    /** Trigger prefix of a run a program asked the console for with an API token: {@code api:LABEL}. */
    public static final String API_PREFIX = "api:";
    private static final java.util.regex.Pattern API_TRIGGER = java.util.regex.Pattern.compile(
            "api:[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /**
     * A manual request.
     *
     * @param tasks             task or group names; empty means the default set (group {@code all})
     * @param dryRun            preview only
     * @param allowLargeChange  accept a constituent count change above the failure threshold
     * @param eventSymbols      symbols whose earnings and dividends the events task refreshes
     * @param daysAhead         how far ahead the events task looks, 1 to {@link #MAX_DAYS_AHEAD} days
     * @param sourceUrls        URL overrides by source key
     * @param snapshot          read the bundled dated page copies instead of the network
     * @param planId            the dry run whose plan to apply ("" for none)
     * @param rollbackBackupId  the backup to restore ("" for none)
     * @param sourceTimeout     the deadline for each source and event provider; null for the runner's default
     * @throws IllegalArgumentException as the canonical constructor does
     */
    public RunRequest(List<String> tasks, boolean dryRun, boolean allowLargeChange, List<String> eventSymbols,
                      int daysAhead, Map<String, String> sourceUrls, boolean snapshot, String planId,
                      String rollbackBackupId, Duration sourceTimeout) {
        this(tasks, dryRun, allowLargeChange, eventSymbols, daysAhead, sourceUrls, snapshot, planId, rollbackBackupId,
                sourceTimeout, MANUAL);
    }

    /**
     * A manual request with the runner's default source deadline.
     *
     * @param tasks             task or group names; empty means the default set (group {@code all})
     * @param dryRun            preview only
     * @param allowLargeChange  accept a constituent count change above the failure threshold
     * @param eventSymbols      symbols whose earnings and dividends the events task refreshes
     * @param daysAhead         how far ahead the events task looks, 1 to {@link #MAX_DAYS_AHEAD} days
     * @param sourceUrls        URL overrides by source key
     * @param snapshot          read the bundled dated page copies instead of the network
     * @param planId            the dry run whose plan to apply ("" for none)
     * @param rollbackBackupId  the backup to restore ("" for none)
     * @throws IllegalArgumentException as the canonical constructor does
     */
    public RunRequest(List<String> tasks, boolean dryRun, boolean allowLargeChange, List<String> eventSymbols,
                      int daysAhead, Map<String, String> sourceUrls, boolean snapshot, String planId,
                      String rollbackBackupId) {
        this(tasks, dryRun, allowLargeChange, eventSymbols, daysAhead, sourceUrls, snapshot, planId, rollbackBackupId,
                null);
    }

    /** Rollback target meaning "the newest backup of the file". */
    public static final String LATEST_BACKUP = "latest";

    /** How far ahead the events task looks unless told otherwise. */
    public static final int DEFAULT_DAYS_AHEAD = 28;
    /** The furthest ahead the events task may be asked to look. */
    public static final int MAX_DAYS_AHEAD = 90;

    /**
     * Copies the lists and maps, and checks the request makes sense.
     *
     * @param tasks             task or group names; empty means the default set (group {@code all})
     * @param dryRun            preview only
     * @param allowLargeChange  accept a constituent count change above the failure threshold
     * @param eventSymbols      symbols whose earnings and dividends the events task refreshes
     * @param daysAhead         how far ahead the events task looks, 1 to {@link #MAX_DAYS_AHEAD} days
     * @param sourceUrls        URL overrides by source key
     * @param snapshot          read the bundled dated page copies instead of the network
     * @param planId            the dry run whose plan to apply ("" or null for none)
     * @param rollbackBackupId  the backup to restore ("" or null for none)
     * @param sourceTimeout     the deadline for each source and event provider; null for the runner's default
     * @param trigger           {@link #MANUAL}, {@link #SCHEDULE} or {@link #API_PREFIX}{@code LABEL}; null for manual
     * @throws IllegalArgumentException for a plan together with a rollback, a plan in a dry run, a
     *                                  non-positive source timeout, days ahead outside 1 to
     *                                  {@link #MAX_DAYS_AHEAD}, or an unknown trigger
     */
    public RunRequest {
        tasks = List.copyOf(tasks);
        eventSymbols = List.copyOf(eventSymbols);
        sourceUrls = Map.copyOf(sourceUrls);
        planId = Objects.requireNonNullElse(planId, "");
        rollbackBackupId = Objects.requireNonNullElse(rollbackBackupId, "");
        trigger = Objects.requireNonNullElse(trigger, MANUAL);
        if (!trigger.equals(MANUAL) && !trigger.equals(SCHEDULE) && !API_TRIGGER.matcher(trigger).matches()) {
            throw new IllegalArgumentException("trigger must be " + MANUAL + ", " + SCHEDULE + " or " + API_PREFIX
                    + "LABEL, got '" + trigger + "'");
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

    /**
     * Whether this request applies a saved plan.
     *
     * @return true when {@link #planId()} is set
     */
    public boolean hasPlan() {
        return !planId.isEmpty();
    }

    /**
     * Whether this request restores a backup (or previews restoring it, in a dry run).
     *
     * @return true when {@link #rollbackBackupId()} is set
     */
    public boolean isRollback() {
        return !rollbackBackupId.isEmpty();
    }

    /**
     * The same request with other task names.
     *
     * @param names task or group names
     * @return a new request
     */
    public RunRequest withTasks(List<String> names) {
        return new RunRequest(names, dryRun, allowLargeChange, eventSymbols, daysAhead, sourceUrls, snapshot, planId,
                rollbackBackupId, sourceTimeout, trigger);
    }

    /**
     * The same request with another trigger.
     *
     * @param value {@link #MANUAL}, {@link #SCHEDULE} or {@link #API_PREFIX}{@code LABEL}
     * @return a new request
     */
    public RunRequest withTrigger(String value) {
        return new RunRequest(tasks, dryRun, allowLargeChange, eventSymbols, daysAhead, sourceUrls, snapshot, planId,
                rollbackBackupId, sourceTimeout, value);
    }

    /**
     * The same request with {@code timeout} as its source deadline unless it has its own.
     *
     * @param timeout the runner's default deadline
     * @return a new request
     */
    public RunRequest withDefaultSourceTimeout(Duration timeout) {
        return new RunRequest(tasks, dryRun, allowLargeChange, eventSymbols, daysAhead, sourceUrls, snapshot, planId,
                rollbackBackupId, sourceTimeout != null ? sourceTimeout : timeout, trigger);
    }

    /**
     * The deadline for each source.
     *
     * @return the request's own, else {@link SourceContext#DEFAULT_TIMEOUT}
     */
    public Duration effectiveSourceTimeout() {
        return sourceTimeout != null ? sourceTimeout : SourceContext.DEFAULT_TIMEOUT;
    }

    /**
     * The same request with these URL overrides under its own (the request's win).
     *
     * @param defaults URL overrides by source key, e.g. from the runner's configuration
     * @return a new request
     */
    public RunRequest withDefaultSourceUrls(Map<String, String> defaults) {
        Map<String, String> urls = new LinkedHashMap<>(defaults);
        urls.putAll(sourceUrls);
        return new RunRequest(tasks, dryRun, allowLargeChange, eventSymbols, daysAhead, urls, snapshot, planId,
                rollbackBackupId, sourceTimeout, trigger);
    }

    /**
     * A dry run of the named tasks or groups.
     *
     * @param tasks task or group names; none for the default set
     * @return the request
     */
    public static RunRequest dryRun(String... tasks) {
        return builder().tasks(List.of(tasks)).build();
    }

    /**
     * A builder for a dry run of the default set, to be changed as needed.
     *
     * @return a new builder
     */
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

        /**
         * Adds a task or group.
         *
         * @param task a task or group name
         * @return this builder
         */
        public Builder task(String task) {
            tasks.add(Objects.requireNonNull(task, "task"));
            return this;
        }

        /**
         * Adds tasks or groups.
         *
         * @param names task or group names
         * @return this builder
         */
        public Builder tasks(List<String> names) {
            names.forEach(this::task);
            return this;
        }

        /**
         * Preview only (the default) or apply.
         *
         * @param value true for a dry run
         * @return this builder
         */
        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        /**
         * Ask to apply changes rather than preview them.
         *
         * @return this builder
         */
        public Builder apply() {
            return dryRun(false);
        }

        /**
         * Accept a constituent count change above the failure threshold.
         *
         * @param value true to accept it
         * @return this builder
         */
        public Builder allowLargeChange(boolean value) {
            this.allowLargeChange = value;
            return this;
        }

        /**
         * Adds symbols whose earnings and dividends the events task refreshes.
         *
         * @param symbols ticker symbols
         * @return this builder
         */
        public Builder eventSymbols(List<String> symbols) {
            eventSymbols.addAll(symbols);
            return this;
        }

        /**
         * How far ahead the events task looks.
         *
         * @param days 1 to {@link #MAX_DAYS_AHEAD} (checked by {@link #build()})
         * @return this builder
         */
        public Builder daysAhead(int days) {
            this.daysAhead = days;
            return this;
        }

        /**
         * Overrides the URL a source or provider reads.
         *
         * @param key the source key, e.g. the index key or an event provider's key
         * @param url the URL ({@code http:}, {@code https:} or {@code file:})
         * @return this builder
         */
        public Builder sourceUrl(String key, String url) {
            sourceUrls.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(url, "url"));
            return this;
        }

        /**
         * Overrides several source URLs.
         *
         * @param urls URLs by source key
         * @return this builder
         */
        public Builder sourceUrls(Map<String, String> urls) {
            urls.forEach(this::sourceUrl);
            return this;
        }

        /**
         * Read the bundled dated page copies instead of the network.
         *
         * @param value true for the snapshot
         * @return this builder
         */
        public Builder snapshot(boolean value) {
            this.snapshot = value;
            return this;
        }

        /**
         * Apply exactly what the dry run with this report id previewed, without fetching (needs {@link #apply()}).
         *
         * @param reportId the dry run's report id
         * @return this builder
         */
        public Builder plan(String reportId) {
            this.planId = Objects.requireNonNull(reportId, "reportId");
            return this;
        }

        /**
         * Restore a backup through the apply path (or preview that, in a dry run).
         *
         * @param backupId a backup id, or {@link #LATEST_BACKUP} for the newest
         * @return this builder
         */
        public Builder rollback(String backupId) {
            this.rollbackBackupId = Objects.requireNonNull(backupId, "backupId");
            return this;
        }

        /**
         * The deadline for each source and event provider (default: the runner's, 60 s unless configured).
         *
         * @param timeout a positive duration, or null for the runner's
         * @return this builder
         */
        public Builder sourceTimeout(Duration timeout) {
            this.sourceTimeout = timeout;
            return this;
        }

        /**
         * What started the run, recorded in the report as {@code trigger}.
         *
         * @param value {@link #MANUAL} (the default) or {@link #SCHEDULE}
         * @return this builder
         */
        public Builder trigger(String value) {
            this.trigger = Objects.requireNonNull(value, "trigger");
            return this;
        }

        /**
         * The request.
         *
         * @return a new request
         * @throws IllegalArgumentException as {@link RunRequest}'s constructor does
         */
        public RunRequest build() {
            return new RunRequest(tasks, dryRun, allowLargeChange, eventSymbols, daysAhead, sourceUrls, snapshot, planId,
                    rollbackBackupId, sourceTimeout, trigger);
        }
    }
}
