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

    /** An existing row a refresh will update in place (by {@code id}). */
    record Update(long id, EventRow row) {
    }

    /**
     * What applying one provider's fetch would do; {@code rowsRead} counts the stored rows the comparison
     * read, which follows the fetch and the window, never the size of the store.
     */
    record Plan(List<EventRow> inserts, List<Update> updates, List<Long> unchanged, Map<Long, String> stale,
                List<EventChange> changes, long rowsRead) {

        /** Rows inserted + updated of these event types (for the host's per-type sync-log rows). */
        int upserted(List<String> types) {
            return (int) (inserts.stream().filter(r -> types.contains(r.eventType())).count()
                    + updates.stream().filter(u -> types.contains(u.row().eventType())).count());
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

    /**
     * Creates a missing table with the host's DDL, then our refresh index on {@code market_events} if it
     * is not there yet (a store the host created gets it on the first apply).
     */
    void createMissing(Connection c) throws SQLException {
        for (HostSchema.Table table : HostSchema.TABLES) {
            if (tableExists(c, table.name())) {
                continue;
            }
            try (Statement st = c.createStatement()) {
                for (String sql : HostSchema.statements(dialect, table.name())) {
                    st.execute(sql);
                }
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute(RefreshReads.CREATE_REFRESH_INDEX);
        }
    }

    /**
     * Compares a provider's fetch with the rows it may change: the rows its events match and the rows
     * in its stale scope (see {@link RefreshReads}), never the whole store, so the work and the memory
     * follow the fetch and the window, not the history.
     */
    Plan plan(EventProvider provider, ProviderFetch fetch, EventsRequest request, boolean tablesExist) throws SQLException {
        Set<String> portfolio = new HashSet<>(request.symbols());
        // The same events in the same order whatever order concurrent fetches finished in.
        List<MarketEvent> ordered = new ArrayList<>(fetch.events());
        ordered.sort(java.util.Comparator.comparing(MarketEvent::eventDate).thenComparing(MarketEvent::eventId));
        Map<String, EventRow> produced = new LinkedHashMap<>();
        for (MarketEvent e : ordered) {
            EventRow row = row(provider, e, portfolio);
            produced.putIfAbsent(row.eventId(), row); // one row per event, even if a provider repeats itself
        }
        if (!tablesExist) {
            return plan(provider, request, produced, RefreshReads.Matches.NONE, null, null, fetch);
        }
        try (Connection c = connect()) {
            c.setAutoCommit(false); // PostgreSQL streams a result (fetch size) only inside a transaction
            try {
                RefreshReads reads = new RefreshReads(this);
                Plan plan = plan(provider, request, produced, reads.matches(c, produced.values()), reads, c, fetch);
                c.commit();
                return plan;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The comparison itself; {@code reads} and {@code c} are null when there is no table to read. */
    private Plan plan(EventProvider provider, EventsRequest request, Map<String, EventRow> produced,
                      RefreshReads.Matches matches, RefreshReads reads, Connection c, ProviderFetch fetch)
            throws SQLException {
        List<EventRow> inserts = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        List<Long> unchanged = new ArrayList<>();
        List<EventChange> changes = new ArrayList<>();
        Set<Long> touched = new HashSet<>();
        for (EventRow row : produced.values()) {
            RefreshReads.StoredRow found = matches.byEventId().get(row.eventId());
            if (found == null) {
                found = matches.byKey().get(row.key());
            }
            if (found == null || touched.contains(found.id())) {
                inserts.add(row);
                changes.add(change(EventChange.INSERT, row, List.of(), ""));
                continue;
            }
            long id = found.id();
            touched.add(id);
            List<EventChange.FieldChange> fields = new ArrayList<>();
            List<Object> now = row.values();
            List<Object> was = found.content().values();
            for (int i = 0; i < CONTENT.size(); i++) {
                String n = text(now.get(i));
                String w = text(was.get(i));
                if (!java.util.Objects.equals(n, w)) {
                    fields.add(new EventChange.FieldChange(CONTENT.get(i), w, n));
                }
            }
            String status = found.status();
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
        // a symbol fetched this time), and not produced by this run. Only the rows that go stale are kept.
        Set<String> types = new HashSet<>();
        provider.eventTypes().forEach(t -> types.add(t.name()));
        Set<String> covered = new HashSet<>(fetch.coveredSymbols());
        TreeMap<Long, RefreshReads.ScopeRow> goingStale = new TreeMap<>();
        if (reads != null) {
            reads.scope(c, provider, covered, request, row -> {
                boolean inScope = provider.source().equals(row.source()) && types.contains(row.eventType())
                        && row.eventDate() != null && inWindow(row.eventDate(), request)
                        && ("active".equals(row.status()) || "updated".equals(row.status()))
                        && (!provider.perSymbol() || covered.contains(row.symbol()));
                if (inScope && !touched.contains(row.id()) && !produced.containsKey(row.eventId())) {
                    goingStale.put(row.id(), row);
                }
            });
        }
        Map<Long, String> stale = new TreeMap<>();
        for (RefreshReads.ScopeRow row : goingStale.values()) {
            stale.put(row.id(), row.eventType());
            changes.add(new EventChange(EventChange.STALE, row.eventId(), row.sourceEventId(), row.eventType(),
                    row.symbol(), row.eventDate().toLocalDate(), row.eventTime(), row.marketTimezone(), row.title(),
                    List.of(), provider.perSymbol()
                    ? provider.name() + " no longer reports it for " + row.symbol() + ", which it fetched this time"
                    : provider.name() + " no longer reports it for this window"));
        }
        return new Plan(inserts, updates, unchanged, stale, changes, reads == null ? 0 : reads.rowsRead());
    }

    /** [from 00:00 UTC, the day after {@code to} 00:00 UTC): the request's dates, inclusive. */
    static boolean inWindow(LocalDateTime utc, EventsRequest request) {
        return !utc.isBefore(request.from().atStartOfDay()) && utc.isBefore(request.to().plusDays(1).atStartOfDay());
    }

    /** A provider's event as the host's row: NULL for empty values, naive UTC, the host's event id. */
    static EventRow row(EventProvider provider, MarketEvent e, Set<String> portfolio) {
        String source = e.source().isEmpty() ? provider.source() : e.source();
        String sourceEventId = e.sourceEventId().isEmpty() ? e.eventId() : e.sourceEventId();
        Instant start = e.startAtUtc() != null ? e.startAtUtc()
                : com.twsrobot.maintenance.api.events.HostEvents.newYork(e.eventDate(), java.time.LocalTime.MIDNIGHT);
        LocalDateTime startUtc = utc(start);
        String symbol = e.symbol().isEmpty() ? null : e.symbol().toUpperCase(Locale.ROOT);
        String raw = e.rawPayloadJson().isEmpty() ? "{}" : compact(e.rawPayloadJson());
        return new EventRow(com.twsrobot.maintenance.api.events.HostEvents.eventId(source, sourceEventId),
                e.eventType().name(), symbol, squash(e.title()), e.description().isEmpty() ? null : e.description(),
                startUtc, e.eventTime().isEmpty() ? null : e.eventTime(), startUtc,
                e.endAtUtc() == null ? null : utc(e.endAtUtc()), e.marketTimezone().isEmpty() ? null : e.marketTimezone(),
                source, sourceEventId, e.sourceUrl().isEmpty() ? null : e.sourceUrl(), json(e.detail()), raw,
                Sha256.hex(raw.getBytes(StandardCharsets.UTF_8)), symbol != null && portfolio.contains(symbol),
                e.confidence().toLowerCase(Locale.ROOT), (double) e.importanceScore());
    }

    private static EventChange change(String kind, EventRow row, List<EventChange.FieldChange> fields, String reason) {
        return new EventChange(kind, row.eventId(), row.sourceEventId(), row.eventType(), row.symbol(),
                row.eventDate().toLocalDate(), row.eventTime(), row.marketTimezone(), row.title(), fields, reason);
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
                    for (EventRow row : plan.inserts()) {
                        int next = bindContent(ps, row, 1);
                        ps.setString(next, "active");
                        for (int i = 1; i <= 4; i++) { // last_seen_at, fetched_at, created_at, updated_at
                            bindTimestamp(ps, next + i, ts);
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE market_events SET " + String.join(", ",
                        updateColumns.stream().map(x -> x + " = ?").toList()) + " WHERE id = ?")) {
                    for (Update u : plan.updates()) {
                        int next = bindContent(ps, u.row(), 1);
                        ps.setString(next, "updated");
                        for (int i = 1; i <= 3; i++) { // last_seen_at, fetched_at, updated_at
                            bindTimestamp(ps, next + i, ts);
                        }
                        ps.setLong(next + 4, u.id());
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
            bindValue(ps, first + i, cols.get(i), v.get(cols.get(i)));
        }
    }

    /** Binds a row's content columns ({@link #CONTENT} order) from {@code first}; returns the next index. */
    int bindContent(PreparedStatement ps, EventRow row, int first) throws SQLException {
        List<Object> values = row.values();
        for (int i = 0; i < CONTENT.size(); i++) {
            bindValue(ps, first + i, CONTENT.get(i), values.get(i));
        }
        return first + CONTENT.size();
    }

    private void bindValue(PreparedStatement ps, int index, String col, Object value) throws SQLException {
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
