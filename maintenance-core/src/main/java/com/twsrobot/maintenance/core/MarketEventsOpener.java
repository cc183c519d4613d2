package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.HttpSettings;
import com.twsrobot.maintenance.api.ServiceProviders;
import com.twsrobot.maintenance.api.events.HostConnection;
import com.twsrobot.maintenance.api.events.HostEventsServiceFactory;
import com.twsrobot.maintenance.api.events.MarketEventsService;
import com.twsrobot.maintenance.api.events.MarketEventsServiceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * Opens the runner's market-events service: the host's service over HTTP when one is configured
 * ({@code events_service = host-http}; found even without discovery, never the embedded store instead),
 * else the embedded one on the events database (found through ServiceLoader when discovery is on).
 */
final class MarketEventsOpener {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceRunner.class);

    private MarketEventsOpener() {
    }

    static Optional<MarketEventsService> open(HostConnection host, boolean discover, ClassLoader loader, String eventsDb,
                                              Clock clock, HttpSettings http) {
        if (host != null) {
            for (var factory : ServiceProviders.load(HostEventsServiceFactory.class, loader, LOG::warn)) {
                return Optional.ofNullable(factory.open(host, clock, http));
            }
            return Optional.empty();
        }
        if (discover) {
            for (MarketEventsServiceFactory factory : ServiceProviders.load(MarketEventsServiceFactory.class, loader,
                    LOG::warn)) {
                return Optional.ofNullable(factory.open(eventsDb, clock));
            }
        }
        return Optional.empty();
    }
}
