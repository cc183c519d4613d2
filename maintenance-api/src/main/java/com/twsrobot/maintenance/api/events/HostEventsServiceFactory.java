package com.twsrobot.maintenance.api.events;

import com.twsrobot.maintenance.api.HttpSettings;

import java.time.Clock;

/**
 * Opens a market-events service that drives the host's own service over HTTP; found through
 * ServiceLoader so the runner does not depend on the module that implements it.
 */
public interface HostEventsServiceFactory {

    /**
     * A service for the host at {@code connection}.
     *
     * @param connection where the host is and how to log in
     * @param clock      the runner's clock
     * @param http       the runner's network settings (timeouts, User-Agent, body limit)
     * @return the service (it logs in on first use, not here)
     */
    MarketEventsService open(HostConnection connection, Clock clock, HttpSettings http);
}
