package com.twsrobot.maintenance.api.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What to refresh: the window {@code [from, to]} and, for per-symbol providers, only these symbols
 * (never a whole index by default).
 *
 * @param symbols     the symbols per-symbol providers read
 * @param from        the window's first day
 * @param to          its last day
 * @param now         the instant the refresh runs at
 * @param sourceUrls  URL overrides by key ({@code fomc}, {@code yahoo}, {@code yahoo-cookie})
 * @param snapshot    read bundled page copies instead of the network where a provider has them
 * @param timeout     the deadline for one provider's whole fetch; the service abandons a provider still
 *                    running shortly after it
 * @param options     providers' tuning by key, e.g. {@code yahoo.concurrency = 16}, from the runner's
 *                    settings (a provider reads its own keys and refuses a bad value, naming the key)
 * @param http        the runner's network settings (timeouts, user agent, proxy, tries, body limit)
 */
public record EventsRequest(List<String> symbols, LocalDate from, LocalDate to, Instant now,
                            Map<String, String> sourceUrls, boolean snapshot, java.time.Duration timeout,
                            Map<String, String> options, com.twsrobot.maintenance.api.HttpSettings http) {

    /**
     * A request with the default network settings.
     *
     * @param symbols    the symbols per-symbol providers read
     * @param from       the window's first day
     * @param to         its last day
     * @param now        the instant the refresh runs at
     * @param sourceUrls URL overrides by key
     * @param snapshot   read bundled page copies
     * @param timeout    the deadline per provider (null for the default)
     * @param options    providers' tuning by key (null for none)
     */
    public EventsRequest(List<String> symbols, LocalDate from, LocalDate to, Instant now,
                         Map<String, String> sourceUrls, boolean snapshot, java.time.Duration timeout,
                         Map<String, String> options) {
        this(symbols, from, to, now, sourceUrls, snapshot, timeout, options, null);
    }

    /**
     * A request without provider options.
     *
     * @param symbols    the symbols per-symbol providers read
     * @param from       the window's first day
     * @param to         its last day
     * @param now        the instant the refresh runs at
     * @param sourceUrls URL overrides by key
     * @param snapshot   read bundled page copies
     * @param timeout    the deadline per provider (null for the default)
     */
    public EventsRequest(List<String> symbols, LocalDate from, LocalDate to, Instant now,
                         Map<String, String> sourceUrls, boolean snapshot, java.time.Duration timeout) {
        this(symbols, from, to, now, sourceUrls, snapshot, timeout, Map.of());
    }

    /**
     * A request with the default deadline ({@link com.twsrobot.maintenance.api.SourceContext#DEFAULT_TIMEOUT}).
     *
     * @param symbols    the symbols per-symbol providers read
     * @param from       the window's first day
     * @param to         its last day
     * @param now        the instant the refresh runs at
     * @param sourceUrls URL overrides by key
     * @param snapshot   read bundled page copies
     */
    public EventsRequest(List<String> symbols, LocalDate from, LocalDate to, Instant now,
                         Map<String, String> sourceUrls, boolean snapshot) {
        this(symbols, from, to, now, sourceUrls, snapshot, null, Map.of());
    }

    /**
     * Copies the list and map.
     *
     * @param symbols    the symbols per-symbol providers read
     * @param from       the window's first day
     * @param to         its last day
     * @param now        the instant the refresh runs at
     * @param sourceUrls URL overrides by key
     * @param snapshot   read bundled page copies
     * @param timeout    the deadline per provider (null for the default)
     * @param options    providers' tuning by key (null for none)
     * @param http       the runner's network settings (null for the defaults)
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    public EventsRequest {
        http = http == null ? com.twsrobot.maintenance.api.HttpSettings.DEFAULT : http;
        symbols = List.copyOf(symbols);
        options = options == null ? Map.of() : Map.copyOf(options);
        sourceUrls = Map.copyOf(sourceUrls);
        timeout = timeout == null ? com.twsrobot.maintenance.api.SourceContext.DEFAULT_TIMEOUT : timeout;
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /**
     * The URL to read for a key.
     *
     * @param key        e.g. {@code fomc}
     * @param defaultUrl the provider's own
     * @return the override if given, else {@code defaultUrl}
     */
    public String urlFor(String key, String defaultUrl) {
        return sourceUrls.getOrDefault(key, defaultUrl);
    }

    /**
     * Whether a day is in the window.
     *
     * @param date the day
     * @return true from {@code from} to {@code to}, both included
     */
    public boolean inWindow(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
