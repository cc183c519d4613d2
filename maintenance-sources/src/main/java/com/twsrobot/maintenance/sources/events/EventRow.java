package com.twsrobot.maintenance.sources.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * The content columns of one {@code market_events} row ({@link EventStore#CONTENT}, in that order), in
 * the host's conventions: naive UTC date-times, NULL for missing values.
 */
record EventRow(String eventId, String eventType, String symbol, String title, String description,
                LocalDateTime eventDate, String eventTime, LocalDateTime startAtUtc, LocalDateTime endAtUtc,
                String marketTimezone, String source, String sourceEventId, String sourceUrl, String detailJson,
                String rawPayloadJson, String rawPayloadHash, Boolean portfolioRelevant, String confidence,
                Double importanceScore) {

    /** The values in {@link EventStore#CONTENT} order (nulls kept). */
    List<Object> values() {
        return Arrays.asList(eventId, eventType, symbol, title, description, eventDate, eventTime, startAtUtc, endAtUtc,
                marketTimezone, source, sourceEventId, sourceUrl, detailJson, rawPayloadJson, rawPayloadHash,
                portfolioRelevant, confidence, importanceScore);
    }

    /** The identity the host falls back on: {@code (event_type, symbol, event_date)}, NULL symbol apart. */
    String key() {
        return EventRow.key(eventType, symbol, eventDate);
    }

    static String key(String type, String symbol, LocalDateTime eventDate) {
        return type + "|" + (symbol == null ? "\u0000" : symbol) + "|" + EventStore.text(eventDate);
    }

    /** The content columns of the current row of {@code rs}, selected by name. */
    static EventRow read(ResultSet rs, EventStore store) throws SQLException {
        Object relevant = rs.getObject("is_portfolio_relevant");
        double score = rs.getDouble("importance_score");
        Double importance = rs.wasNull() ? null : score;
        return new EventRow(rs.getString("event_id"), rs.getString("event_type"), rs.getString("symbol"),
                rs.getString("title"), rs.getString("description"), store.timestamp(rs, "event_date"),
                rs.getString("event_time"), store.timestamp(rs, "start_at_utc"), store.timestamp(rs, "end_at_utc"),
                rs.getString("market_timezone"), rs.getString("source"), rs.getString("source_event_id"),
                rs.getString("source_url"), rs.getString("detail_json"), rs.getString("raw_payload_json"),
                rs.getString("raw_payload_hash"), relevant == null ? null
                : relevant instanceof Boolean b ? b : ((Number) relevant).intValue() != 0,
                rs.getString("confidence"), importance);
    }
}
