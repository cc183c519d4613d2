package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.events.EventType;
import com.twsrobot.maintenance.api.events.HostEvents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves a store in the schema this library shipped before the host's ({@code market_events} keyed by
 * our own ids with ISO text dates, and {@code market_event_sync_log}) into the host's tables, once, in
 * one transaction, after a backup: for SQLite a consistent copy of the file beside it
 * ({@code VACUUM INTO}), for PostgreSQL the old tables renamed (kept) as {@code *_pre_host_<stamp>}.
 * Every row is carried over in the host's conventions: its source names, ids, date-times and scores.
 */
final class OldSchemaMigration {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    private static final Map<String, String> SOURCES = Map.of("us_market_calendar", HostEvents.SOURCE_US_CALENDAR,
            "fomc", HostEvents.SOURCE_FOMC, "yahoo_calendar", HostEvents.SOURCE_YFINANCE);

    private final EventStore store;

    OldSchemaMigration(EventStore store) {
        this.store = store;
    }

    /** Migrates and returns the note for the report (counts and where the backup is). */
    String migrate(Connection c, Instant now) throws SQLException {
        String stamp = STAMP.format(now);
        String backup;
        try (Statement st = c.createStatement()) {
            if (store.dialect() == EventStore.Dialect.SQLITE) {
                Path file = store.sqliteFile();
                Path copy = file == null ? null : file.resolveSibling(file.getFileName() + ".pre-host-schema-" + stamp + ".bak");
                if (copy != null) {
                    if (Files.exists(copy)) {
                        throw new SQLException("a backup " + copy + " already exists; move it away and run again");
                    }
                    st.execute("VACUUM INTO '" + copy.toString().replace("'", "''") + "'");
                }
                backup = copy == null ? "(in-memory store: no backup)" : copy.toString();
            } else {
                backup = "tables market_events_pre_host_" + stamp + " and market_event_sync_log_pre_host_" + stamp;
            }
        }
        boolean oldLog = EventStore.tableExists(c, "market_event_sync_log");
        // One transaction for all of it (both databases have transactional DDL): all or nothing.
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE market_events RENAME TO market_events_pre_host_" + stamp);
            if (store.dialect() == EventStore.Dialect.POSTGRESQL) { // index names are per schema there
                st.execute("ALTER INDEX IF EXISTS market_events_pkey RENAME TO market_events_pre_host_" + stamp + "_pkey");
            }
            if (oldLog) {
                st.execute("ALTER TABLE market_event_sync_log RENAME TO market_event_sync_log_pre_host_" + stamp);
            }
            store.createMissing(c);
            int events = copyEvents(c, "market_events_pre_host_" + stamp, now);
            int logs = oldLog ? copyLogs(c, "market_event_sync_log_pre_host_" + stamp) : 0;
            if (store.dialect() == EventStore.Dialect.SQLITE) { // the file copy is the backup
                st.execute("DROP TABLE market_events_pre_host_" + stamp);
                if (oldLog) {
                    st.execute("DROP TABLE market_event_sync_log_pre_host_" + stamp);
                }
            }
            c.commit();
            return "migrated the event store " + store.url().replaceAll("password=[^&]*", "password=…")
                    + " to the host's tables (market_events, market_event_sync_logs): " + events + " event(s) and "
                    + logs + " sync-log row(s) carried over; backup: " + backup;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw new SQLException("migrating the event store to the host's schema failed, nothing was changed "
                    + "(backup: " + backup + "): " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    private int copyEvents(Connection c, String old, Instant now) throws SQLException {
        java.util.List<String> cols = new java.util.ArrayList<>(EventStore.CONTENT);
        cols.addAll(java.util.List.of("status", "last_seen_at", "fetched_at", "created_at", "updated_at"));
        int n = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + old);
             PreparedStatement ps = c.prepareStatement("INSERT INTO market_events (" + String.join(", ", cols)
                     + ") VALUES (" + String.join(", ", cols.stream().map(x -> "?").toList()) + ")")) {
            while (rs.next()) {
                store.bind(ps, cols, convert(rs, now), 1);
                ps.executeUpdate();
                n++;
            }
        }
        return n;
    }

    /** One old row in the host's conventions. */
    private Map<String, Object> convert(ResultSet rs, Instant now) throws SQLException {
        String oldSource = rs.getString("source");
        String source = SOURCES.getOrDefault(oldSource, oldSource);
        String typeName = rs.getString("event_type");
        EventType type = known(typeName);
        String symbol = blankToNull(rs.getString("symbol"));
        LocalDate date = LocalDate.parse(rs.getString("event_date").substring(0, 10));
        LocalDateTime start = EventStore.parseHostTimestamp(rs.getString("start_at_utc"));
        if (start == null) {
            start = type == EventType.DIVIDEND ? date.atStartOfDay()
                    : EventStore.utc(HostEvents.newYork(date, java.time.LocalTime.MIDNIGHT));
        }
        String sourceEventId = type != null && SOURCES.containsValue(source)
                ? HostEvents.sourceEventId(type, symbol, date)
                : firstNonBlank(rs.getString("source_event_id"), rs.getString("event_id"));
        String raw = firstNonBlank(rs.getString("raw_payload_json"), "{}");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("event_id", HostEvents.eventId(source, sourceEventId));
        v.put("event_type", typeName);
        v.put("symbol", symbol);
        v.put("title", firstNonBlank(rs.getString("title"), typeName));
        v.put("description", blankToNull(rs.getString("description")));
        v.put("event_date", start);
        v.put("event_time", blankToNull(rs.getString("event_time")));
        v.put("start_at_utc", start);
        v.put("end_at_utc", EventStore.parseHostTimestamp(rs.getString("end_at_utc")));
        v.put("market_timezone", blankToNull(rs.getString("market_timezone")));
        v.put("source", source);
        v.put("source_event_id", sourceEventId);
        v.put("source_url", blankToNull(rs.getString("source_url")));
        v.put("detail_json", EventStore.json(EventStore.readJson(rs.getString("detail_json"))));
        v.put("raw_payload_json", raw);
        v.put("raw_payload_hash", com.twsrobot.maintenance.api.Sha256.hex(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        v.put("is_portfolio_relevant", symbol != null && rs.getInt("is_portfolio_relevant") != 0);
        v.put("confidence", firstNonBlank(rs.getString("confidence"), "confirmed").toLowerCase(java.util.Locale.ROOT));
        // The old scale was 1–5; the host's is 0–100.
        v.put("importance_score", (double) (type != null ? HostEvents.importance(type) : rs.getInt("importance_score") * 20));
        v.put("status", firstNonBlank(rs.getString("status"), "active"));
        LocalDateTime fetched = orElse(EventStore.parseHostTimestamp(rs.getString("fetched_at")), EventStore.utc(now));
        v.put("last_seen_at", orElse(EventStore.parseHostTimestamp(rs.getString("last_seen_at")), fetched));
        v.put("fetched_at", fetched);
        v.put("created_at", orElse(EventStore.parseHostTimestamp(rs.getString("created_at")), fetched));
        v.put("updated_at", orElse(EventStore.parseHostTimestamp(rs.getString("updated_at")), fetched));
        return v;
    }

    private int copyLogs(Connection c, String old) throws SQLException {
        java.util.List<String> cols = java.util.List.of("provider", "event_type", "sync_started_at", "sync_finished_at",
                "status", "fetched_count", "upserted_count", "stale_count", "error_count", "error_message", "detail_json",
                "created_at");
        int n = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + old + " ORDER BY started_at");
             PreparedStatement ps = c.prepareStatement("INSERT INTO market_event_sync_logs (" + String.join(", ", cols)
                     + ") VALUES (" + String.join(", ", cols.stream().map(x -> "?").toList()) + ")")) {
            while (rs.next()) {
                String provider = rs.getString("provider");
                Map<String, Object> detail = new java.util.TreeMap<>();
                detail.put("sync_id", rs.getString("sync_id"));
                detail.put("our_provider", provider);
                detail.put("inserted_count", rs.getInt("inserted_count"));
                detail.put("updated_count", rs.getInt("updated_count"));
                LocalDateTime started = EventStore.parseHostTimestamp(rs.getString("started_at"));
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("provider", SOURCES.getOrDefault(provider, provider));
                v.put("event_type", firstNonBlank(rs.getString("event_type"), "UNKNOWN"));
                v.put("sync_started_at", started);
                v.put("sync_finished_at", EventStore.parseHostTimestamp(rs.getString("finished_at")));
                v.put("status", "failed".equals(rs.getString("status")) ? "failed" : "success");
                v.put("fetched_count", rs.getInt("fetched_count"));
                v.put("upserted_count", rs.getInt("upserted_count"));
                v.put("stale_count", rs.getInt("stale_count"));
                v.put("error_count", rs.getInt("error_count"));
                v.put("error_message", blankToNull(rs.getString("error_message")));
                v.put("detail_json", EventStore.json(detail));
                v.put("created_at", started);
                store.bind(ps, cols, v, 1);
                ps.executeUpdate();
                n++;
            }
        }
        return n;
    }

    private static EventType known(String name) {
        try {
            return EventType.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String firstNonBlank(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }

    private static LocalDateTime orElse(LocalDateTime value, LocalDateTime fallback) {
        return value != null ? value : fallback;
    }
}
