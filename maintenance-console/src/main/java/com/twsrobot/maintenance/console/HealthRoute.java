package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.core.MaintenanceHealth;
import com.twsrobot.maintenance.core.report.ReportJson;

/** {@code GET /api/maintenance/health}: 200 when nothing fails, 503 when something does, so a plain HTTP probe can alert on it. */
final class HealthRoute implements ConsoleRoute {

    @Override
    public RouteSpec spec() {
        return RouteSpec.get("/api/maintenance/health").share(RouteSpec.Share.PROBE);
    }

    @Override
    public ConsoleResponse handle(RouteCall call) {
        MaintenanceHealth.Health health = MaintenanceHealth.of(call.console().runner());
        ObjectNode node = ReportJson.mapper().createObjectNode();
        node.put("overall", health.overall());
        node.put("generated_at", ReportJson.timestamp(health.generatedAt()));
        ArrayNode parts = node.putArray("parts");
        for (MaintenanceHealth.Part part : health.parts()) {
            ObjectNode p = parts.addObject();
            p.put("name", part.name());
            p.put("task", part.task());
            p.put("state", part.state());
            p.put("reason", part.reason());
            if (part.ageSeconds().isPresent()) {
                p.put("age_seconds", part.ageSeconds().get());
            } else {
                p.putNull("age_seconds");
            }
            p.put("last_success", part.lastSuccess().map(ReportJson::timestamp).orElse(null));
            if (part.lastApplied().isPresent()) {
                MaintenanceHealth.Applied applied = part.lastApplied().get();
                p.putObject("last_apply").put("source", applied.source()).put("report_id", applied.reportId())
                        .put("at", ReportJson.timestamp(applied.at()));
            } else {
                p.putNull("last_apply");
            }
        }
        return Answers.json(health.overall().equals("fail") ? 503 : 200, node);
    }
}
