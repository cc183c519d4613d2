package com.twsrobot.maintenance.sources.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.api.events.EventType;
import com.twsrobot.maintenance.api.events.HostEvents;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.MarketEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one quoteSummary {@code calendarEvents} module into events: the next earnings report (the
 * earliest {@code earningsDate}; a second date is the end of an estimated window; the call date is
 * never taken for the report) and the next ex-dividend date with its payment date, each only if it
 * falls in the window. An estimated date carries no time of day.
 */
final class YahooCalendarParser {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private YahooCalendarParser() {
    }

    /** The events in one answer, and what could not be read in it (each naming the symbol and field). */
    record Parsed(List<MarketEvent> events, List<String> warnings) {
    }

    /**
     * Reads one symbol's {@code calendarEvents}. Dates and numbers are accepted in both shapes Yahoo
     * sends: {@code {"raw": 1740000000, "fmt": "2025-02-20"}} and a bare epoch number (what a
     * {@code formatted=false} client gets). A value that is neither is a warning naming the symbol and
     * field, never a 1970 date; an answer without any date says so.
     */
    static Parsed events(String symbol, JsonNode calendar, EventsRequest request, String url) {
        List<MarketEvent> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        ZoneId zone = zoneOf(symbol);
        JsonNode earnings = calendar.path("earnings");
        List<Long> dates = epochs(symbol, "earnings.earningsDate", earnings.path("earningsDate"), warnings);
        boolean anyDate = !dates.isEmpty();
        if (!dates.isEmpty()) {
            long first = dates.stream().mapToLong(Long::longValue).min().orElseThrow();
            long last = dates.stream().mapToLong(Long::longValue).max().orElseThrow();
            Instant at = Instant.ofEpochSecond(first);
            LocalDate day = utcDay(first);
            boolean estimated = bool(earnings.path("isEarningsDateEstimate"), true);
            if (request.inWindow(day)) {
                Map<String, Object> detail = new LinkedHashMap<>();
                if (dates.size() > 1) {
                    detail.put("window_end", utcDay(last).toString());
                }
                List<Long> calls = epochs(symbol, "earnings.earningsCallDate", earnings.path("earningsCallDate"), warnings);
                if (!estimated && !calls.isEmpty()) {
                    Instant call = Instant.ofEpochSecond(calls.get(0));
                    if (!call.isBefore(at)) {
                        detail.put("call_at", call.toString());
                    }
                }
                number(earnings.path("earningsAverage")).ifPresent(eps -> detail.put("eps_estimate", eps));
                // The host's event_time: TBD for a date without a time, else BMO / AMC / "HH:MM ET" by the
                // New York hour (the host tests the UTC hour, which mislabels a morning report).
                java.time.ZonedDateTime ny = at.atZone(HostEvents.NEW_YORK);
                String time = estimated ? "TBD" : ny.getHour() < 9 ? "BMO" : ny.getHour() >= 16 ? "AMC"
                        : HM.format(ny) + " ET";
                String sourceEventId = HostEvents.sourceEventId(EventType.EARNINGS, symbol, day);
                if (!estimated) {
                    detail.put("local_time", HM.format(at.atZone(zone)) + " " + zone.getId());
                }
                out.add(new MarketEvent(HostEvents.eventId(HostEvents.SOURCE_YFINANCE, sourceEventId), EventType.EARNINGS,
                        symbol, symbol + " Earnings", "Company earnings date from Yahoo Finance"
                        + (estimated ? " (estimated" + (detail.containsKey("window_end") ? ", window to "
                        + detail.get("window_end") : "") + ")." : ", confirmed."), day, time,
                        estimated ? HostEvents.newYork(day, java.time.LocalTime.MIDNIGHT) : at, null,
                        zone.getId(), HostEvents.SOURCE_YFINANCE, sourceEventId, "", detail,
                        earnings.toString(), true, estimated ? "estimated" : "confirmed",
                        HostEvents.importance(EventType.EARNINGS)));
            }
        }
        JsonNode ex = calendar.path("exDividendDate");
        List<Long> exDates = epochs(symbol, "exDividendDate", ex, warnings);
        anyDate |= !exDates.isEmpty();
        if (!exDates.isEmpty()) {
            LocalDate exDate = utcDay(exDates.get(0));
            if (request.inWindow(exDate)) {
                Map<String, Object> detail = new LinkedHashMap<>();
                JsonNode pay = calendar.path("dividendDate");
                epochs(symbol, "dividendDate", pay, warnings).stream().findFirst()
                        .ifPresent(p -> detail.put("payment_date", utcDay(p).toString()));
                String sourceEventId = HostEvents.sourceEventId(EventType.DIVIDEND, symbol, exDate);
                out.add(new MarketEvent(HostEvents.eventId(HostEvents.SOURCE_YFINANCE, sourceEventId), EventType.DIVIDEND,
                        symbol, symbol + " Ex-Dividend", "Upcoming ex-dividend date from Yahoo Finance"
                        + (detail.containsKey("payment_date") ? "; paid " + detail.get("payment_date") : "") + ".", exDate,
                        "", exDate.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), null, zone.getId(),
                        HostEvents.SOURCE_YFINANCE, sourceEventId, "", detail,
                        "{\"dividendDate\":" + pay + ",\"exDividendDate\":" + ex + "}", true, "confirmed",
                        HostEvents.importance(EventType.DIVIDEND)));
            }
        }
        if (!anyDate && warnings.isEmpty()) {
            warnings.add(symbol + ": Yahoo's answer has no calendar data (no earnings or ex-dividend date)");
        }
        return new Parsed(out, warnings);
    }

    /**
     * Epoch seconds of a date value, or of each value of an array of them; a value that is present but
     * readable in neither shape adds a warning and is left out.
     */
    static List<Long> epochs(String symbol, String field, JsonNode node, List<String> warnings) {
        List<Long> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                epoch(node.get(i)).ifPresentOrElse(out::add, unreadable(symbol, field, node, warnings));
            }
            return out;
        }
        if (node.isObject() && node.isEmpty()) {
            return out; // Yahoo's "no value": {}
        }
        epoch(node).ifPresentOrElse(out::add, unreadable(symbol, field, node, warnings));
        return out;
    }

    private static Runnable unreadable(String symbol, String field, JsonNode node, List<String> warnings) {
        return () -> warnings.add(symbol + ": Yahoo's " + field + " is not a date we can read ("
                + abbreviate(node.toString()) + "); left out");
    }

    /** {@code {"raw": n, ...}}, a bare positive number, or {@code {"fmt": "YYYY-MM-DD"}}; else empty. */
    static java.util.Optional<Long> epoch(JsonNode value) {
        JsonNode raw = value.isObject() ? value.path("raw") : value;
        if (raw.isIntegralNumber() && raw.asLong() > 0) {
            return java.util.Optional.of(raw.asLong());
        }
        if (value.isObject() && value.path("fmt").isTextual()) {
            try {
                return java.util.Optional.of(LocalDate.parse(value.path("fmt").asText()).atStartOfDay(java.time.ZoneOffset.UTC)
                        .toEpochSecond());
            } catch (java.time.format.DateTimeParseException e) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<Double> number(JsonNode value) {
        JsonNode raw = value.isObject() ? value.path("raw") : value;
        return raw.isNumber() ? java.util.Optional.of(raw.asDouble()) : java.util.Optional.empty();
    }

    private static boolean bool(JsonNode value, boolean fallback) {
        JsonNode raw = value.isObject() ? value.path("raw") : value;
        return raw.isBoolean() ? raw.asBoolean() : fallback;
    }

    /** Yahoo's {@code fmt} is the UTC calendar date of {@code raw}. */
    private static LocalDate utcDay(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** Hong Kong and Singapore listings by suffix; everything else trades in New York. */
    static ZoneId zoneOf(String symbol) {
        if (symbol.endsWith(".HK")) {
            return ZoneId.of("Asia/Hong_Kong");
        }
        if (symbol.endsWith(".SI")) {
            return ZoneId.of("Asia/Singapore");
        }
        return ZoneId.of("America/New_York");
    }

}
