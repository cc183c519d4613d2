/**
 * Market events (earnings, dividends, FOMC decisions, US market holidays and early closes) as a port
 * to the host's own event store: {@link com.twsrobot.maintenance.api.events.MarketEventsService} is
 * what the library calls, {@link com.twsrobot.maintenance.api.events.EventProvider} a plug-in source
 * of events, {@link com.twsrobot.maintenance.api.events.EventSymbols} a plug-in source of symbols, and
 * {@link com.twsrobot.maintenance.api.events.HostEvents} the host's id and importance conventions.
 */
package com.twsrobot.maintenance.api.events;
