package com.twsrobot.maintenance.api.events;

import java.time.LocalDate;
import java.util.List;

/**
 * One change a refresh makes (or a preview would make) to the event store, for an operator to review.
 *
 * @param kind       {@code insert}, {@code update} or {@code stale}
 * @param eventId    the event's id in the store (the host's {@code evt_…})
 * @param sourceEventId the source's own id of the event, e.g. {@code EARNINGS:MSFT:2027-01-27}
 * @param eventType  e.g. {@code EARNINGS}
 * @param symbol     the symbol, "" for market-wide events
 * @param date       the event's date
 * @param time       local time of day ("" when unknown)
 * @param zone       the market's time zone, e.g. {@code America/New_York}
 * @param title      the event's title
 * @param fields     for an update, each changed field as old → new; empty otherwise
 * @param reason     for a stale row, why it is marked stale; "" otherwise
 */
public record EventChange(String kind, String eventId, String sourceEventId, String eventType, String symbol, LocalDate date, String time,
                          String zone, String title, List<FieldChange> fields, String reason) {

    /** A new row. */
    public static final String INSERT = "insert";
    /** A row whose fields change. */
    public static final String UPDATE = "update";
    /** A future row its provider no longer lists, marked stale. */
    public static final String STALE = "stale";

    /**
     * Copies the field list; nulls become "".
     *
     * @param kind          {@code insert}, {@code update} or {@code stale}
     * @param eventId       the event's id in the store
     * @param sourceEventId the source's own id of the event
     * @param eventType     e.g. {@code EARNINGS}
     * @param symbol        the symbol, "" for market-wide events
     * @param date          the event's date
     * @param time          local time of day ("" when unknown)
     * @param zone          the market's time zone
     * @param title         the event's title
     * @param fields        for an update, each changed field
     * @param reason        for a stale row, why
     */
    public EventChange {
        fields = List.copyOf(fields);
        symbol = symbol == null ? "" : symbol;
        sourceEventId = sourceEventId == null ? "" : sourceEventId;
        time = time == null ? "" : time;
        zone = zone == null ? "" : zone;
        reason = reason == null ? "" : reason;
    }

    /**
     * One field of an updated event.
     *
     * @param field    the column, e.g. {@code event_time}
     * @param oldValue its value in the store
     * @param newValue the provider's value
     */
    public record FieldChange(String field, String oldValue, String newValue) {
    }
}
