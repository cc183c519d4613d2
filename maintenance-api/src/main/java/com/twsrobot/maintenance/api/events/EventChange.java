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

    public static final String INSERT = "insert";
    public static final String UPDATE = "update";
    public static final String STALE = "stale";

    public EventChange {
        fields = List.copyOf(fields);
        symbol = symbol == null ? "" : symbol;
        sourceEventId = sourceEventId == null ? "" : sourceEventId;
        time = time == null ? "" : time;
        zone = zone == null ? "" : zone;
        reason = reason == null ? "" : reason;
    }

    /** One field of an updated event. */
    public record FieldChange(String field, String oldValue, String newValue) {
    }
}
