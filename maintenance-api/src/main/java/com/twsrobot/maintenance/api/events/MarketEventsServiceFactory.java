package com.twsrobot.maintenance.api.events;

import java.time.Clock;

/** Opens the embedded events service on a JDBC URL; found with {@link java.util.ServiceLoader}. */
public interface MarketEventsServiceFactory {

    MarketEventsService open(String jdbcUrl, Clock clock);
}
