package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.api.ReportSummary;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.report.ReportFilter;
import com.twsrobot.maintenance.core.report.ReportJson;

import java.util.Optional;

/** {@code GET /api/maintenance/reports?task=&status=&mode=&offset=&limit=}: the run history, newest first. */
final class ReportsRoute implements ConsoleRoute {

    @Override
    public RouteSpec spec() {
        return RouteSpec.get("/api/maintenance/reports");
    }

    @Override
    public ConsoleResponse handle(RouteCall call) {
        MaintenanceRunner runner = call.console().runner();
        Query query = call.query();
        return query.limit(20).then(limit -> query.wholeNumber("offset", 0, 0, Integer.MAX_VALUE,
                        "offset must be a whole number, 0 or more")
                .then(offset -> filter(runner, query, offset, limit)))
                .respond(filter -> Answers.json(200, rows(runner, filter)));
    }

    private static Outcome<ReportFilter> filter(MaintenanceRunner runner, Query query, int offset, int limit) {
        try {
            return Outcome.of(ReportFilter.of(query.get("task").orElse(null), query.get("status").orElse(null),
                    query.get("mode").orElse(null), offset, limit, runner.registry().taskNames()));
        } catch (IllegalArgumentException e) { // ReportFilter's way of naming the bad parameter
            return Outcome.badRequest(e.getMessage());
        }
    }

    private static ArrayNode rows(MaintenanceRunner runner, ReportFilter filter) {
        ArrayNode array = ReportJson.mapper().createArrayNode();
        for (ReportSummary summary : runner.reports(filter)) {
            ObjectNode row = ReportJson.toTree(summary);
            // What the history shows beside the status: the tasks the run ran, and what kind of outcome it was.
            Optional<RunReport> report = runner.report(summary.reportId());
            ArrayNode tasks = row.putArray("tasks");
            report.ifPresent(r -> r.results().forEach(t -> tasks.add(t.task())));
            RunKind kind = report.map(RunKind::of).orElse(null);
            row.put("kind", kind == null ? null : kind.wireName());
            row.put("kind_label", kind == null ? "unreadable report" : kind.label());
            array.add(row);
        }
        return array;
    }
}
