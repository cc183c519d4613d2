package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.core.MaintenanceHealth;

/** {@code GET /maintenance/badge.svg}: the overall health as a small image for a wiki or another dashboard. */
final class BadgeRoute implements ConsoleRoute {

    @Override
    public RouteSpec spec() {
        return RouteSpec.get("/maintenance/badge.svg").share(RouteSpec.Share.PROBE);
    }

    @Override
    public ConsoleResponse handle(RouteCall call) {
        return Answers.text("image/svg+xml; charset=utf-8",
                HealthBadge.svg(MaintenanceHealth.of(call.console().runner()).overall()));
    }
}
