package com.twsrobot.maintenance.api.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One upcoming event, as a provider reports it. {@code eventId} is stable for the same real event
 * (e.g. {@code EARNINGS:AAPL:2027-01-28}), so upserts are idempotent.
 *
 * @param eventId           stable id of the real event
 * @param eventType         its type
 * @param symbol            its symbol ("" for market-wide events)
 * @param title             a short title
 * @param description       a longer description
 * @param eventDate         its day
 * @param eventTime         local time at the exchange ("16:05"), or "" when unknown or only estimated
 * @param startAtUtc        exact start, when known (else null)
 * @param endAtUtc          exact end, when known (else null)
 * @param marketTimezone    the market's time zone
 * @param source            the provider's source name
 * @param sourceEventId     the source's own id of the event
 * @param sourceUrl         where it was read
 * @param detail            extra facts
 * @param rawPayloadJson    the provider's raw answer for this event, for audits
 * @param portfolioRelevant whether it concerns the host's symbols
 * @param confidence        {@code confirmed} or {@code estimated}
 * @param importanceScore   the host's 0–100 importance
 */
public record MarketEvent(String eventId, EventType eventType, String symbol, String title, String description,
                          LocalDate eventDate, String eventTime, Instant startAtUtc, Instant endAtUtc,
                          String marketTimezone, String source, String sourceEventId, String sourceUrl,
                          Map<String, Object> detail, String rawPayloadJson, boolean portfolioRelevant,
                          String confidence, int importanceScore) {

    /**
     * Nulls become "" (and an empty detail map; {@code confirmed} for the confidence).
     *
     * @param eventId           stable id of the real event
     * @param eventType         its type
     * @param symbol            its symbol
     * @param title             a short title
     * @param description       a longer description
     * @param eventDate         its day
     * @param eventTime         local time at the exchange
     * @param startAtUtc        exact start, or null
     * @param endAtUtc          exact end, or null
     * @param marketTimezone    the market's time zone
     * @param source            the provider's source name
     * @param sourceEventId     the source's own id of the event
     * @param sourceUrl         where it was read
     * @param detail            extra facts
     * @param rawPayloadJson    the provider's raw answer
     * @param portfolioRelevant whether it concerns the host's symbols
     * @param confidence        {@code confirmed} or {@code estimated}
     * @param importanceScore   the host's 0–100 importance
     * @throws NullPointerException when the id, type or date is null
     */
    public MarketEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(eventDate, "eventDate");
        symbol = Objects.requireNonNullElse(symbol, "");
        title = Objects.requireNonNullElse(title, "");
        description = Objects.requireNonNullElse(description, "");
        eventTime = Objects.requireNonNullElse(eventTime, "");
        marketTimezone = Objects.requireNonNullElse(marketTimezone, "");
        source = Objects.requireNonNullElse(source, "");
        sourceEventId = Objects.requireNonNullElse(sourceEventId, "");
        sourceUrl = Objects.requireNonNullElse(sourceUrl, "");
        detail = detail == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(detail));
        rawPayloadJson = Objects.requireNonNullElse(rawPayloadJson, "");
        confidence = Objects.requireNonNullElse(confidence, "confirmed");
    }
}
