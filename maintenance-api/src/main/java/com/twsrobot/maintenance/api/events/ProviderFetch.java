package com.twsrobot.maintenance.api.events;

import java.util.List;

/**
 * What a provider fetched.
 *
 * @param events           events in the window
 * @param coveredSymbols   for per-symbol providers, the symbols actually fetched: only their missing
 *                         future events may be marked stale (a failed fetch is not "no events")
 * @param warnings         per-symbol problems that are not failures ("quote not found for ZZZZQ")
 * @param errors           per-symbol failures; the provider is then a partial failure
 */
public record ProviderFetch(List<MarketEvent> events, List<String> coveredSymbols, List<String> warnings,
                            List<String> errors) {

    /**
     * Copies the lists.
     *
     * @param events         events in the window
     * @param coveredSymbols the symbols actually fetched
     * @param warnings       per-symbol problems that are not failures
     * @param errors         per-symbol failures
     */
    public ProviderFetch {
        events = List.copyOf(events);
        coveredSymbols = List.copyOf(coveredSymbols);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    /**
     * A fetch of market-wide events, without warnings.
     *
     * @param events events in the window
     * @return the fetch
     */
    public static ProviderFetch of(List<MarketEvent> events) {
        return new ProviderFetch(events, List.of(), List.of(), List.of());
    }
}
