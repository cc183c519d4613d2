package com.twsrobot.maintenance.api.events;

import com.twsrobot.maintenance.api.TaskOptions;

import java.util.List;

/**
 * The {@code market_events} task's own options in a {@link com.twsrobot.maintenance.api.RunRequest}:
 * which symbols' earnings and dividends to refresh (besides those its symbol sources give), and how far
 * ahead to look. A request without them gets {@link #DEFAULTS}. Kept beside the events port, so that
 * every front end (CLI, console, a host) can pass them without depending on the task's module.
 *
 * @param symbols   symbols whose earnings and dividends the task refreshes
 * @param daysAhead how far ahead the task looks, 1 to {@link #MAX_DAYS_AHEAD} days
 */
public record MarketEventsOptions(List<String> symbols, int daysAhead) implements TaskOptions {

    /** The name of the task these options belong to (a front end refuses them for a run without it). */
    public static final String TASK = "market_events";
    /** How far ahead the task looks unless told otherwise. */
    public static final int DEFAULT_DAYS_AHEAD = 28;
    /** The furthest ahead the task may be asked to look. */
    public static final int MAX_DAYS_AHEAD = 90;
    /** No extra symbols, {@link #DEFAULT_DAYS_AHEAD} days. */
    public static final MarketEventsOptions DEFAULTS = new MarketEventsOptions(List.of(), DEFAULT_DAYS_AHEAD);

    /**
     * Copies the symbols and checks the window.
     *
     * @param symbols   symbols whose earnings and dividends the task refreshes
     * @param daysAhead 1 to {@link #MAX_DAYS_AHEAD}
     * @throws IllegalArgumentException for days ahead outside 1 to {@link #MAX_DAYS_AHEAD}
     */
    public MarketEventsOptions {
        symbols = List.copyOf(symbols);
        if (daysAhead < 1 || daysAhead > MAX_DAYS_AHEAD) {
            throw new IllegalArgumentException("days ahead must be between 1 and " + MAX_DAYS_AHEAD + ", got " + daysAhead);
        }
    }

    /**
     * These symbols, {@link #DEFAULT_DAYS_AHEAD} days.
     *
     * @param symbols ticker symbols
     * @return the options
     */
    public static MarketEventsOptions symbols(List<String> symbols) {
        return new MarketEventsOptions(symbols, DEFAULT_DAYS_AHEAD);
    }
}
