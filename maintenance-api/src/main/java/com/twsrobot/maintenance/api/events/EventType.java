package com.twsrobot.maintenance.api.events;

/** Event types, named as the host's {@code market_events} table names them. */
public enum EventType {
    /** A company's earnings release. */
    EARNINGS,
    /** A dividend's ex-date. */
    DIVIDEND,
    /** A Federal Reserve FOMC decision day. */
    FOMC,
    /** A day the US market is closed. */
    MARKET_HOLIDAY,
    /** A day the US market closes early. */
    MARKET_EARLY_CLOSE
}
