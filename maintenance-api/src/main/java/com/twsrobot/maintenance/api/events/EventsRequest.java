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
 */
public record EventsRequest(List<String> symbols, LocalDate from, LocalDate to, Instant now,
                            Map<String, String> sourceUrls, boolean snapshot) {

    public EventsRequest {
        symbols = List.copyOf(symbols);
        sourceUrls = Map.copyOf(sourceUrls);
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
