package com.twsrobot.maintenance.api.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What to refresh: the window {@code [from, to]} and, for per-symbol providers, only these symbols
 * (never a whole index by default).
 *
 * @param sourceUrls  URL overrides by key ({@code fomc}, {@code yahoo}, {@code yahoo-cookie})
 * @param snapshot    read bundled page copies instead of the network where a provider has them
 * @param timeout     the deadline for one provider's whole fetch; the service abandons a provider still
 *                    running shortly after it
 */
public record EventsRequest(List<String> symbols, LocalDate from, LocalDate to, Instant now,
                            Map<String, String> sourceUrls, boolean snapshot, java.time.Duration timeout) {

    /** A request with the default deadline ({@link com.twsrobot.maintenance.api.SourceContext#DEFAULT_TIMEOUT}). */
    public EventsRequest(List<String> symbols, LocalDate from, LocalDate to, Instant now,
                         Map<String, String> sourceUrls, boolean snapshot) {
        this(symbols, from, to, now, sourceUrls, snapshot, null);
    }

    public EventsRequest {
        symbols = List.copyOf(symbols);
        sourceUrls = Map.copyOf(sourceUrls);
        timeout = timeout == null ? com.twsrobot.maintenance.api.SourceContext.DEFAULT_TIMEOUT : timeout;
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public String urlFor(String key, String defaultUrl) {
        return sourceUrls.getOrDefault(key, defaultUrl);
    }

    public boolean inWindow(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
