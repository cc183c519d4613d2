package com.twsrobot.maintenance.sources.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.api.events.EventType;
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

    static List<MarketEvent> events(String symbol, JsonNode calendar, EventsRequest request, String url) {
        List<MarketEvent> out = new ArrayList<>();
        ZoneId zone = zoneOf(symbol);
        JsonNode earnings = calendar.path("earnings");
        JsonNode dates = earnings.path("earningsDate");
        if (dates.isArray() && dates.size() > 0) {
            long first = dates.get(0).path("raw").asLong();
            for (JsonNode d : dates) {
                first = Math.min(first, d.path("raw").asLong());
            }
            Instant at = Instant.ofEpochSecond(first);
            LocalDate day = LocalDate.parse(fmtOf(dates, first));
            boolean estimated = earnings.path("isEarningsDateEstimate").asBoolean(true);
            if (request.inWindow(day)) {
                Map<String, Object> detail = new LinkedHashMap<>();
                if (dates.size() > 1) {
                    long last = first;
                    for (JsonNode d : dates) {
                        last = Math.max(last, d.path("raw").asLong());
                    }
                    detail.put("window_end", fmtOf(dates, last));
                }
                if (!estimated && earnings.path("earningsCallDate").isArray() && earnings.path("earningsCallDate").size() > 0) {
                    Instant call = Instant.ofEpochSecond(earnings.path("earningsCallDate").get(0).path("raw").asLong());
                    if (!call.isBefore(at)) {
                        detail.put("call_at", call.toString());
                    }
                }
                if (earnings.has("earningsAverage")) {
                    detail.put("eps_estimate", earnings.path("earningsAverage").path("raw").asDouble());
                }
                String time = estimated ? "" : HM.format(at.atZone(zone));
                out.add(new MarketEvent("EARNINGS:" + symbol + ":" + day, EventType.EARNINGS, symbol,
                        symbol + " earnings" + (estimated ? " (estimated)" : ""), estimated
                        ? "Estimated report date" + (detail.containsKey("window_end") ? ", window to " + detail.get("window_end") : "")
                        : "Confirmed report at " + time + " " + zone.getId(), day, time, estimated ? null : at, null,
                        zone.getId(), YahooCalendarProvider.NAME, symbol + ":earnings:" + day, url, detail,
                        earnings.toString(), true, estimated ? "estimated" : "confirmed", estimated ? 3 : 4));
            }
        }
        JsonNode ex = calendar.path("exDividendDate");
        if (ex.has("raw")) {
            LocalDate exDate = LocalDate.parse(ex.path("fmt").asText(Instant.ofEpochSecond(ex.path("raw").asLong())
                    .atZone(java.time.ZoneOffset.UTC).toLocalDate().toString()));
            if (request.inWindow(exDate)) {
                Map<String, Object> detail = new LinkedHashMap<>();
                JsonNode pay = calendar.path("dividendDate");
                if (pay.has("fmt")) {
                    detail.put("payment_date", pay.path("fmt").asText());
                }
                out.add(new MarketEvent("DIVIDEND:" + symbol + ":" + exDate, EventType.DIVIDEND, symbol,
                        symbol + " ex-dividend", "Ex-dividend date" + (detail.containsKey("payment_date")
                        ? "; paid " + detail.get("payment_date") : ""), exDate, "", null, null, zone.getId(),
                        YahooCalendarProvider.NAME, symbol + ":dividend:" + exDate, url, detail,
                        "{\"exDividendDate\":" + ex + ",\"dividendDate\":" + pay + "}", true, "confirmed", 2));
            }
        }
        return out;
    }

    private static String fmtOf(JsonNode dates, long raw) {
        for (JsonNode d : dates) {
            if (d.path("raw").asLong() == raw && d.has("fmt")) {
                return d.path("fmt").asText();
            }
        }
        return Instant.ofEpochSecond(raw).atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
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
