package com.twsrobot.maintenance.console;

import java.io.IOException;

/**
 * One page or API endpoint of the console: what it answers ({@link #spec()}: method, path, the access it
 * needs) and how ({@link #handle}). The security filter has admitted the request before a route sees
 * it; a route only does its one job and says what went wrong as an answer, never by throwing. Routes are
 * listed in {@link RouteTable#BUILT_IN}.
 */
interface ConsoleRoute {

    /** Method, path, access and share: what the table matches and the filter enforces. */
    RouteSpec spec();

    /**
     * The answer to an admitted request.
     *
     * @throws IOException only when the request's body could not be read (the client went away)
     */
    ConsoleResponse handle(RouteCall call) throws IOException;
}
