package com.twsrobot.maintenance.api.events;

import java.util.List;

/**
 * Symbols whose earnings and dividends to refresh, from the host: open positions, active strategy
 * symbols, the watchlist. Found with {@link java.util.ServiceLoader}; the request's manual symbols are added.
 */
public interface EventSymbols {

    /**
     * Where the symbols come from, for the report's {@code symbol_sources}.
     *
     * @return e.g. {@code open_positions}
     */
    String name();

    /**
     * The symbols now.
     *
     * @return ticker symbols (duplicates across sources are merged by the caller)
     */
    List<String> symbols();
}
