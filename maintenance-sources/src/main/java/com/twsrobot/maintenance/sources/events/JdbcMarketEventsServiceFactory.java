package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.events.MarketEventsService;
import com.twsrobot.maintenance.api.events.MarketEventsServiceFactory;

import java.time.Clock;

/** Lets the runner open the embedded service without depending on this module. */
public final class JdbcMarketEventsServiceFactory implements MarketEventsServiceFactory {

    @Override
    public MarketEventsService open(String jdbcUrl, Clock clock) {
        return JdbcMarketEventsService.open(jdbcUrl, clock);
    }
}
