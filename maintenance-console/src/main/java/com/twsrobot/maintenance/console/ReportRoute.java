package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.core.report.ReportStore;

/** {@code GET /api/maintenance/reports/ID[?format=json|markdown]}: one report. */
final class ReportRoute implements ConsoleRoute {

    private static final String PREFIX = "/api/maintenance/reports/";

    @Override
    public RouteSpec spec() {
        return RouteSpec.get(PREFIX).underPrefix();
    }

    @Override
    public ConsoleResponse handle(RouteCall call) {
        String id = call.request().path().substring(PREFIX.length());
        MaintenanceRunner runner = call.console().runner();
        if (!ReportStore.isReportId(id)) {
            return Answers.error(404, "no report '" + id + "'");
        }
        String format = call.query().getOrDefault("format", "json");
        if (format.equals("markdown")) {
            return runner.reportMarkdown(id).map(md -> Answers.text("text/markdown; charset=utf-8", md))
                    .orElseGet(() -> Answers.error(404, "no report '" + id + "'"));
        }
        if (format.equals("json")) {
            return runner.report(id).map(r -> Answers.json(200, ReportJson.toTree(r)))
                    .orElseGet(() -> Answers.error(404, "no report '" + id + "'"));
        }
        return Answers.error(400, "format must be json or markdown");
    }
}
