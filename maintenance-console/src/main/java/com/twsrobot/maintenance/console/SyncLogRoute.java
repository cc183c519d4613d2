package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.twsrobot.maintenance.api.events.MarketEventsService;
import com.twsrobot.maintenance.core.report.ReportJson;

import java.util.Optional;

/** {@code GET /api/market-events/sync-log[?limit=]}: the market-events providers' recent syncs. */
final class SyncLogRoute implements ConsoleRoute {

    @Override
    public RouteSpec spec() {
        return RouteSpec.get("/api/market-events/sync-log");
    }

    @Override
    public ConsoleResponse handle(RouteCall call) {
        Optional<MarketEventsService> service = call.console().runner().marketEvents();
        if (service.isEmpty()) {
            return Answers.error(501, "market events are not available in this runner (no market-events service is configured)");
        }
        return call.query().limit(50).respond(limit -> {
            ArrayNode array = ReportJson.mapper().createArrayNode();
            service.get().syncLog(limit).forEach(p -> array.add(ReportJson.toTree(p)));
            return Answers.json(200, array);
        });
    }
}
