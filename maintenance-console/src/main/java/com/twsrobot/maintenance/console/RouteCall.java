package com.twsrobot.maintenance.console;

import java.io.IOException;

/**
 * An admitted request as a route sees it: the request, its query, and the console it runs in.
 *
 * @param request the request
 * @param query   its parsed query
 * @param console the runner and the console's shared state
 */
record RouteCall(ConsoleRequest request, Query query, ConsoleContext console) {

    /** The body, at most the console's limit (else a 413 answer). */
    Outcome<String> body() throws IOException {
        return RequestBody.read(request, console.maxBodyBytes());
    }
}
