package com.twsrobot.maintenance.console;

/** {@code GET /metrics}: the Prometheus text exposition ({@link ConsoleMetrics}); scrapes run in parallel. */
final class MetricsRoute implements ConsoleRoute {

    @Override
    public RouteSpec spec() {
        return RouteSpec.get("/metrics").share(RouteSpec.Share.PROBE);
    }

    @Override
    public ConsoleResponse handle(RouteCall call) {
        return Answers.text("text/plain; version=0.0.4; charset=utf-8",
                call.console().metrics().scrape(call.console().runner()));
    }
}
