package com.twsrobot.maintenance.api.events;

import java.util.Set;

/**
 * A source of market events (FOMC, holidays, earnings, ...). Found with {@link java.util.ServiceLoader}
 * by the embedded events service, so a host can add its own.
 */
public interface EventProvider {

    /** Short name, e.g. {@code fomc}, in reports and the task's results. */
    String name();

    /**
     * The {@code source} of the rows it writes, and of the rows it may mark stale (the host's names for
     * the built-ins: {@code builtin-us-market-calendar}, {@code federalreserve.gov}, {@code yfinance});
     * {@link #name()} by default.
     */
    default String source() {
        return name();
    }

    Set<EventType> eventTypes();

    /**
     * The URL keys it reads ({@code --source-url KEY=URL}), e.g. {@code fomc}; none by default. A key no
     * source or provider owns is refused, so a typo never silently reads the default URL.
     */
    default Set<String> urlKeys() {
        return Set.of();
    }

    /** True when the work is per symbol (earnings, dividends): then only the request's symbols are fetched. */
    default boolean perSymbol() {
        return false;
    }

    ProviderFetch fetch(EventsRequest request) throws ProviderException;
}
