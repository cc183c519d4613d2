package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.core.report.ReportJson;

import java.util.Optional;

/** {@code GET /api/maintenance/runs/current}: the run under way, with its progress lines, for every tab to follow. */
final class CurrentRunRoute implements ConsoleRoute {

    @Override
    public RouteSpec spec() {
        return RouteSpec.get("/api/maintenance/runs/current");
    }

    @Override
    public ConsoleResponse handle(RouteCall call) {
        ObjectNode node = ReportJson.mapper().createObjectNode();
        Optional<RunTracker.CurrentRun> run = call.console().tracker().current();
        node.put("running", run.isPresent());
        node.set("run", run.map(CurrentRunRoute::describe).orElse(null));
        return Answers.json(200, node);
    }

    /** A run under way as JSON (the status route shows it too). */
    static ObjectNode describe(RunTracker.CurrentRun run) {
        ObjectNode node = ReportJson.mapper().createObjectNode();
        node.put("label", run.label);
        node.put("dry_run", run.mode.dryRun());
        node.put("mode", run.mode.label());
        node.put("mode_title", run.mode.title()); // what the page shows: a rollback preview is one
        node.put("started_at", ReportJson.timestamp(run.startedAt));
        ArrayNode tasks = node.putArray("tasks");
        run.tasks.forEach(tasks::add);
        ArrayNode progress = node.putArray("progress");
        for (String[] line : run.progress()) {
            progress.addObject().put("at", line[0]).put("message", line[1]);
        }
        return node;
    }
}
