package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.api.DeclaredConfigKeys;

import java.util.List;
import java.util.Optional;

/** Where market events are kept: the embedded store, or the host's own service over HTTP. */
public final class MarketEventsConfigKeys extends DeclaredConfigKeys {

    public static final ConfigKey EVENTS_DB = ConfigKey.of("events_db", ConfigKey.Type.TEXT,
            "jdbc:sqlite:<data_dir>/market_events.db", "the JDBC URL of the event store (SQLite or PostgreSQL)")
            .checkedBy((key, value) -> value.startsWith("jdbc:") ? Optional.empty() : Optional.of(key
                    + " must be a JDBC URL (jdbc:sqlite:… or jdbc:postgresql:…), got '" + value + "'"));
    public static final ConfigKey EVENTS_SERVICE = ConfigKey.choice("events_service", List.of("embedded", "host-http"),
            "embedded", "embedded: the library's providers write events_db; host-http: the host's own service");
    public static final ConfigKey HOST_URL = ConfigKey.of("host.url", ConfigKey.Type.URL, "none",
            "host-http: the TWS Robot web app");
    public static final ConfigKey HOST_USERNAME = ConfigKey.of("host.username", ConfigKey.Type.TEXT, "none",
            "host-http: the user the task logs in as");
    public static final ConfigKey HOST_PASSWORD_FILE = ConfigKey.of("host.password_file", ConfigKey.Type.PATH, "none",
            "host-http: a file whose first line is that user's password, readable by its owner only");

    public MarketEventsConfigKeys() {
        super("the market-events service", EVENTS_DB, EVENTS_SERVICE, HOST_URL, HOST_USERNAME, HOST_PASSWORD_FILE);
    }
}
