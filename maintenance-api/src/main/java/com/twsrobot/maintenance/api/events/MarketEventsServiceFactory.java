package com.twsrobot.maintenance.api.events;

import java.time.Clock;

/** Opens the embedded events service on a JDBC URL; found with {@link java.util.ServiceLoader}. */
public interface MarketEventsServiceFactory {

    /**
     * Opens the service, creating the host's tables where they are missing.
     *
     * @param jdbcUrl e.g. {@code jdbc:sqlite:data/market_events.db}
     * @param clock   the runner's clock
     * @return the service
     */
    MarketEventsService open(String jdbcUrl, Clock clock);
}
