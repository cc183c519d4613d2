package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.events.EventSymbols;

import java.util.List;

/** A host's watchlist, registered in this module's test META-INF/services. */
public class TestWatchlistSymbols implements EventSymbols {

    @Override
    public String name() {
        return "watchlist";
    }

    @Override
    public List<String> symbols() {
        return List.of("nodiv", "AAPL");
    }
}
