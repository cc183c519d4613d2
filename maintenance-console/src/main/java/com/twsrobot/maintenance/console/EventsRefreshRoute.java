package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.events.MarketEventsOptions;

import java.io.IOException;
import java.util.List;

/** {@code POST /api/market-events/refresh}: applies a market-events sync for the symbols (all when none) and window. */
final class EventsRefreshRoute implements ConsoleRoute {

    private static final String DAYS = "days_ahead must be a whole number from 1 to 90";

    /** The body: the symbols and how many days ahead, both optional. */
    record Body(@JsonProperty("symbols") List<String> symbols, @JsonProperty("days_ahead") Integer daysAhead) {

        static String wrongType(String field) {
            return field.equals("days_ahead") ? DAYS : field + " must be an array of strings";
        }

        Outcome<RunRequest> toRequest() {
            if (daysAhead != null && (daysAhead < 1 || daysAhead > MarketEventsOptions.MAX_DAYS_AHEAD)) {
                return Outcome.badRequest(DAYS);
            }
            return JsonBody.nonEmptyStrings("symbols", symbols).map(names -> RunRequest.builder().task("market_events")
                    .mode(RunMode.apply()).options(new MarketEventsOptions(names, daysAhead != null ? daysAhead
                            : MarketEventsOptions.DEFAULT_DAYS_AHEAD)).build());
        }
    }

    @Override
    public RouteSpec spec() {
        return RouteSpec.post("/api/market-events/refresh");
    }

    @Override
    public ConsoleResponse handle(RouteCall call) throws IOException {
        Outcome<Body> body = call.body().then(text -> JsonBody.bind(text, Body.class, Body::wrongType));
        if (!body.stopped() && !call.console().runner().registry().taskNames().contains("market_events")) {
            return Answers.error(501, "market events are not available in this runner (no market_events task)");
        }
        return body.then(Body::toRequest)
                .respond(request -> call.console().runs().start(call, request, "market events refresh"));
    }
}
