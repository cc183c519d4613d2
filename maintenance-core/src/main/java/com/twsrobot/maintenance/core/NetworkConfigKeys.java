package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.api.ConfigurationException;
import com.twsrobot.maintenance.api.DeclaredConfigKeys;
import com.twsrobot.maintenance.api.HttpSettings;
import com.twsrobot.maintenance.core.config.ConfigValues;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

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
        super("the runner's HTTP settings", CONNECT_TIMEOUT_SECONDS, REQUEST_TIMEOUT_SECONDS, ATTEMPTS, USER_AGENT, PROXY,
                MAX_BODY_MIB);
    }

    /**
     * The network settings the file's {@code http.*} keys give, empty when it sets none. Each value was
     * checked on its own, and HttpSettings has no rule between them, so this cannot fail.
     */
    public static Optional<HttpSettings> settings(ConfigValues v) {
        if (Stream.of(CONNECT_TIMEOUT_SECONDS, REQUEST_TIMEOUT_SECONDS, ATTEMPTS, USER_AGENT, PROXY, MAX_BODY_MIB)
                .noneMatch(v::has)) {
            return Optional.empty();
        }
        HttpSettings http = HttpSettings.DEFAULT;
        http = http.withTimeouts(v.whole(CONNECT_TIMEOUT_SECONDS).map(Duration::ofSeconds).orElse(http.connectTimeout()),
                v.whole(REQUEST_TIMEOUT_SECONDS).map(Duration::ofSeconds).orElse(http.requestTimeout()));
        http = http.withAttemptsPerUrl(v.whole(ATTEMPTS).map(Long::intValue).orElse(http.attemptsPerUrl()));
        http = http.withUserAgent(v.text(USER_AGENT).orElse(http.userAgent()));
        http = v.text(PROXY).map(http::withProxy).orElse(http);
        http = http.withMaxBodyBytes(v.whole(MAX_BODY_MIB).map(mib -> mib * 1024 * 1024).orElse(http.maxBodyBytes()));
        return Optional.of(http);
    }

    /**
     * A value is fine when {@link HttpSettings} takes it; its refusal is the sentence, as it names the
     * setting already ("http.proxy 'x' is not host:port"), so the key is not put before it a second time.
     */
    private static ConfigKey.Check accepted(java.util.function.Consumer<String> apply) {
        return (key, value) -> {
            try {
                apply.accept(value);
                return Optional.empty();
            } catch (ConfigurationException e) { // HttpSettings' own validation, worded for operators
                return Optional.of(e.getMessage());
            }
        };
    }
}
