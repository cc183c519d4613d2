package com.twsrobot.maintenance.sources.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.twsrobot.maintenance.api.Sha256;
import com.twsrobot.maintenance.api.events.EventChange;
import com.twsrobot.maintenance.api.events.EventProvider;
import com.twsrobot.maintenance.api.events.EventType;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.MarketEvent;
import com.twsrobot.maintenance.api.events.ProviderFetch;
import com.twsrobot.maintenance.api.events.ProviderResult;

import java.io.IOException;
import java.io.InputStream;
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
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The host application's own event tables — {@code market_events} and {@code market_event_sync_logs},
 * created with the host's DDL for SQLite or PostgreSQL — written with the host's conventions, so the
 * host reads our rows and we keep its rows: naive-UTC date-times ({@code YYYY-MM-DD HH:MM:SS.ffffff}
 * text in SQLite), NULL (never {@code ''}) for missing values, the host's {@code event_id} formula, and
 * its identity rules (a row is found by {@code event_id}, else by {@code (event_type, symbol,
 * event_date)}, and updated in place). One transaction per provider; a row a provider no longer
 * reports is marked {@code stale} under the host's rules, never deleted.
 */
final class EventStore {

    /** The host's text form of every date-time in SQLite. */
    static final DateTimeFormatter HOST_TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** Compact JSON with sorted keys, as the host writes {@code detail_json} and {@code raw_payload_json}. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** The content columns a refresh writes, in order; {@code id} and the lifecycle columns are apart. */
    static final List<String> CONTENT = List.of("event_id", "event_type", "symbol", "title", "description",
            "event_date", "event_time", "start_at_utc", "end_at_utc", "market_timezone", "source", "source_event_id",
            "source_url", "detail_json", "raw_payload_json", "raw_payload_hash", "is_portfolio_relevant", "confidence",
            "importance_score");

    static final Set<String> TIMESTAMPS = Set.of("event_date", "start_at_utc", "end_at_utc", "last_seen_at",
            "fetched_at", "created_at", "updated_at", "sync_started_at", "sync_finished_at", "window_start_utc",
            "window_end_utc");

    enum Dialect { SQLITE, POSTGRESQL }

    /** One row to write: the content columns by name, values already in the host's conventions. */
    record Row(Map<String, Object> values) {
        String type() {
            return (String) values.get("event_type");
        }

        String eventId() {
            return (String) values.get("event_id");
        }
    }

    /** An existing row a refresh will update in place (by {@code id}). */
    record Update(long id, Row row) {
    }

    /** What applying one provider's fetch would do. */
    record Plan(List<Row> inserts, List<Update> updates, List<Long> unchanged, Map<Long, String> stale,
                List<EventChange> changes) {

        /** Rows inserted + updated of these event types (for the host's per-type sync-log rows). */
        int upserted(List<String> types) {
            return (int) (inserts.stream().filter(r -> types.contains(r.type())).count()
                    + updates.stream().filter(u -> types.contains(u.row().type())).count());
        }

        int stale(List<String> types) {
            return (int) stale.values().stream().filter(types::contains).count();
        }
    }

    private final String url;
    private final Dialect dialect;

    EventStore(String url) {
        this.url = url;
        this.dialect = url.startsWith("jdbc:postgresql:") ? Dialect.POSTGRESQL : Dialect.SQLITE;
    }

    String url() {
        return url;
    }

    Dialect dialect() {
        return dialect;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** The SQLite file behind the URL, or null (PostgreSQL, in-memory). */
    Path sqliteFile() {
        if (!url.startsWith("jdbc:sqlite:")) {
            return null;
        }
        String file = url.substring("jdbc:sqlite:".length()).split("\\?")[0];
        return file.isEmpty() || file.equals(":memory:") ? null : Path.of(file);
    }

    /** Whether the event table exists (a preview never creates the database to find out). */
    boolean exists() throws SQLException {
        Path file = sqliteFile();
        if (file != null && !Files.exists(file)) {
            return false;
        }
        try (Connection c = connect()) {
            return tableExists(c, "market_events");
        }
    }

    /** Whether the store holds the schema this library shipped before the host's (no {@code id} column). */
    boolean isOldSchema() throws SQLException {
        Path file = sqliteFile();
        if (file != null && !Files.exists(file)) {
            return false;
        }
        try (Connection c = connect()) {
            return tableExists(c, "market_events") && !columns(c, "market_events").contains("id");
        }
    }

    /**
     * Makes the database hold the host's tables: creates a missing one with the host's DDL, and moves a
     * store in the schema this library shipped before into them (see {@link OldSchemaMigration}).
     *
     * @return what was done worth telling the operator (a migration), else empty
     */
    List<String> prepare(Instant now) throws SQLException {
        List<String> notes = new ArrayList<>();
        try (Connection c = connect()) {
            if (tableExists(c, "market_events") && !columns(c, "market_events").contains("id")) {
                notes.add(new OldSchemaMigration(this).migrate(c, now));
            }
            createMissing(c);
        }
        return notes;
    }

    void createMissing(Connection c) throws SQLException {
        for (String table : List.of("market_events", "market_event_sync_logs")) {
            if (tableExists(c, table)) {
                continue;
            }
            try (Statement st = c.createStatement()) {
                for (String sql : hostDdl(table)) {
                    st.execute(sql);
                }
            }
        }
    }

    /** The host's CREATE TABLE and CREATE INDEX statements of {@code table} for this dialect. */
    private List<String> hostDdl(String table) throws SQLException {
        String name = dialect == Dialect.POSTGRESQL ? "host-schema.postgresql.sql" : "host-schema.sqlite.sql";
        String text;
        try (InputStream in = EventStore.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new SQLException("the host schema " + name + " is missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read the host schema " + name + ": " + e.getMessage(), e);
        }
        List<String> out = new ArrayList<>();
        for (String statement : text.replaceAll("(?m)^--.*$", "").split(";")) {
            String sql = statement.strip();
            if (sql.startsWith("CREATE TABLE " + table + " ") || sql.matches("(?s)CREATE (UNIQUE )?INDEX \\S+ ON " + table + " .*")) {
                out.add(sql);
            }
        }
        return out;
    }

    /** Compares a provider's fetch with the rows in the store. */
    Plan plan(EventProvider provider, ProviderFetch fetch, EventsRequest request, boolean tablesExist) throws SQLException {
        List<Map<String, Object>> existing = tablesExist ? existing(request) : List.of();
        Map<String, Map<String, Object>> byEventId = new HashMap<>();
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        for (Map<String, Object> row : existing) {
            if (row.get("event_id") != null) {
                byEventId.put((String) row.get("event_id"), row);
            }
            byKey.putIfAbsent(key(row.get("event_type"), row.get("symbol"), row.get("event_date")), row);
        }
        List<Row> inserts = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        List<Long> unchanged = new ArrayList<>();
        List<EventChange> changes = new ArrayList<>();
        Set<String> produced = new HashSet<>();
        Set<Long> touched = new HashSet<>();
        Set<String> portfolio = new HashSet<>(request.symbols());
        // The same events in the same order whatever order concurrent fetches finished in.
        List<MarketEvent> ordered = new ArrayList<>(fetch.events());
        ordered.sort(java.util.Comparator.comparing(MarketEvent::eventDate).thenComparing(MarketEvent::eventId));
        for (MarketEvent e : ordered) {
            Row row = row(provider, e, portfolio);
            if (!produced.add(row.eventId())) {
                continue; // one row per event, even if a provider repeats itself
            }
            Map<String, Object> found = byEventId.get(row.eventId());
            if (found == null) {
                found = byKey.get(key(row.values().get("event_type"), row.values().get("symbol"),
                        row.values().get("event_date")));
            }
            if (found == null || touched.contains((Long) found.get("id"))) {
                inserts.add(row);
                changes.add(change(EventChange.INSERT, row, List.of(), ""));
                continue;
            }
            long id = (Long) found.get("id");
            touched.add(id);
            List<EventChange.FieldChange> fields = new ArrayList<>();
            for (String column : CONTENT) {
                String now = text(row.values().get(column));
                String was = text(found.get(column));
                if (!java.util.Objects.equals(now, was)) {
                    fields.add(new EventChange.FieldChange(column, was, now));
                }
            }
            String status = (String) found.get("status");
            if (!"active".equals(status) && !"updated".equals(status)) {
                fields.add(new EventChange.FieldChange("status", status, "updated"));
            }
            if (fields.isEmpty()) {
                unchanged.add(id);
            } else {
                updates.add(new Update(id, row));
                changes.add(change(EventChange.UPDATE, row, fields, ""));
            }
        }
        // The host's stale rule: same source, one of the provider's types, in the window, live, (per symbol:
        // a symbol fetched this time), and not produced by this run.
        Set<String> types = new HashSet<>();
        provider.eventTypes().forEach(t -> types.add(t.name()));
        Set<String> covered = new HashSet<>(fetch.coveredSymbols());
        Map<Long, String> stale = new TreeMap<>();
        for (Map<String, Object> row : existing) {
            long id = (Long) row.get("id");
            LocalDateTime at = (LocalDateTime) row.get("event_date");
            boolean inScope = provider.source().equals(row.get("source")) && types.contains(row.get("event_type"))
                    && inWindow(at, request) && ("active".equals(row.get("status")) || "updated".equals(row.get("status")))
                    && (!provider.perSymbol() || covered.contains(row.get("symbol")));
            if (inScope && !touched.contains(id) && !produced.contains(row.get("event_id"))) {
                stale.put(id, (String) row.get("event_type"));
                changes.add(new EventChange(EventChange.STALE, (String) row.get("event_id"),
                        (String) row.get("source_event_id"), (String) row.get("event_type"), (String) row.get("symbol"),
                        at.toLocalDate(), (String) row.get("event_time"), (String) row.get("market_timezone"),
                        (String) row.get("title"), List.of(), provider.perSymbol()
                        ? provider.name() + " no longer reports it for " + row.get("symbol") + ", which it fetched this time"
                        : provider.name() + " no longer reports it for this window"));
            }
        }
        return new Plan(inserts, updates, unchanged, stale, changes);
    }

    /** [from 00:00 UTC, the day after {@code to} 00:00 UTC): the request's dates, inclusive. */
    private static boolean inWindow(LocalDateTime utc, EventsRequest request) {
        return !utc.isBefore(request.from().atStartOfDay()) && utc.isBefore(request.to().plusDays(1).atStartOfDay());
    }

    /** A provider's event as the host's row: NULL for empty values, naive UTC, the host's event id. */
    private static Row row(EventProvider provider, MarketEvent e, Set<String> portfolio) {
        String source = e.source().isEmpty() ? provider.source() : e.source();
        String sourceEventId = e.sourceEventId().isEmpty() ? e.eventId() : e.sourceEventId();
        Instant start = e.startAtUtc() != null ? e.startAtUtc()
                : com.twsrobot.maintenance.api.events.HostEvents.newYork(e.eventDate(), java.time.LocalTime.MIDNIGHT);
        LocalDateTime startUtc = utc(start);
        String symbol = e.symbol().isEmpty() ? null : e.symbol().toUpperCase(Locale.ROOT);
        String raw = e.rawPayloadJson().isEmpty() ? "{}" : compact(e.rawPayloadJson());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("event_id", com.twsrobot.maintenance.api.events.HostEvents.eventId(source, sourceEventId));
        v.put("event_type", e.eventType().name());
        v.put("symbol", symbol);
        v.put("title", squash(e.title()));
        v.put("description", e.description().isEmpty() ? null : e.description());
        v.put("event_date", startUtc);
        v.put("event_time", e.eventTime().isEmpty() ? null : e.eventTime());
        v.put("start_at_utc", startUtc);
        v.put("end_at_utc", e.endAtUtc() == null ? null : utc(e.endAtUtc()));
        v.put("market_timezone", e.marketTimezone().isEmpty() ? null : e.marketTimezone());
        v.put("source", source);
        v.put("source_event_id", sourceEventId);
        v.put("source_url", e.sourceUrl().isEmpty() ? null : e.sourceUrl());
        v.put("detail_json", json(e.detail()));
        v.put("raw_payload_json", raw);
        v.put("raw_payload_hash", Sha256.hex(raw.getBytes(StandardCharsets.UTF_8)));
        v.put("is_portfolio_relevant", symbol != null && portfolio.contains(symbol));
        v.put("confidence", e.confidence().toLowerCase(Locale.ROOT));
        v.put("importance_score", (double) e.importanceScore());
        return new Row(v);
    }

    private static EventChange change(String kind, Row row, List<EventChange.FieldChange> fields, String reason) {
        Map<String, Object> v = row.values();
        return new EventChange(kind, row.eventId(), (String) v.get("source_event_id"), row.type(),
                (String) v.get("symbol"), ((LocalDateTime) v.get("event_date")).toLocalDate(), (String) v.get("event_time"),
                (String) v.get("market_timezone"), (String) v.get("title"), fields, reason);
    }

    /** Writes a plan in one transaction; on any error nothing of it is kept. */
    void apply(Plan plan, Instant now) throws SQLException {
        LocalDateTime ts = utc(now);
        List<String> insertColumns = new ArrayList<>(CONTENT);
        insertColumns.addAll(List.of("status", "last_seen_at", "fetched_at", "created_at", "updated_at"));
        List<String> updateColumns = new ArrayList<>(CONTENT);
        updateColumns.addAll(List.of("status", "last_seen_at", "fetched_at", "updated_at"));
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO market_events (" + String.join(", ",
                        insertColumns) + ") VALUES (" + String.join(", ", insertColumns.stream().map(x -> "?").toList())
                        + ")")) {
                    for (Row row : plan.inserts()) {
                        Map<String, Object> v = new LinkedHashMap<>(row.values());
                        v.put("status", "active");
                        v.put("last_seen_at", ts);
                        v.put("fetched_at", ts);
                        v.put("created_at", ts);
                        v.put("updated_at", ts);
                        bind(ps, insertColumns, v, 1);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE market_events SET " + String.join(", ",
                        updateColumns.stream().map(x -> x + " = ?").toList()) + " WHERE id = ?")) {
                    for (Update u : plan.updates()) {
                        Map<String, Object> v = new LinkedHashMap<>(u.row().values());
                        v.put("status", "updated");
                        v.put("last_seen_at", ts);
                        v.put("fetched_at", ts);
                        v.put("updated_at", ts);
                        bind(ps, updateColumns, v, 1);
                        ps.setLong(updateColumns.size() + 1, u.id());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE market_events SET last_seen_at = ?, fetched_at = ? WHERE id = ?")) {
                    for (long id : plan.unchanged()) {
                        bindTimestamp(ps, 1, ts);
                        bindTimestamp(ps, 2, ts);
                        ps.setLong(3, id);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE market_events SET status = 'stale', updated_at = ? WHERE id = ?")) {
                    for (long id : plan.stale().keySet()) {
                        bindTimestamp(ps, 1, ts);
                        ps.setLong(2, id);
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

    /**
     * Appends the host's sync-log rows for one provider run: one per event type for a per-symbol provider
     * (as the host logs EARNINGS and DIVIDEND apart), else one. {@code detail_json} also carries our sync
     * id and the inserted/updated split, which the host only displays.
     */
    void log(ProviderResult r, EventProvider provider, Plan plan, EventsRequest request, int fetchedOfType,
             String type, List<String> counted) throws SQLException {
        List<String> cols = List.of("provider", "event_type", "sync_started_at", "sync_finished_at", "window_start_utc",
                "window_end_utc", "status", "fetched_count", "upserted_count", "stale_count", "error_count",
                "error_message", "detail_json", "created_at");
        Map<String, Object> detail = new TreeMap<>();
        if (provider.perSymbol()) {
            detail.put("symbols", request.symbols());
        }
        detail.put("sync_id", r.syncId());
        detail.put("our_provider", r.provider());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("provider", provider.source());
        v.put("event_type", type);
        v.put("sync_started_at", utc(r.startedAt()));
        v.put("sync_finished_at", utc(r.finishedAt()));
        v.put("window_start_utc", request.from().atStartOfDay());
        v.put("window_end_utc", request.to().atStartOfDay());
        v.put("status", r.status().equals("failed") ? "failed" : "success");
        v.put("fetched_count", fetchedOfType);
        v.put("upserted_count", plan == null ? 0 : plan.upserted(counted));
        v.put("stale_count", plan == null ? 0 : plan.stale(counted));
        v.put("error_count", r.errorCount() > 0 ? 1 : 0);
        v.put("error_message", r.errorMessage().isEmpty() ? null : r.errorMessage());
        v.put("detail_json", json(detail));
        v.put("created_at", utc(r.finishedAt()));
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO market_event_sync_logs ("
                + String.join(", ", cols) + ") VALUES (" + String.join(", ", cols.stream().map(x -> "?").toList()) + ")")) {
            bind(ps, cols, v, 1);
            ps.executeUpdate();
        }
    }

    /** The newest sync-log rows (the host's and ours), newest first. */
    List<ProviderResult> syncLog(int limit) throws SQLException {
        List<ProviderResult> out = new ArrayList<>();
        try (Connection c = connect()) {
            if (!tableExists(c, "market_event_sync_logs")) {
                return out;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM market_event_sync_logs "
                    + "ORDER BY sync_started_at DESC, id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> detail = readJson(rs.getString("detail_json"));
                        LocalDateTime started = timestamp(rs, "sync_started_at");
                        LocalDateTime finished = timestamp(rs, "sync_finished_at");
                        int upserted = rs.getInt("upserted_count");
                        Object syncId = detail.getOrDefault("sync_id", "host-" + HOST_TS.format(started));
                        out.add(new ProviderResult(String.valueOf(syncId), rs.getString("provider"),
                                rs.getString("event_type"), rs.getString("status"), rs.getInt("fetched_count"), upserted,
                                0, upserted, rs.getInt("stale_count"), rs.getInt("error_count"),
                                rs.getString("error_message"), List.of(), started.toInstant(ZoneOffset.UTC),
                                (finished == null ? started : finished).toInstant(ZoneOffset.UTC)));
                    }
                }
            }
        }
        return out;
    }

    /** Every row by {@code source_event_id}: type, symbol, event_date (host text), status (for tests and audits). */
    Map<String, Map<String, String>> all() throws SQLException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT source_event_id, event_type, symbol, event_date, status "
                     + "FROM market_events ORDER BY event_date, id")) {
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("event_type", rs.getString(2));
                row.put("symbol", rs.getString(3));
                row.put("event_date", HOST_TS.format(timestamp(rs, "event_date")));
                row.put("status", rs.getString(5));
                out.put(rs.getString(1), row);
            }
        }
        return out;
    }

    /** Rows from the window's start on, every source (the host may have written a row we should update). */
    private List<Map<String, Object>> existing(EventsRequest request) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> cols = new ArrayList<>(CONTENT);
        cols.add("status");
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT id, " + String.join(", ", cols)
                + " FROM market_events WHERE event_date >= ? ORDER BY id")) {
            bindTimestamp(ps, 1, request.from().atStartOfDay());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", rs.getLong("id"));
                    for (String col : cols) {
                        row.put(col, read(rs, col));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    private Object read(ResultSet rs, String col) throws SQLException {
        if (TIMESTAMPS.contains(col)) {
            return timestamp(rs, col);
        }
        return switch (col) {
            case "is_portfolio_relevant" -> {
                Object o = rs.getObject(col);
                yield o == null ? null : o instanceof Boolean b ? b : ((Number) o).intValue() != 0;
            }
            case "importance_score" -> {
                double d = rs.getDouble(col);
                yield rs.wasNull() ? null : d;
            }
            default -> rs.getString(col);
        };
    }

    /** A date-time column as naive UTC, whatever text or type the row holds it in. */
    LocalDateTime timestamp(ResultSet rs, String col) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            return rs.getObject(col, LocalDateTime.class);
        }
        return parseHostTimestamp(rs.getString(col));
    }

    /** The host's text, or a bare date, ISO with T and an optional zone, or epoch milliseconds. */
    static LocalDateTime parseHostTimestamp(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.matches("-?\\d{10,}")) {
            return utc(Instant.ofEpochMilli(Long.parseLong(t)));
        }
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay();
        }
        if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$")) {
            return utc(java.time.OffsetDateTime.parse(t.replace(' ', 'T')).toInstant());
        }
        return LocalDateTime.parse(t.replace(' ', 'T'));
    }

    /** Comparable text of a value: date-times in the host's form, booleans 1/0, NULL as null. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime t) {
            return HOST_TS.format(t);
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof Double d) {
            return Double.toString(d); // 75.0, as the host's rows print
        }
        return value.toString();
    }

    /** Binds {@code cols} from {@code v} in this dialect's types: date-times as the host stores them, booleans, NULLs. */
    void bind(PreparedStatement ps, List<String> cols, Map<String, Object> v, int first) throws SQLException {
        for (int i = 0; i < cols.size(); i++) {
            String col = cols.get(i);
            Object value = v.get(col);
            int index = first + i;
            if (TIMESTAMPS.contains(col)) {
                bindTimestamp(ps, index, (LocalDateTime) value);
            } else if (value instanceof Boolean b) {
                if (dialect == Dialect.POSTGRESQL) {
                    ps.setBoolean(index, b);
                } else {
                    ps.setInt(index, b ? 1 : 0);
                }
            } else if (value instanceof Double d) {
                ps.setDouble(index, d);
            } else if (value instanceof Integer n) {
                ps.setInt(index, n);
            } else if (value == null) {
                ps.setNull(index, Types.VARCHAR);
            } else {
                ps.setString(index, value.toString());
            }
        }
    }

    /** SQLite: the host's text (never the driver's epoch or 3-digit forms); PostgreSQL: a timestamp. */
    private void bindTimestamp(PreparedStatement ps, int index, LocalDateTime value) throws SQLException {
        if (value == null) {
            ps.setNull(index, dialect == Dialect.POSTGRESQL ? Types.TIMESTAMP : Types.VARCHAR);
        } else if (dialect == Dialect.POSTGRESQL) {
            ps.setObject(index, value);
        } else {
            ps.setString(index, HOST_TS.format(value));
        }
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String key(Object type, Object symbol, Object eventDate) {
        return type + "|" + (symbol == null ? "\u0000" : symbol) + "|" + text(eventDate);
    }

    private static String squash(String title) {
        return title.strip().replaceAll("\\s+", " ");
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A provider's raw JSON re-written compact with sorted keys; text that is not JSON is kept as it is. */
    private static String compact(String raw) {
        try {
            return JSON.writeValueAsString(JSON.readValue(raw, Object.class));
        } catch (JsonProcessingException e) {
            return raw;
        }
    }

    static Map<String, Object> readJson(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(text, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException | ClassCastException e) {
            return Map.of();
        }
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, null, table, new String[]{"TABLE"})) {
            return rs.next();
        }
    }

    static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
