package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.events.MarketEventsOptions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /api/maintenance/run}: a dry run unless the body says {@code "dry_run": false}. */
final class RunRoute implements ConsoleRoute {

    /** The body; absent or null fields take the defaults. */
    record Body(@JsonProperty("tasks") List<String> tasks, @JsonProperty("dry_run") Boolean dryRun,
                @JsonProperty("allow_large_change") Boolean allowLargeChange,
                @JsonProperty("event_symbols") List<String> eventSymbols, @JsonProperty("days_ahead") Integer daysAhead,
                @JsonProperty("plan_id") String planId) {

        static String wrongType(String field) {
            return switch (field) {
                case "tasks", "event_symbols" -> field + " must be an array of strings";
                case "dry_run", "allow_large_change" -> field + " must be true or false";
                case "days_ahead" -> "days_ahead must be a whole number from 1 to 90";
                case "plan_id" -> "plan_id must be a string (a dry run's report id)";
                default -> field + " has the wrong type";
            };
        }

        Outcome<RunRequest> toRequest() {
            return JsonBody.nonEmptyStrings("tasks", tasks).then(names -> JsonBody.nonEmptyStrings("event_symbols",
                    eventSymbols).then(symbols -> toRequest(names, symbols)));
        }

        private Outcome<RunRequest> toRequest(List<String> names, List<String> symbols) {
            boolean dry = dryRun == null || dryRun;
            if (daysAhead != null && (daysAhead < 1 || daysAhead > MarketEventsOptions.MAX_DAYS_AHEAD)) {
                return Outcome.badRequest("days_ahead must be from 1 to 90, got " + daysAhead);
            }
            if (planId != null && dry) {
                return Outcome.badRequest("plan_id applies a preview: send \"dry_run\": false with it");
            }
            RunMode mode = planId != null ? RunMode.applyPlan(planId) : dry ? RunMode.preview() : RunMode.apply();
            return Outcome.of(RunRequest.builder().tasks(names).mode(mode)
                    .allowLargeChange(allowLargeChange != null && allowLargeChange)
                    .options(new MarketEventsOptions(symbols, daysAhead != null ? daysAhead
                            : MarketEventsOptions.DEFAULT_DAYS_AHEAD)).build());
        }
    }

    /**
     * event_symbols and days_ahead are the market-events task's options: sent for a run without that
     * task they would be ignored without a word, so the run is refused naming them (as the CLI does).
     */
    static Outcome<RunRequest> optionsFitTasks(Body body, RunRequest request, ConsoleRuns runs) {
        List<String> given = new ArrayList<>();
        if (body.eventSymbols() != null && !body.eventSymbols().isEmpty()) {
            given.add("event_symbols");
        }
        if (body.daysAhead() != null) {
            given.add("days_ahead");
        }
        if (given.isEmpty()) {
            return Outcome.of(request);
        }
        return runs.taskNames(request).then(names -> names.contains(MarketEventsOptions.TASK) ? Outcome.of(request)
                : Outcome.badRequest(String.join(" and ", given) + (given.size() == 1 ? " is an option" : " are options")
                        + " of the " + MarketEventsOptions.TASK + " task, which this run does not include (it runs "
                        + String.join(", ", names) + "); add \"" + MarketEventsOptions.TASK + "\" to tasks or leave "
                        + (given.size() == 1 ? "it" : "them") + " out"));
    }

    @Override
    public RouteSpec spec() {
        return RouteSpec.post("/api/maintenance/run");
    }

    @Override
    public ConsoleResponse handle(RouteCall call) throws IOException {
        return call.body().then(text -> JsonBody.bind(text, Body.class, Body::wrongType))
                .then(body -> body.toRequest().then(request -> optionsFitTasks(body, request, call.console().runs())))
                .respond(request -> call.console().runs().start(call, request, "run"));
    }
}
