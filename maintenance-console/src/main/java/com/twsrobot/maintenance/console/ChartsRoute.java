package com.twsrobot.maintenance.console;

/** {@code GET /api/maintenance/charts?reports=N}: the dashboard's chart series ({@link ConsoleCharts}). */
final class ChartsRoute implements ConsoleRoute {

    @Override
    public RouteSpec spec() {
        return RouteSpec.get("/api/maintenance/charts");
    }

    @Override
    public ConsoleResponse handle(RouteCall call) {
        return call.query().wholeNumber("reports", 200, 1, 500, "reports must be a whole number from 1 to 500")
                .respond(reports -> Answers.json(200, ConsoleCharts.of(call.console().runner(), reports)));
    }
}
