package com.twsrobot.maintenance.core.invalidation;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.api.DeclaredConfigKeys;

import java.util.List;

/** How the running host is told that a file changed. */
public final class InvalidatorConfigKeys extends DeclaredConfigKeys {

    public static final ConfigKey HTTP_URL = ConfigKey.of("invalidator.http.url", ConfigKey.Type.URL, "off",
            "POSTed to after each successful replace");
    public static final ConfigKey HTTP_TOKEN_FILE = ConfigKey.of("invalidator.http.token_file", ConfigKey.Type.PATH,
            "none", "a file holding the bearer token for invalidator.http.url");
    public static final ConfigKey MARKER = ConfigKey.choice("invalidator.marker", List.of("on", "off"), "off",
            "on: rewrite data/.generation/<index>.json after each successful replace");

    public InvalidatorConfigKeys() {
        super("the cache invalidators", HTTP_URL, HTTP_TOKEN_FILE, MARKER);
    }
}
