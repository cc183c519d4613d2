package com.twsrobot.maintenance.api;

import java.time.Duration;
import java.time.Clock;
import java.util.Map;

/**
 * What a source may use while fetching.
 *
 * @param sourceUrls  URL overrides by key ({@code ftse100}, {@code fomc}, ...); a missing key means the default
 * @param snapshot    read the dated page copies bundled with the library instead of the network
 * @param clock       the runner's clock
 * @param timeout     the deadline for the whole fetch and parse; a source that passes it fails, and the
 *                    runner abandons a source still running shortly after it
 * @param http        the runner's network settings (timeouts, user agent, proxy, tries, body limit)
 */
public record SourceContext(Map<String, String> sourceUrls, boolean snapshot, Clock clock, Duration timeout,
                            HttpSettings http) {

    /** The default deadline per source: 60 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Copies the map; a null timeout becomes {@link #DEFAULT_TIMEOUT}, null settings
     * {@link HttpSettings#DEFAULT}.
     *
     * @param sourceUrls URL overrides by key
     * @param snapshot   read the bundled page copies
     * @param clock      the runner's clock
     * @param timeout    the deadline for the fetch and parse (null for the default)
     * @param http       the runner's network settings (null for the defaults)
     */
    public SourceContext {
        sourceUrls = Map.copyOf(sourceUrls);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        http = http == null ? HttpSettings.DEFAULT : http;
    }

    /**
     * A context with the default network settings.
     *
     * @param sourceUrls URL overrides by key
     * @param snapshot   read the bundled page copies
     * @param clock      the runner's clock
     * @param timeout    the deadline for the fetch and parse (null for the default)
     */
    public SourceContext(Map<String, String> sourceUrls, boolean snapshot, Clock clock, Duration timeout) {
        this(sourceUrls, snapshot, clock, timeout, HttpSettings.DEFAULT);
    }

    /**
     * A context with the default deadline.
     *
     * @param sourceUrls URL overrides by key
     * @param snapshot   read the bundled page copies
     * @param clock      the runner's clock
     */
    public SourceContext(Map<String, String> sourceUrls, boolean snapshot, Clock clock) {
        this(sourceUrls, snapshot, clock, DEFAULT_TIMEOUT, HttpSettings.DEFAULT);
    }

    /**
     * The URL to read for a key.
     *
     * @param key        the source's key, e.g. its index key
     * @param defaultUrl the source's own
     * @return the override if given, else {@code defaultUrl}
     */
    public String urlFor(String key, String defaultUrl) {
        return sourceUrls.getOrDefault(key, defaultUrl);
    }
}
