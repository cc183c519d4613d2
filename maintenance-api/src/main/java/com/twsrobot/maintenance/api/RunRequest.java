package com.twsrobot.maintenance.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run and how, built with {@link #builder()}: the tasks, the {@link RunMode} (a preview unless
 * an apply is asked for explicitly), what started it ({@link Trigger}), the sources' URL overrides and
 * deadline, and the options of the tasks that have their own ({@link TaskOptions}, e.g. the market-events
 * task's symbols and window). Immutable.
 */
public final class RunRequest {

    private final List<String> tasks;
    private final RunMode mode;
    private final boolean allowLargeChange;
    private final Map<Class<? extends TaskOptions>, TaskOptions> options;
    private final Map<String, String> sourceUrls;
    private final boolean snapshot;
    private final Duration sourceTimeout;
    private final Trigger trigger;

    private RunRequest(List<String> tasks, RunMode mode, boolean allowLargeChange,
                       Map<Class<? extends TaskOptions>, TaskOptions> options, Map<String, String> sourceUrls,
                       boolean snapshot, Duration sourceTimeout, Trigger trigger) {
        this.tasks = List.copyOf(tasks);
        this.mode = Objects.requireNonNull(mode, "mode");
        this.allowLargeChange = allowLargeChange;
        this.options = Map.copyOf(options);
        this.sourceUrls = Map.copyOf(sourceUrls);
        this.snapshot = snapshot;
        this.sourceTimeout = sourceTimeout;
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        if (sourceTimeout != null && (sourceTimeout.isNegative() || sourceTimeout.isZero())) {
            throw new IllegalArgumentException("the source timeout must be positive, got " + sourceTimeout);
        }
    }

    /**
     * The task or group names.
     *
     * @return the names; empty means the default set (group {@code all}), or a plan's own tasks
     */
    public List<String> tasks() {
        return tasks;
    }

    /**
     * How the run treats the data.
     *
     * @return the mode; {@link RunMode#preview()} unless the builder was told otherwise
     */
    public RunMode mode() {
        return mode;
    }

    /**
     * Whether nothing but the report is written (a preview or a rollback preview).
     *
     * @return {@code mode().dryRun()}
     */
    public boolean dryRun() {
        return mode.dryRun();
    }

    /**
     * Whether a constituent count change above the failure threshold is accepted.
     *
     * @return true when asked for
     */
    public boolean allowLargeChange() {
        return allowLargeChange;
    }

    /**
     * The options of type {@code type}, as the task that declares them reads them.
     *
     * @param type the options' record type, e.g. {@code MarketEventsOptions.class}
     * @param <T>  that type
     * @return the request's options of that type; empty when it carries none (the task's defaults apply)
     */
    public <T extends TaskOptions> Optional<T> options(Class<T> type) {
        return Optional.ofNullable(options.get(type)).map(type::cast);
    }

    /**
     * URL overrides by source key ({@code ftse100}, {@code fomc}, ...).
     *
     * @return the overrides
     */
    public Map<String, String> sourceUrls() {
        return sourceUrls;
    }

    /**
     * Whether the sources read the bundled dated page copies instead of the network.
     *
     * @return true for the snapshot
     */
    public boolean snapshot() {
        return snapshot;
    }

    /**
     * The deadline for each source and event provider: fetching (every try and fallback, bodies
     * included) and parsing.
     *
     * @return the request's own, or null for the runner's default
     */
    public Duration sourceTimeout() {
        return sourceTimeout;
    }

    /**
     * What started the run, recorded in its report.
     *
     * @return the trigger; {@link Trigger#manual()} unless the builder was told otherwise
     */
    public Trigger trigger() {
        return trigger;
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
     * The same request with other task names.
     *
     * @param names task or group names
     * @return a new request
     */
    public RunRequest withTasks(List<String> names) {
        return new RunRequest(names, mode, allowLargeChange, options, sourceUrls, snapshot, sourceTimeout, trigger);
    }

    /**
     * The same request in another mode, e.g. a rollback to {@code latest} pinned to the backup id it means.
     *
     * @param value the mode
     * @return a new request
     */
    public RunRequest withMode(RunMode value) {
        return new RunRequest(tasks, value, allowLargeChange, options, sourceUrls, snapshot, sourceTimeout, trigger);
    }

    /**
     * The same request with another trigger.
     *
     * @param value what started the run
     * @return a new request
     */
    public RunRequest withTrigger(Trigger value) {
        return new RunRequest(tasks, mode, allowLargeChange, options, sourceUrls, snapshot, sourceTimeout, value);
    }

    /**
     * The same request with {@code timeout} as its source deadline unless it has its own.
     *
     * @param timeout the runner's default deadline
     * @return a new request
     */
    public RunRequest withDefaultSourceTimeout(Duration timeout) {
        return new RunRequest(tasks, mode, allowLargeChange, options, sourceUrls, snapshot,
                sourceTimeout != null ? sourceTimeout : timeout, trigger);
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
        return new RunRequest(tasks, mode, allowLargeChange, options, urls, snapshot, sourceTimeout, trigger);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof RunRequest r && tasks.equals(r.tasks) && mode.equals(r.mode)
                && allowLargeChange == r.allowLargeChange && options.equals(r.options) && sourceUrls.equals(r.sourceUrls)
                && snapshot == r.snapshot && Objects.equals(sourceTimeout, r.sourceTimeout) && trigger.equals(r.trigger);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tasks, mode, allowLargeChange, options, sourceUrls, snapshot, sourceTimeout, trigger);
    }

    @Override
    public String toString() {
        return "RunRequest[tasks=" + tasks + ", mode=" + mode.label() + ", allowLargeChange=" + allowLargeChange
                + ", options=" + options.values() + ", sourceUrls=" + sourceUrls + ", snapshot=" + snapshot
                + ", sourceTimeout=" + sourceTimeout + ", trigger=" + trigger.wireName() + "]";
    }

    /** Builds a request; a preview unless {@link #apply()}, {@link #plan} or {@link #mode} says otherwise. */
    public static final class Builder {
        private final List<String> tasks = new ArrayList<>();
        private RunMode mode = RunMode.preview();
        private boolean allowLargeChange;
        private final Map<Class<? extends TaskOptions>, TaskOptions> options = new LinkedHashMap<>();
        private final Map<String, String> sourceUrls = new LinkedHashMap<>();
        private boolean snapshot;
        private Duration sourceTimeout;
        private Trigger trigger = Trigger.manual();

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
         * How the run treats the data.
         *
         * @param value the mode (the default: {@link RunMode#preview()})
         * @return this builder
         */
        public Builder mode(RunMode value) {
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /**
         * Ask to apply changes rather than preview them: a preview becomes an apply, a rollback preview
         * the rollback itself (a plan's apply stays one).
         *
         * @return this builder
         */
        public Builder apply() {
            if (mode instanceof RunMode.Preview) {
                mode = RunMode.apply();
            } else if (mode instanceof RunMode.Rollback r) {
                mode = RunMode.rollback(r.backupId());
            }
            return this;
        }

        /**
         * Apply exactly what the dry run with this report id previewed, without fetching: the mode
         * {@link RunMode#applyPlan}, an apply whatever else was said.
         *
         * @param reportId the dry run's report id
         * @return this builder
         */
        public Builder plan(String reportId) {
            return mode(RunMode.applyPlan(reportId));
        }

        /**
         * Restore a backup through the apply path (with {@link #apply()}), or preview that (without).
         *
         * @param backupId a backup id, or {@link RunMode#LATEST_BACKUP} for the newest
         * @return this builder
         */
        public Builder rollback(String backupId) {
            return mode(mode.writes() ? RunMode.rollback(backupId) : RunMode.rollbackPreview(backupId));
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
         * A task's own options, replacing any of the same type.
         *
         * @param value the options, e.g. {@code new MarketEventsOptions(List.of("MSFT"), 14)}
         * @return this builder
         */
        public Builder options(TaskOptions value) {
            options.put(Objects.requireNonNull(value, "options").getClass(), value);
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
         * @param value the trigger (the default: {@link Trigger#manual()})
         * @return this builder
         */
        public Builder trigger(Trigger value) {
            this.trigger = Objects.requireNonNull(value, "trigger");
            return this;
        }

        /**
         * The request.
         *
         * @return a new request
         * @throws IllegalArgumentException for a non-positive source timeout
         */
        public RunRequest build() {
            return new RunRequest(tasks, mode, allowLargeChange, options, sourceUrls, snapshot, sourceTimeout, trigger);
        }
    }
}
