package com.twsrobot.maintenance.api.events;

import java.util.Set;

/**
 * A source of market events (FOMC, holidays, earnings, ...). Found with {@link java.util.ServiceLoader}
 * by the embedded events service, so a host can add its own.
 */
public interface EventProvider {

    /**
     * A short name for reports and the task's results.
     *
     * @return e.g. {@code fomc}
     */
    String name();

    /**
     * The {@code source} of the rows it writes, and of the rows it may mark stale (the host's names for
     * the built-ins: {@code builtin-us-market-calendar}, {@code federalreserve.gov}, {@code yfinance});
     * {@link #name()} by default.
     *
     * @return the source name
     */
    default String source() {
        return name();
    }

    /**
     * The types of event it reports.
     *
     * @return e.g. FOMC
     */
    Set<EventType> eventTypes();

    /**
     * The URL keys it reads ({@code --source-url KEY=URL}), e.g. {@code fomc}; none by default. A key no
     * source or provider owns is refused, so a typo never silently reads the default URL.
     *
     * @return the keys
     */
    default Set<String> urlKeys() {
        return Set.of();
    }

    /**
     * Whether the work is per symbol (earnings, dividends): then only the request's symbols are fetched.
     *
     * @return true for per-symbol providers
     */
    default boolean perSymbol() {
        return false;
    }

    /**
     * Reads the events in the request's window, within its deadline (the service abandons a provider
     * still running shortly after it).
     *
     * @param request the window, symbols, URL overrides and deadline
     * @return the events and any warnings
     * @throws ProviderException when nothing usable could be read, naming the URL
     */
    ProviderFetch fetch(EventsRequest request) throws ProviderException;
}
