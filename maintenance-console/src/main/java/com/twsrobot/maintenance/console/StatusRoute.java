package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.core.schedule.ScheduledRuns;

import java.util.Optional;

/** {@code GET /api/maintenance/status}: the runner's status, the run under way and the schedule. */
final class StatusRoute implements ConsoleRoute {

    @Override
    public RouteSpec spec() {
        return RouteSpec.get("/api/maintenance/status");
    }

    @Override
    public ConsoleResponse handle(RouteCall call) {
        ConsoleContext console = call.console();
        ObjectNode node = ReportJson.toTree(console.runner().status());
        node.set("run_in_progress", console.tracker().current().map(CurrentRunRoute::describe).orElse(null));
        Optional<ScheduledRuns> schedule = console.schedule();
        if (schedule.isEmpty()) {
            node.putNull("schedule");
        } else {
            ScheduledRuns runs = schedule.get();
            node.putObject("schedule").put("dry_run", runs.settings().dryRun().toString())
                    .put("apply", runs.settings().applyWhenClean() ? "when-clean" : "never")
                    .put("next_due", ReportJson.timestamp(runs.nextDue()));
        }
        return Answers.json(200, node);
    }
}
