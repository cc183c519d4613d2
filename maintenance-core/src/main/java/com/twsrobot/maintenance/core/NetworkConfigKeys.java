package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.api.DeclaredConfigKeys;
import com.twsrobot.maintenance.api.ConfigurationException;
import com.twsrobot.maintenance.api.HttpSettings;

import java.util.Optional;

/** The runner's network settings ({@link HttpSettings}), handed to every source and provider. */
public final class NetworkConfigKeys extends DeclaredConfigKeys {

    public static final ConfigKey CONNECT_TIMEOUT_SECONDS = ConfigKey.whole("http.connect_timeout_seconds", 1, 600, "10",
            "the longest wait for a connection");
    public static final ConfigKey REQUEST_TIMEOUT_SECONDS = ConfigKey.whole("http.request_timeout_seconds", 1, 3600, "20",
            "the longest wait for a response's headers");
    public static final ConfigKey ATTEMPTS = ConfigKey.whole("http.attempts", 1, 10, "3", "tries per URL");
    public static final ConfigKey USER_AGENT = ConfigKey.of("http.user_agent", ConfigKey.Type.TEXT,
            "a browser's, naming tws-maintenance/0.1", "the User-Agent header sent")
            .checkedBy(accepted(value -> HttpSettings.DEFAULT.withUserAgent(value)));
    public static final ConfigKey PROXY = ConfigKey.of("http.proxy", ConfigKey.Type.TEXT, "none",
            "host:port of an HTTP proxy; none: direct")
            .checkedBy(accepted(value -> HttpSettings.DEFAULT.withProxy(value)));
    public static final ConfigKey MAX_BODY_MIB = ConfigKey.whole("http.max_body_mib", 1, 1024, "8",
            "the largest response body read; a body over it is refused once, never retried");

    public NetworkConfigKeys() {
        super("the runner's HTTP settings", CONNECT_TIMEOUT_SECONDS, REQUEST_TIMEOUT_SECONDS, ATTEMPTS, USER_AGENT, PROXY, MAX_BODY_MIB);
    }

    /** A value is fine when {@link HttpSettings} takes it; its refusal names the setting. */
    private static ConfigKey.Check accepted(java.util.function.Consumer<String> apply) {
        return (key, value) -> {
            try {
                apply.accept(value);
                return Optional.empty();
            } catch (ConfigurationException e) { // HttpSettings' own validation, worded for operators
                return Optional.of(key + ": " + e.getMessage());
            }
        };
    }
}
