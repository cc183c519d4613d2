package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.api.DeclaredConfigKeys;
import com.twsrobot.maintenance.api.events.HostConnection;
import com.twsrobot.maintenance.core.config.ConfigProblem;
import com.twsrobot.maintenance.core.config.ConfigValues;

import java.net.URI;
import java.util.Comparator;
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

    private static final List<ConfigKey> HOST_KEYS = List.of(HOST_URL, HOST_USERNAME, HOST_PASSWORD_FILE);

    /** events_service = host-http needs all three host.* keys, and they need it. */
    public static void checkTogether(ConfigValues v, List<ConfigProblem> problems) {
        if (!hostHttp(v)) {
            HOST_KEYS.stream().filter(v::has).map(k -> v.line(k.name())).min(Comparator.naturalOrder())
                    .ifPresent(line -> problems.add(new ConfigProblem(line, "host.*", "",
                            "host.url, host.username and host.password_file need events_service = host-http")));
            return;
        }
        List<String> missing = HOST_KEYS.stream().filter(k -> v.text(k).map(String::isBlank).orElse(true))
                .map(ConfigKey::name).toList();
        if (!missing.isEmpty()) {
            problems.add(new ConfigProblem(v.line(EVENTS_SERVICE.name()), EVENTS_SERVICE.name(), "host-http",
                    "events_service = host-http needs " + String.join(", ", missing)));
        }
    }

    /** The host's service to use (events_service = host-http, its keys checked), empty for the embedded one. */
    public static Optional<HostConnection> hostConnection(ConfigValues v) {
        if (!hostHttp(v)) {
            return Optional.empty();
        }
        return Optional.of(new HostConnection(URI.create(v.text(HOST_URL).orElseThrow()), v.text(HOST_USERNAME).orElseThrow(),
                v.path(HOST_PASSWORD_FILE).orElseThrow()));
    }

    private static boolean hostHttp(ConfigValues v) {
        return v.text(EVENTS_SERVICE).map("host-http"::equals).orElse(false);
    }

    public MarketEventsConfigKeys() {
        super("the market-events service", EVENTS_DB, EVENTS_SERVICE, HOST_URL, HOST_USERNAME, HOST_PASSWORD_FILE);
    }
}
