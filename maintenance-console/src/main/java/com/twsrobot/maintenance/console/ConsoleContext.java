package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.schedule.ScheduledRuns;

import java.util.Optional;

/**
 * What the routes of one console share: the host's runner, the one run under way, the metrics, the
 * schedule, the security (for the page's CSRF token and who asked) and the body limit.
 */
final class ConsoleContext {

    private final MaintenanceRunner runner;
    private final ConsoleSecurity security;
    private final RunTracker tracker;
    private final ConsoleMetrics metrics = new ConsoleMetrics();
    private final ConsoleRuns runs;
    private final int maxBodyBytes;
    private volatile ScheduledRuns schedule;

    ConsoleContext(MaintenanceRunner runner, ConsoleSecurity security, RunTracker tracker, int maxBodyBytes) {
        this.runner = runner;
        this.security = security;
        this.tracker = tracker;
        this.maxBodyBytes = maxBodyBytes;
        this.runs = new ConsoleRuns(runner, tracker);
    }

    MaintenanceRunner runner() {
        return runner;
    }

    ConsoleSecurity security() {
        return security;
    }

    RunTracker tracker() {
        return tracker;
    }

    ConsoleMetrics metrics() {
        return metrics;
    }

    ConsoleRuns runs() {
        return runs;
    }

    int maxBodyBytes() {
        return maxBodyBytes;
    }

    Optional<ScheduledRuns> schedule() {
        return Optional.ofNullable(schedule);
    }

    void schedule(ScheduledRuns runs) {
        schedule = runs;
    }

    /** A constituent task of this runner, for examples in messages. */
    String exampleTask() {
        return runner.indexes().stream().map(IndexSpec::taskName).findFirst().orElse("TASK");
    }

    /** {@code name} when it is one of the runner's constituent tasks, else a 400 listing them. */
    Outcome<String> constituentTask(String name) {
        if (runner.indexes().stream().anyMatch(i -> i.taskName().equals(name))) {
            return Outcome.of(name);
        }
        return Outcome.badRequest("unknown constituent task '" + name + "'; known: "
                + runner.indexes().stream().map(IndexSpec::taskName).toList());
    }
}
