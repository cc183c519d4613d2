package com.twsrobot.maintenance.api.events;

import com.twsrobot.maintenance.api.Sha256;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The host application's conventions for event rows (TWS Robot's {@code market_events} table), so that
 * the rows this library writes are the rows the host itself would write: its source names, its
 * {@code source_event_id} per type, its {@code event_id} formula and importance scale.
 */
public final class HostEvents {

    /** The host's source name of the US market calendar. */
    public static final String SOURCE_US_CALENDAR = "builtin-us-market-calendar";
    /** The host's source name of the FOMC calendar. */
    public static final String SOURCE_FOMC = "federalreserve.gov";
    /** The host's source name of per-symbol earnings and dividends. */
    public static final String SOURCE_YFINANCE = "yfinance";
    /** The zone the host reads naive provider times in, and the {@code market_timezone} of its rows. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private HostEvents() {
    }

    /**
     * The host's event id: {@code "evt_" + sha256_hex(source + "|" + sourceEventId)[0:32]}.
     *
     * @param source        e.g. {@link #SOURCE_FOMC}
     * @param sourceEventId e.g. {@code FOMC:2026-12-09}
     * @return the id
     */
    public static String eventId(String source, String sourceEventId) {
        return "evt_" + Sha256.hex((source + "|" + sourceEventId).getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    /**
     * The host's {@code source_event_id}: {@code US_MARKET_HOLIDAY:2026-11-26},
     * {@code US_MARKET_EARLY_CLOSE:2026-11-27}, {@code FOMC:2026-12-09}, {@code EARNINGS:AAPL:2027-01-28},
     * {@code DIVIDEND:MSFT:2027-02-18}.
     *
     * @param type   the event's type
     * @param symbol its symbol (null or "" for market-wide events)
     * @param date   its day
     * @return the id
     */
    public static String sourceEventId(EventType type, String symbol, LocalDate date) {
        return switch (type) {
            case MARKET_HOLIDAY, MARKET_EARLY_CLOSE -> "US_" + type.name() + ":" + date;
            default -> symbol == null || symbol.isEmpty() ? type.name() + ":" + date : type.name() + ":" + symbol + ":" + date;
        };
    }

    /**
     * Default importance on the host's 0–100 scale.
     *
     * @param type the event's type
     * @return holiday 100, FOMC 90, early close 85, earnings 75, dividend 35
     */
    public static int importance(EventType type) {
        return switch (type) {
            case MARKET_HOLIDAY -> 100;
            case FOMC -> 90;
            case MARKET_EARLY_CLOSE -> 85;
            case EARNINGS -> 75;
            case DIVIDEND -> 35;
        };
    }

    /**
     * The instant of a naive provider time, read in New York as the host does.
     *
     * @param date the day
     * @param time the local time
     * @return the instant
     */
    public static java.time.Instant newYork(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, NEW_YORK).toInstant();
    }
}
