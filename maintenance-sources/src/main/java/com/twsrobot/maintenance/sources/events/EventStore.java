package com.twsrobot.maintenance.sources.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twsrobot.maintenance.api.Sha256;
import com.twsrobot.maintenance.api.events.EventChange;
import com.twsrobot.maintenance.api.events.EventProvider;
import com.twsrobot.maintenance.api.events.EventType;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.MarketEvent;
import com.twsrobot.maintenance.api.events.ProviderFetch;
import com.twsrobot.maintenance.api.events.ProviderResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code market_events} and {@code market_event_sync_log} tables behind any JDBC URL (SQLite by
 * default, PostgreSQL with the same SQL). Dates and instants are stored as ISO text so the schema is
 * portable. Upserts are idempotent by event id; one transaction per provider; future events a provider
 * stopped reporting are marked {@code stale}, never deleted.
 */
final class EventStore {

    /** Columns of market_events in order, with their portable types (added by migration when missing). */
    static final Map<String, String> EVENT_COLUMNS = columns(
            "event_id", "VARCHAR(200) PRIMARY KEY", "event_type", "VARCHAR(40) NOT NULL",
            "symbol", "VARCHAR(40) NOT NULL DEFAULT ''", "title", "TEXT", "description", "TEXT",
            "event_date", "VARCHAR(10) NOT NULL", "event_time", "VARCHAR(10)", "start_at_utc", "VARCHAR(40)",
            "end_at_utc", "VARCHAR(40)", "market_timezone", "VARCHAR(60)", "source", "VARCHAR(60) NOT NULL",
            "source_event_id", "VARCHAR(200)", "source_url", "TEXT", "detail_json", "TEXT", "raw_payload_json", "TEXT",
            "raw_payload_hash", "VARCHAR(64)", "is_portfolio_relevant", "INTEGER NOT NULL DEFAULT 0",
            "confidence", "VARCHAR(20)", "importance_score", "INTEGER NOT NULL DEFAULT 0",
            "status", "VARCHAR(20) NOT NULL DEFAULT 'active'", "last_seen_at", "VARCHAR(40)", "fetched_at", "VARCHAR(40)",
            "created_at", "VARCHAR(40)", "updated_at", "VARCHAR(40)");

    static final Map<String, String> LOG_COLUMNS = columns(
            "sync_id", "VARCHAR(64) NOT NULL", "provider", "VARCHAR(60) NOT NULL", "event_type", "VARCHAR(100)",
            "status", "VARCHAR(20)", "fetched_count", "INTEGER", "inserted_count", "INTEGER", "updated_count", "INTEGER",
            "upserted_count", "INTEGER", "stale_count", "INTEGER", "error_count", "INTEGER", "error_message", "TEXT",
            "warnings_json", "TEXT", "started_at", "VARCHAR(40)", "finished_at", "VARCHAR(40)");

    /** The fields whose change makes an event "updated". */
    private static final List<String> COMPARED = List.of("title", "description", "event_date", "event_time",
            "start_at_utc", "end_at_utc", "market_timezone", "source_url", "detail_json", "raw_payload_hash",
            "confidence", "importance_score", "is_portfolio_relevant", "symbol", "event_type");

    /**
     * Keys sorted, so a provider's map (even a {@code Map.of}, whose order changes with every JVM start)
     * gives the same text in every process and an identical refresh updates nothing.
     */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** What applying one provider's fetch would do. */
    record Plan(List<MarketEvent> inserts, List<MarketEvent> updates, List<MarketEvent> unchanged, List<String> stale,
                List<EventChange> changes) {
    }

    private final String url;

    EventStore(String url) {
        this.url = url;
    }

    String url() {
        return url;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Creates the tables, or adds the columns an older version lacks. */
    void migrate() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(createTable("market_events", EVENT_COLUMNS, ""));
            st.execute("CREATE INDEX IF NOT EXISTS market_events_source_date ON market_events (source, event_date)");
            st.execute(createTable("market_event_sync_log", LOG_COLUMNS, ", PRIMARY KEY (sync_id, provider)"));
            addMissing(c, "market_events", EVENT_COLUMNS);
            addMissing(c, "market_event_sync_log", LOG_COLUMNS);
        }
    }

    /**
     * Whether the tables exist, without creating anything (a preview writes nothing, not even a
     * database file).
     */
    boolean exists() throws SQLException {
        if (url.startsWith("jdbc:sqlite:")) {
            String file = url.substring("jdbc:sqlite:".length()).split("\\?")[0];
            if (!file.isEmpty() && !file.equals(":memory:") && !Files.exists(Path.of(file))) {
                return false;
            }
        }
        try (Connection c = connect()) {
            return tableExists(c, "market_events");
        }
    }

    /** Compares a provider's fetch with the rows it wrote before. */
    Plan plan(EventProvider provider, ProviderFetch fetch, EventsRequest request, boolean tablesExist) throws SQLException {
        Map<String, Map<String, String>> existing = tablesExist ? existing(provider.name(), request) : Map.of();
        List<MarketEvent> inserts = new ArrayList<>();
        List<MarketEvent> updates = new ArrayList<>();
        List<MarketEvent> unchanged = new ArrayList<>();
        List<EventChange> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // The same events in the same order whatever order concurrent fetches finished in.
        List<MarketEvent> ordered = new ArrayList<>(fetch.events());
        ordered.sort(java.util.Comparator.comparing(MarketEvent::eventDate).thenComparing(MarketEvent::eventId));
        for (MarketEvent e : ordered) {
            if (!seen.add(e.eventId())) {
                continue; // one row per id, even if a provider repeats itself
            }
            Map<String, String> row = existing.get(e.eventId());
            if (row == null) {
                inserts.add(e);
                changes.add(change(EventChange.INSERT, e, List.of()));
                continue;
            }
            List<EventChange.FieldChange> fields = new ArrayList<>();
            values(e).forEach((field, value) -> {
                String now = String.valueOf(value);
                if (COMPARED.contains(field) && !now.equals(row.get(field))) {
                    fields.add(new EventChange.FieldChange(field, row.get(field), now));
                }
            });
            if (row.get("status").equals("stale") || row.get("status").equals("cancelled")) {
                fields.add(new EventChange.FieldChange("status", row.get("status"), "active"));
            }
            if (fields.isEmpty()) {
                unchanged.add(e);
            } else {
                updates.add(e);
                changes.add(change(EventChange.UPDATE, e, fields));
            }
        }
        Set<String> types = new HashSet<>();
        provider.eventTypes().forEach(t -> types.add(t.name()));
        Set<String> covered = new HashSet<>(fetch.coveredSymbols());
        List<String> stale = new ArrayList<>();
        new java.util.TreeMap<>(existing).forEach((id, row) -> {
            boolean inScope = request.inWindow(java.time.LocalDate.parse(row.get("event_date")))
                    && types.contains(row.get("event_type")) && !row.get("status").equals("stale")
                    && (!provider.perSymbol() || covered.contains(row.get("symbol")));
            if (inScope && !seen.contains(id)) {
                stale.add(id);
                changes.add(new EventChange(EventChange.STALE, id, row.get("event_type"), row.get("symbol"),
                        java.time.LocalDate.parse(row.get("event_date")), nullToEmpty(row.get("event_time")),
                        nullToEmpty(row.get("market_timezone")), row.get("title"), List.of(),
                        provider.perSymbol()
                                ? provider.name() + " no longer reports it for " + row.get("symbol")
                                + ", which it fetched this time"
                                : provider.name() + " no longer reports it for this window"));
            }
        });
        return new Plan(inserts, updates, unchanged, stale, changes);
    }

    /** Writes a plan in one transaction; on any error nothing of it is kept. */
    void apply(Plan plan, Instant now) throws SQLException {
        String ts = now.toString();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                List<String> cols = new ArrayList<>(EVENT_COLUMNS.keySet());
                String insert = "INSERT INTO market_events (" + String.join(", ", cols) + ") VALUES ("
                        + String.join(", ", cols.stream().map(x -> "?").toList()) + ")";
                try (PreparedStatement ps = c.prepareStatement(insert)) {
                    for (MarketEvent e : plan.inserts()) {
                        Map<String, Object> v = values(e);
                        v.put("status", "active");
                        v.put("last_seen_at", ts);
                        v.put("fetched_at", ts);
                        v.put("created_at", ts);
                        v.put("updated_at", ts);
                        bind(ps, cols, v);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                List<String> set = new ArrayList<>(COMPARED);
                set.addAll(List.of("source", "source_event_id", "raw_payload_json", "status", "last_seen_at",
                        "fetched_at", "updated_at"));
                String update = "UPDATE market_events SET " + String.join(", ", set.stream().map(x -> x + " = ?").toList())
                        + " WHERE event_id = ?";
                try (PreparedStatement ps = c.prepareStatement(update)) {
                    for (MarketEvent e : plan.updates()) {
                        Map<String, Object> v = values(e);
                        v.put("status", "updated");
                        v.put("last_seen_at", ts);
                        v.put("fetched_at", ts);
                        v.put("updated_at", ts);
                        bind(ps, set, v);
                        ps.setString(set.size() + 1, e.eventId());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE market_events SET last_seen_at = ?, fetched_at = ? WHERE event_id = ?")) {
                    for (MarketEvent e : plan.unchanged()) {
                        ps.setString(1, ts);
                        ps.setString(2, ts);
                        ps.setString(3, e.eventId());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE market_events SET status = 'stale', updated_at = ? WHERE event_id = ?")) {
                    for (String id : plan.stale()) {
                        ps.setString(1, ts);
                        ps.setString(2, id);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    void log(ProviderResult r) throws SQLException {
        List<String> cols = new ArrayList<>(LOG_COLUMNS.keySet());
        String sql = "INSERT INTO market_event_sync_log (" + String.join(", ", cols) + ") VALUES ("
                + String.join(", ", cols.stream().map(x -> "?").toList()) + ")";
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sync_id", r.syncId());
        v.put("provider", r.provider());
        v.put("event_type", r.eventType());
        v.put("status", r.status());
        v.put("fetched_count", r.fetchedCount());
        v.put("inserted_count", r.insertedCount());
        v.put("updated_count", r.updatedCount());
        v.put("upserted_count", r.upsertedCount());
        v.put("stale_count", r.staleCount());
        v.put("error_count", r.errorCount());
        v.put("error_message", r.errorMessage());
        v.put("warnings_json", json(r.warnings()));
        v.put("started_at", r.startedAt().toString());
        v.put("finished_at", r.finishedAt().toString());
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, cols, v);
            ps.executeUpdate();
        }
    }

    List<ProviderResult> syncLog(int limit) throws SQLException {
        List<ProviderResult> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM market_event_sync_log ORDER BY sync_id DESC, provider ASC")) {
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < limit) {
                    List<String> warnings = new ArrayList<>();
                    try {
                        JSON.readTree(rs.getString("warnings_json")).forEach(n -> warnings.add(n.asText()));
                    } catch (JsonProcessingException | IllegalArgumentException ignored) {
                        // an unreadable warnings column loses only the warnings
                    }
                    out.add(new ProviderResult(rs.getString("sync_id"), rs.getString("provider"), rs.getString("event_type"),
                            rs.getString("status"), rs.getInt("fetched_count"), rs.getInt("inserted_count"),
                            rs.getInt("updated_count"), rs.getInt("upserted_count"), rs.getInt("stale_count"),
                            rs.getInt("error_count"), rs.getString("error_message"), warnings,
                            Instant.parse(rs.getString("started_at")), Instant.parse(rs.getString("finished_at"))));
                }
            }
        }
        return out;
    }

    /** Id, type, symbol, date and status of every row, in date order (for tests and audits). */
    Map<String, Map<String, String>> all() throws SQLException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT event_id, event_type, symbol, event_date, status FROM market_events "
                     + "ORDER BY event_date, event_id")) {
            while (rs.next()) {
                out.put(rs.getString(1), Map.of("event_type", rs.getString(2), "symbol", rs.getString(3),
                        "event_date", rs.getString(4), "status", rs.getString(5)));
            }
        }
        return out;
    }

    private Map<String, Map<String, String>> existing(String provider, EventsRequest request) throws SQLException {
        Map<String, Map<String, String>> out = new HashMap<>();
        List<String> cols = new ArrayList<>(COMPARED);
        cols.add("status");
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT event_id, "
                + String.join(", ", cols) + " FROM market_events WHERE source = ? AND event_date >= ?")) {
            ps.setString(1, provider);
            ps.setString(2, request.from().toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> row = new HashMap<>();
                    for (String col : cols) {
                        row.put(col, String.valueOf(rs.getObject(col) == null ? "null" : rs.getObject(col)));
                    }
                    out.put(rs.getString("event_id"), row);
                }
            }
        }
        return out;
    }

    private static EventChange change(String kind, MarketEvent e, List<EventChange.FieldChange> fields) {
        return new EventChange(kind, e.eventId(), e.eventType().name(), e.symbol(), e.eventDate(), e.eventTime(),
                e.marketTimezone(), e.title(), fields, "");
    }

    private static String nullToEmpty(String value) {
        return value == null || value.equals("null") ? "" : value;
    }

    private static Map<String, Object> values(MarketEvent e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("event_id", e.eventId());
        v.put("event_type", e.eventType().name());
        v.put("symbol", e.symbol());
        v.put("title", e.title());
        v.put("description", e.description());
        v.put("event_date", e.eventDate().toString());
        v.put("event_time", e.eventTime());
        v.put("start_at_utc", e.startAtUtc() == null ? "null" : e.startAtUtc().toString());
        v.put("end_at_utc", e.endAtUtc() == null ? "null" : e.endAtUtc().toString());
        v.put("market_timezone", e.marketTimezone());
        v.put("source", e.source());
        v.put("source_event_id", e.sourceEventId());
        v.put("source_url", e.sourceUrl());
        v.put("detail_json", json(e.detail()));
        v.put("raw_payload_json", e.rawPayloadJson());
        v.put("raw_payload_hash", Sha256.hex(e.rawPayloadJson().getBytes(StandardCharsets.UTF_8)));
        v.put("is_portfolio_relevant", e.portfolioRelevant() ? 1 : 0);
        v.put("confidence", e.confidence());
        v.put("importance_score", e.importanceScore());
        return v;
    }

    private static void bind(PreparedStatement ps, List<String> cols, Map<String, Object> v) throws SQLException {
        for (int i = 0; i < cols.size(); i++) {
            Object value = v.get(cols.get(i));
            if (value instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (value == null || "null".equals(value)) {
                ps.setNull(i + 1, java.sql.Types.VARCHAR);
            } else {
                ps.setString(i + 1, value.toString());
            }
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }


    private static String createTable(String name, Map<String, String> columns, String extra) {
        List<String> defs = new ArrayList<>();
        columns.forEach((col, type) -> defs.add(col + " " + type));
        return "CREATE TABLE IF NOT EXISTS " + name + " (" + String.join(", ", defs) + extra + ")";
    }

    private static void addMissing(Connection c, String table, Map<String, String> columns) throws SQLException {
        Set<String> present = new HashSet<>();
        DatabaseMetaData meta = c.getMetaData();
        for (String t : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getColumns(null, null, t, null)) {
                while (rs.next()) {
                    present.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        try (Statement st = c.createStatement()) {
            for (Map.Entry<String, String> col : columns.entrySet()) {
                if (!present.contains(col.getKey())) {
                    // Added columns cannot carry PRIMARY KEY or NOT NULL without a default; keep the type only.
                    String type = col.getValue().replace(" PRIMARY KEY", "").replace(" NOT NULL", "");
                    st.execute("ALTER TABLE " + table + " ADD COLUMN " + col.getKey() + " " + type);
                }
            }
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String t : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getTables(null, null, t, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, String> columns(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

}
