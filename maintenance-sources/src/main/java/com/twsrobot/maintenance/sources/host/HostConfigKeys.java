package com.twsrobot.maintenance.sources.host;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.api.DeclaredConfigKeys;

/** The host's market-events service's options, as config keys. */
public final class HostConfigKeys extends DeclaredConfigKeys {

    public static final ConfigKey POLL_MILLIS = ConfigKey.whole("provider_option." + HostMarketEventsService.POLL_OPTION,
            10, 60_000, "1000", "host-http: the pause between two looks at the host's sync log, in milliseconds");

    public HostConfigKeys() {
        super("the host's market-events service", POLL_MILLIS);
    }
}
