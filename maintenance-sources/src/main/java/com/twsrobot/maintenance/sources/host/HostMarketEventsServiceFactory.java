package com.twsrobot.maintenance.sources.host;

import com.twsrobot.maintenance.api.HttpSettings;
import com.twsrobot.maintenance.api.events.HostConnection;
import com.twsrobot.maintenance.api.events.HostEventsServiceFactory;
import com.twsrobot.maintenance.api.events.MarketEventsService;

import java.time.Clock;

/** Lets the runner open {@link HostMarketEventsService} ({@code events_service = host-http}) without depending on this module. */
public final class HostMarketEventsServiceFactory implements HostEventsServiceFactory {

    @Override
    public MarketEventsService open(HostConnection connection, Clock clock, HttpSettings http) {
        return new HostMarketEventsService(connection, http, clock);
    }
}
