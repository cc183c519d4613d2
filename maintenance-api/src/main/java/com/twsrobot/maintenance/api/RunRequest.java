package com.twsrobot.maintenance.api;

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
 */
public record RunRequest(List<String> tasks, boolean dryRun, boolean allowLargeChange, List<String> eventSymbols,
                         int daysAhead, Map<String, String> sourceUrls, boolean snapshot) {

    public static final int DEFAULT_DAYS_AHEAD = 28;
    public static final int MAX_DAYS_AHEAD = 90;

    public RunRequest {
        tasks = List.copyOf(tasks);
        eventSymbols = List.copyOf(eventSymbols);
        sourceUrls = Map.copyOf(sourceUrls);
        if (daysAhead < 1 || daysAhead > MAX_DAYS_AHEAD) {
            throw new IllegalArgumentException("days ahead must be between 1 and " + MAX_DAYS_AHEAD + ", got " + daysAhead);
        }
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

        public RunRequest build() {
            return new RunRequest(tasks, dryRun, allowLargeChange, eventSymbols, daysAhead, sourceUrls, snapshot);
        }
    }
}
