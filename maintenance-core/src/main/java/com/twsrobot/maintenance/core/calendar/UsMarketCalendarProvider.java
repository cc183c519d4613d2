package com.twsrobot.maintenance.core.calendar;

import com.twsrobot.maintenance.api.events.EventProvider;
import com.twsrobot.maintenance.api.events.EventType;
import com.twsrobot.maintenance.api.events.HostEvents;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.MarketEvent;
import com.twsrobot.maintenance.api.events.ProviderFetch;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NYSE/Nasdaq holidays and 13:00 early closes in the window, computed from the exchange's rules by
 * the same calendar that drives the market-open warning. Needs no network.
 */
public final class UsMarketCalendarProvider implements EventProvider {

    public static final String NAME = "us_market_calendar";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String source() {
        return HostEvents.SOURCE_US_CALENDAR;
    }

    @Override
    public Set<EventType> eventTypes() {
        return Set.of(EventType.MARKET_HOLIDAY, EventType.MARKET_EARLY_CLOSE);
    }

    @Override
    public ProviderFetch fetch(EventsRequest request) {
        List<MarketEvent> events = new ArrayList<>();
        for (int year = request.from().getYear(); year <= request.to().getYear(); year++) {
            for (Map.Entry<LocalDate, String> h : UsMarketHolidays.holidays(year).entrySet()) {
                if (request.inWindow(h.getKey())) {
                    events.add(event(EventType.MARKET_HOLIDAY, h.getKey(), "NYSE/Nasdaq Closed: " + h.getValue(),
                            "US equity markets are closed.", LocalTime.MIDNIGHT, "All day", h.getValue()));
                }
            }
            for (Map.Entry<LocalDate, String> e : UsMarketHolidays.earlyCloses(year).entrySet()) {
                if (request.inWindow(e.getKey())) {
                    events.add(event(EventType.MARKET_EARLY_CLOSE, e.getKey(), "NYSE/Nasdaq Early Close: " + e.getValue()
                            + " Early Close", "US equity markets are scheduled to close early.", LocalTime.of(13, 0),
                            "13:00 ET", e.getValue() + " Early Close"));
                }
            }
        }
        return ProviderFetch.of(events);
    }

    /** A row as the host's own calendar writes it: the start in New York, its source id and scores. */
    private static MarketEvent event(EventType type, LocalDate date, String title, String description, LocalTime at,
                                     String eventTime, String name) {
        String sourceEventId = HostEvents.sourceEventId(type, "", date);
        return new MarketEvent(HostEvents.eventId(HostEvents.SOURCE_US_CALENDAR, sourceEventId), type, "", title,
                description, date, eventTime, HostEvents.newYork(date, at), null, HostEvents.NEW_YORK.getId(),
                HostEvents.SOURCE_US_CALENDAR, sourceEventId, "", new java.util.TreeMap<>(Map.of("holiday_name", name,
                "market", "NYSE/Nasdaq")), "", false, "confirmed", HostEvents.importance(type));
    }
}
