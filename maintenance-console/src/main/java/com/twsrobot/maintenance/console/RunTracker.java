package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.api.RunMode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The one run this console may have under way, and its progress lines for the page to poll. */
final class RunTracker {

    /** A run under way. */
    static final class CurrentRun {
        final String label;
        final List<String> tasks;
        final RunMode mode;
        final Instant startedAt;
        private final List<String[]> progress = new ArrayList<>();

        CurrentRun(String label, List<String> tasks, RunMode mode, Instant startedAt) {
            this.label = label;
            this.tasks = List.copyOf(tasks);
            this.mode = mode;
            this.startedAt = startedAt;
        }

        synchronized void add(Instant at, String message) {
            progress.add(new String[]{at.toString(), message});
        }

        synchronized List<String[]> progress() {
            return List.copyOf(progress);
        }
    }

    private final AtomicReference<CurrentRun> current = new AtomicReference<>();
    private final Clock clock;

    RunTracker(Clock clock) {
        this.clock = clock;
    }

    /** Claims the slot, or returns empty when a run is already under way. */
    Optional<CurrentRun> begin(String label, List<String> tasks, RunMode mode) {
        CurrentRun run = new CurrentRun(label, tasks, mode, clock.instant());
        return current.compareAndSet(null, run) ? Optional.of(run) : Optional.empty();
    }

    void end(CurrentRun run) {
        current.compareAndSet(run, null);
    }

    Optional<CurrentRun> current() {
        return Optional.ofNullable(current.get());
    }

    void progress(CurrentRun run, String message) {
        run.add(clock.instant(), message);
    }
}
