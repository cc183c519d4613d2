package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.Trigger;
import com.twsrobot.maintenance.api.UnknownTaskException;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.report.ReportJson;

import java.util.List;
import java.util.Optional;

/**
 * Runs as this console's one run: a second one gets 409 naming the first, a run another process
 * locked out gets 409 too. The POST routes and the schedule start runs only through here.
 */
final class ConsoleRuns {

    private final MaintenanceRunner runner;
    private final RunTracker tracker;

    ConsoleRuns(MaintenanceRunner runner, RunTracker tracker) {
        this.runner = runner;
        this.tracker = tracker;
    }

    /** Runs a request a route built; {@code label} and who asked go to every tab that follows the run. */
    ConsoleResponse start(RouteCall call, RunRequest request, String label) {
        Outcome<List<String>> names = taskNames(request);
        if (names.stopped()) {
            return names.stoppedWith();
        }
        Optional<String> apiToken = call.console().security().apiTokenLabel(call.request());
        String by = apiToken.map(t -> " by API token " + t).or(() -> call.request().user().map(u -> " by " + u)).orElse("");
        // The report records which program asked: "trigger": "api:LABEL".
        RunRequest recorded = apiToken.map(t -> request.withTrigger(Trigger.apiToken(t))).orElse(request);
        Optional<RunReport> ran = runTracked(recorded, label + by, names.value());
        if (ran.isEmpty()) {
            RunTracker.CurrentRun busy = tracker.current().orElse(null);
            return Answers.error(409, busy == null ? "a run is in progress; try again in a moment"
                    : "a " + busy.label + " (" + busy.mode.title() + ") is in progress (tasks " + busy.tasks + ", started "
                    + ReportJson.timestamp(busy.startedAt) + "); try again when it has finished");
        }
        RunReport report = ran.get();
        ObjectNode tree = ReportJson.toTree(report);
        if (request.mode() instanceof RunMode.Rollback) {
            // What the operator confirms a restore against: the rollback dialog shows it beside the diff.
            ArrayNode open = tree.putArray("market_open");
            runner.marketOpenWarnings().forEach(open::add);
        }
        return Answers.json(report.refusedByLock() ? 409 : 200, tree);
    }

    /** A scheduled run, as the one run every tab follows; empty when another run is under way. */
    Optional<RunReport> runScheduled(RunRequest request) {
        try {
            return runTracked(request, "scheduled run", resolve(request));
        } catch (UnknownTaskException e) {
            throw new IllegalArgumentException("schedule.tasks: " + e.getMessage(), e);
        }
    }

    /** The tasks the request runs, or a 400 naming the one the registry does not know. */
    Outcome<List<String>> taskNames(RunRequest request) {
        try {
            return Outcome.of(resolve(request));
        } catch (UnknownTaskException e) { // the registry's API says it this way; a value from here on
            return Outcome.badRequest(e.getMessage());
        }
    }

    private List<String> resolve(RunRequest request) throws UnknownTaskException {
        return request.mode() instanceof RunMode.ApplyPlan && request.tasks().isEmpty() ? List.of()
                : runner.registry().resolve(request.tasks()).stream().map(t -> t.name()).toList();
    }

    /** Runs the request as this console's one run, or returns empty when another is under way. */
    private Optional<RunReport> runTracked(RunRequest request, String label, List<String> names) {
        Optional<RunTracker.CurrentRun> claimed = tracker.begin(label, names, request.mode());
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(runner.run(request, message -> tracker.progress(claimed.get(), message)));
        } finally {
            tracker.end(claimed.get());
        }
    }
}
