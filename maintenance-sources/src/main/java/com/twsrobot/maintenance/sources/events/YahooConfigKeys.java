package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.api.DeclaredConfigKeys;

/** The Yahoo calendar provider's options, as config keys (the provider reads them from its request's options). */
public final class YahooConfigKeys extends DeclaredConfigKeys {

    public static final ConfigKey CONCURRENCY = ConfigKey.whole("provider_option." + YahooCalendarProvider.CONCURRENCY,
            1, 256, "16", "Yahoo requests in flight at once");
    public static final ConfigKey REQUESTS_PER_SECOND = ConfigKey.number(
            "provider_option." + YahooCalendarProvider.REQUESTS_PER_SECOND, 0, 10_000, "0",
            "the most Yahoo requests a second; 0: no limit");

    public YahooConfigKeys() {
        super("the Yahoo calendar provider", CONCURRENCY, REQUESTS_PER_SECOND);
    }
}
