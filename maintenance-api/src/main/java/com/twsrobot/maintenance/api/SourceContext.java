package com.twsrobot.maintenance.api;

import java.time.Clock;
import java.util.Map;

/**
 * What a source may use while fetching.
 *
 * @param sourceUrls  URL overrides by key ({@code sp500}, {@code sti}, ...); a missing key means the default
 * @param snapshot    read the dated page copies bundled with the library instead of the network
 * @param clock       the runner's clock
 */
public record SourceContext(Map<String, String> sourceUrls, boolean snapshot, Clock clock) {

    public SourceContext {
        sourceUrls = Map.copyOf(sourceUrls);
    }

    /** The URL to use for {@code key}: the override if given, else {@code defaultUrl}. */
    public String urlFor(String key, String defaultUrl) {
        return sourceUrls.getOrDefault(key, defaultUrl);
    }
}
