package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.events.EventProvider;
import com.twsrobot.maintenance.api.events.EventType;
import com.twsrobot.maintenance.api.events.HostEvents;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.MarketEvent;
import com.twsrobot.maintenance.api.events.ProviderException;
import com.twsrobot.maintenance.api.events.ProviderFetch;
import com.twsrobot.maintenance.api.http.Deadline;
import com.twsrobot.maintenance.sources.PageFetcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** FOMC rate decisions in the window, from the Federal Reserve's meeting calendar page (URL key {@code fomc}). */
public final class FomcProvider implements EventProvider {

    public static final String NAME = "fomc";
    public static final String URL = "https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm";
    static final String SNAPSHOT = "fed_fomc_calendars.html";
    private final com.twsrobot.maintenance.sources.RunnerFetchers fetchers;

    public FomcProvider() {
        this.fetchers = com.twsrobot.maintenance.sources.RunnerFetchers.perRunner(); // from each runner's HttpSettings
    }

    public FomcProvider(PageFetcher fetcher) {
        this.fetchers = com.twsrobot.maintenance.sources.RunnerFetchers.fixed(fetcher);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> urlKeys() {
        return Set.of(NAME);
    }

    @Override
    public String source() {
        return HostEvents.SOURCE_FOMC;
    }

    @Override
    public Set<EventType> eventTypes() {
        return Set.of(EventType.FOMC);
    }

    @Override
    public ProviderFetch fetch(EventsRequest request) throws ProviderException {
        String url;
        String html;
        // From the request's instant, measured on the monotonic timer: the request carries no clock.
        Deadline deadline = Deadline.elapsing(request.timeout(), request.now());
        if (request.snapshot()) {
            url = "snapshot:" + SNAPSHOT;
            html = snapshot();
        } else {
            url = request.urlFor(NAME, URL);
            try {
                html = fetchers.forSettings(request.http()).fetch(List.of(url), deadline).body();
            } catch (SourceException e) {
                throw new ProviderException("fomc: " + e.getMessage(), e);
            }
        }
        FomcCalendarParser.Parsed parsed = FomcCalendarParser.parse(html, url, deadline);
        List<MarketEvent> events = new ArrayList<>();
        for (FomcCalendarParser.Meeting m : parsed.meetings()) {
            if (!request.inWindow(m.end())) {
                continue;
            }
            // The Committee's statement is released at 2:00 p.m. Eastern on the decision day.
            Map<String, Object> detail = new java.util.TreeMap<>();
            detail.put("meeting_start", m.start().toString());
            detail.put("meeting_end", m.end().toString());
            detail.put("sep", m.sep());
            String sourceEventId = HostEvents.sourceEventId(EventType.FOMC, "", m.end());
            events.add(new MarketEvent(HostEvents.eventId(HostEvents.SOURCE_FOMC, sourceEventId), EventType.FOMC, "",
                    "FOMC Meeting", "Federal Open Market Committee scheduled decision day"
                    + (m.sep() ? ", with the Summary of Economic Projections." : "."), m.end(), "14:00 ET",
                    HostEvents.newYork(m.end(), LocalTime.of(14, 0)), null, HostEvents.NEW_YORK.getId(),
                    HostEvents.SOURCE_FOMC, sourceEventId, URL, detail,
                    "{\"dates\":\"" + m.dateLabel() + "\",\"month\":\"" + m.monthLabel() + "\",\"year\":" + m.year() + "}",
                    false, "confirmed", HostEvents.importance(EventType.FOMC)));
        }
        List<String> warnings = new ArrayList<>(parsed.warnings());
        warnings.addAll(freshness(parsed, request));
        return new ProviderFetch(events, List.of(), warnings, List.of());
    }

    /**
     * The page lists meetings year by year; past its last year panel it says nothing (at most a note on
     * the next meeting), so a window reaching beyond it must say so instead of a silent 0.
     */
    static List<String> freshness(FomcCalendarParser.Parsed parsed, EventsRequest request) {
        int lastYear = parsed.meetings().stream().mapToInt(FomcCalendarParser.Meeting::year).max().orElse(0);
        java.time.LocalDate endOfCalendar = java.time.LocalDate.of(lastYear, 12, 31);
        if (!request.to().isAfter(endOfCalendar)) {
            return List.of();
        }
        java.time.LocalDate lastMeeting = parsed.meetings().stream().map(FomcCalendarParser.Meeting::end)
                .max(java.util.Comparator.naturalOrder()).orElse(endOfCalendar);
        return List.of("the source lists no meetings after " + lastMeeting + " (its calendar ends with " + lastYear
                + "); FOMC events from " + endOfCalendar.plusDays(1) + " to " + request.to() + " are unknown");
    }

    private static String snapshot() throws ProviderException {
        try (InputStream in = FomcProvider.class.getResourceAsStream(SNAPSHOT)) {
            if (in == null) {
                throw new ProviderException("fomc: the bundled snapshot " + SNAPSHOT + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProviderException("fomc: cannot read the bundled snapshot: " + com.twsrobot.maintenance.api.CauseFormatter.describe(e), e);
        }
    }
}
