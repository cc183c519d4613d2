package com.twsrobot.maintenance.api.events;

/** Event types, named as the host's {@code market_events} table names them. */
public enum EventType {
    EARNINGS, DIVIDEND, FOMC, MARKET_HOLIDAY, MARKET_EARLY_CLOSE
}
