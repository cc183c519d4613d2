package com.twsrobot.maintenance.console;

import java.util.Map;

/** {@code GET /}: to the dashboard. */
final class RootRoute implements ConsoleRoute {

    @Override
    public RouteSpec spec() {
        return RouteSpec.get("/").share(RouteSpec.Share.PAGE);
    }

    @Override
    public ConsoleResponse handle(RouteCall call) {
        return Answers.redirect(call.request().base() + "/maintenance", Map.of());
    }
}
