package com.twsrobot.maintenance.core.invalidation;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.api.DeclaredConfigKeys;
import com.twsrobot.maintenance.core.config.ConfigProblem;
import com.twsrobot.maintenance.core.config.ConfigValues;

import java.util.List;

/** How the running host is told that a file changed. */
public final class InvalidatorConfigKeys extends DeclaredConfigKeys {

    public static final ConfigKey HTTP_URL = ConfigKey.of("invalidator.http.url", ConfigKey.Type.URL, "off",
            "POSTed to after each successful replace");
    public static final ConfigKey HTTP_TOKEN_FILE = ConfigKey.of("invalidator.http.token_file", ConfigKey.Type.PATH,
            "none", "a file holding the bearer token for invalidator.http.url");
    public static final ConfigKey MARKER = ConfigKey.choice("invalidator.marker", List.of("on", "off"), "off",
            "on: rewrite data/.generation/<index>.json after each successful replace");

    /** The token file is the URL's: alone it would be silently unused. */
    public static void checkTogether(ConfigValues v, List<ConfigProblem> problems) {
        if (v.has(HTTP_TOKEN_FILE) && !v.has(HTTP_URL)) {
            problems.add(new ConfigProblem(v.line(HTTP_TOKEN_FILE.name()), HTTP_TOKEN_FILE.name(), "",
                    "invalidator.http.token_file is set but invalidator.http.url is not"));
        }
    }

    public InvalidatorConfigKeys() {
        super("the cache invalidators", HTTP_URL, HTTP_TOKEN_FILE, MARKER);
    }
}
