package com.twsrobot.maintenance.core.calendar;

import com.twsrobot.maintenance.api.events.EventProvider;
import com.twsrobot.maintenance.api.events.EventType;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.MarketEvent;
import com.twsrobot.maintenance.api.events.ProviderFetch;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
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
    public Set<EventType> eventTypes() {
        return Set.of(EventType.MARKET_HOLIDAY, EventType.MARKET_EARLY_CLOSE);
    }

    @Override
    public ProviderFetch fetch(EventsRequest request) {
        List<MarketEvent> events = new ArrayList<>();
        for (int year = request.from().getYear(); year <= request.to().getYear(); year++) {
            for (Map.Entry<LocalDate, String> h : UsMarketHolidays.holidays(year).entrySet()) {
                if (request.inWindow(h.getKey())) {
                    events.add(event(EventType.MARKET_HOLIDAY, h.getKey(), "US markets closed: " + h.getValue(), "", h.getValue()));
                }
            }
            for (Map.Entry<LocalDate, String> e : UsMarketHolidays.earlyCloses(year).entrySet()) {
                if (request.inWindow(e.getKey())) {
                    events.add(event(EventType.MARKET_EARLY_CLOSE, e.getKey(), "US markets close early at 13:00 ET: "
                            + e.getValue(), "13:00", e.getValue()));
                }
            }
        }
        return ProviderFetch.of(events);
    }

    private static MarketEvent event(EventType type, LocalDate date, String title, String time, String name) {
        ZonedDateTime start = time.isEmpty() ? null : ZonedDateTime.of(date, LocalTime.parse(time), Exchange.NYSE.zone());
        return new MarketEvent(type + ":XNYS:" + date, type, "", title,
                name + " (NYSE and Nasdaq)", date, time, start == null ? null : start.toInstant(), null,
                Exchange.NYSE.zone().getId(), NAME, "XNYS:" + date, "rules:NYSE holidays and early closes",
                new java.util.TreeMap<>(Map.of("exchange", "XNYS", "name", name)), "", true, "confirmed", type == EventType.MARKET_HOLIDAY ? 3 : 2);
    }
}
