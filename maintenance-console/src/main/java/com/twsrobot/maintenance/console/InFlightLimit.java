package com.twsrobot.maintenance.console;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many requests each client has under way, with a cap per client. A client is a key the security
 * gives ({@link ConsoleSecurity#clientKey}): the browser session, the API token's label, the host's
 * user, or else the address, so one flooding script fills only its own share. A key's entry goes once
 * its count is back to zero, so the map holds only clients with requests under way.
 */
final class InFlightLimit {

    private final int maxPerClient;
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    InFlightLimit(int maxPerClient) {
        this.maxPerClient = maxPerClient;
    }

    int maxPerClient() {
        return maxPerClient;
    }

    /**
     * Counts a request of {@code client} as under way. Whatever it answers, the caller calls
     * {@link #leave} once the request is done.
     *
     * @return true when the client is within its cap, false when the request must be refused
     */
    boolean enter(String client) {
        return inFlight.merge(client, 1, Integer::sum) <= maxPerClient;
    }

    /** The end of a request {@link #enter} counted. */
    void leave(String client) {
        inFlight.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Requests of {@code client} under way now (for tests that wait for a server to pick requests up). */
    int underWay(String client) {
        return inFlight.getOrDefault(client, 0);
    }
}
