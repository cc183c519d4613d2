package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.events.EventProvider;
import com.twsrobot.maintenance.api.events.EventsRequest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The reads of one provider's refresh, bounded by what the refresh may change rather than by the size
 * of the store: the rows its events may update (by {@code event_id}, else by {@code (event_type,
 * symbol, event_date)}, both through the host's own unique indexes) and, streamed, the rows it may mark
 * stale (its source, its types, the window, live, the symbols it fetched: through
 * {@link #REFRESH_INDEX}). Only the columns each needs are read.
 */
final class RefreshReads {

    /**
     * Our one index on the host's table, for the stale scan. The host neither reads nor drops it
     * ({@code create_all} never alters an existing table); see docs/operations.md.
     */
    static final String REFRESH_INDEX = "tws_maintenance_ix_market_events_refresh";

    static final String CREATE_REFRESH_INDEX = "CREATE INDEX IF NOT EXISTS " + REFRESH_INDEX
            + " ON market_events (source, event_type, symbol, event_date)";

    /** Values per IN list: far below both databases' bound-parameter limits. */
    static final int CHUNK = 500;

    /** Rows streamed per round trip (PostgreSQL otherwise reads a whole result into memory). */
    static final int FETCH_SIZE = 256;

    /** A stored row a refresh may update: its id, status and content. */
    record StoredRow(long id, String status, EventRow content) {
    }

    /** A row the stale rule looks at: only the columns it tests and the change record names. */
    record ScopeRow(long id, String eventId, String sourceEventId, String eventType, String symbol,
                    LocalDateTime eventDate, String eventTime, String marketTimezone, String title, String source,
                    String status) {
    }

    /** The stored rows the produced rows match: by {@code event_id}, and by key (lowest id first, as the host finds). */
    record Matches(Map<String, StoredRow> byEventId, Map<String, StoredRow> byKey) {
        static final Matches NONE = new Matches(Map.of(), Map.of());
    }

    private static final String FULL = "id, status, " + String.join(", ", EventStore.CONTENT);
    private static final String NARROW = "id, event_id, source_event_id, event_type, symbol, event_date, event_time, "
            + "market_timezone, title, source, status";

    private final EventStore store;
    private long rowsRead;

    RefreshReads(EventStore store) {
        this.store = store;
    }

    /** How many rows the look-ups so far have read. */
    long rowsRead() {
        return rowsRead;
    }

    /**
     * The stored rows {@code rows} would update, looked up through the unique indexes only, wherever
     * their date lies, as the host's upsert finds them (the whole-store comparison this replaced saw only
     * rows from the window's start, so an event whose stored date was before it was inserted again and
     * refused by the unique {@code event_id} index).
     */
    Matches matches(Connection c, Collection<EventRow> rows) throws SQLException {
        Map<String, StoredRow> byEventId = new HashMap<>();
        List<String> ids = rows.stream().map(EventRow::eventId).toList();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FULL + " FROM market_events WHERE event_id IN ("
                    + placeholders(chunk.size()) + ")")) {
                for (int j = 0; j < chunk.size(); j++) {
                    ps.setString(j + 1, chunk.get(j));
                }
                forEach(ps, rs -> byEventId.put(rs.getString("event_id"), stored(rs)));
            }
        }
        // By key: one ranged look-up per (type, symbol) through the (event_type, symbol, event_date) index.
        Map<String, List<EventRow>> groups = new LinkedHashMap<>();
        Set<String> keys = new java.util.HashSet<>();
        for (EventRow r : rows) {
            groups.computeIfAbsent(r.eventType() + "|" + r.symbol(), k -> new ArrayList<>()).add(r);
            keys.add(r.key());
        }
        List<StoredRow> candidates = new ArrayList<>();
        for (List<EventRow> group : groups.values()) {
            EventRow first = group.get(0);
            LocalDateTime min = group.stream().map(EventRow::eventDate).min(Comparator.naturalOrder()).orElseThrow();
            LocalDateTime max = group.stream().map(EventRow::eventDate).max(Comparator.naturalOrder()).orElseThrow();
            String sql = "SELECT " + FULL + " FROM market_events WHERE event_type = ? AND "
                    + (first.symbol() == null ? "symbol IS NULL" : "symbol = ?") + " AND event_date >= ? AND event_date < ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                ps.setString(p++, first.eventType());
                if (first.symbol() != null) {
                    ps.setString(p++, first.symbol());
                }
                bindRange(ps, p, min, max.plusNanos(1000));
                forEach(ps, rs -> {
                    StoredRow row = stored(rs);
                    if (keys.contains(row.content().key())) {
                        candidates.add(row);
                    }
                });
            }
        }
        candidates.sort(Comparator.comparingLong(StoredRow::id));
        Map<String, StoredRow> byKey = new HashMap<>();
        candidates.forEach(row -> byKey.putIfAbsent(row.content().key(), row));
        return new Matches(byEventId, byKey);
    }

    /**
     * Streams the rows the host's stale rule may apply to: {@code provider}'s source and types, live,
     * from the window's start (by the same comparison the store always used) to a day past its end, and
     * for a per-symbol provider only {@code covered}. The caller applies the exact rule; rows come in no
     * particular order.
     */
    void scope(Connection c, EventProvider provider, Collection<String> covered, EventsRequest request,
               Consumer<ScopeRow> sink) throws SQLException {
        List<String> types = provider.eventTypes().stream().map(Enum::name).sorted().toList();
        List<String> symbols = List.copyOf(new java.util.TreeSet<>(covered));
        if (types.isEmpty() || (provider.perSymbol() && symbols.isEmpty())) {
            return;
        }
        List<List<String>> chunks = new ArrayList<>();
        if (provider.perSymbol()) {
            for (int i = 0; i < symbols.size(); i += CHUNK) {
                chunks.add(symbols.subList(i, Math.min(symbols.size(), i + CHUNK)));
            }
        } else {
            chunks.add(List.of()); // a market-wide provider's rule has no symbol condition
        }
        for (List<String> chunk : chunks) {
            try (PreparedStatement ps = c.prepareStatement(scopeSql(types.size(), chunk.size()))) {
                int p = 1;
                ps.setString(p++, provider.source());
                for (String t : types) {
                    ps.setString(p++, t);
                }
                for (String s : chunk) {
                    ps.setString(p++, s);
                }
                bindWindow(ps, p, request);
                forEach(ps, rs -> sink.accept(new ScopeRow(rs.getLong("id"), rs.getString("event_id"),
                        rs.getString("source_event_id"), rs.getString("event_type"), rs.getString("symbol"),
                        store.timestamp(rs, "event_date"), rs.getString("event_time"), rs.getString("market_timezone"),
                        rs.getString("title"), rs.getString("source"), rs.getString("status"))));
            }
        }
    }

    /** The stale-scope query for {@code types} event types and {@code symbols} symbols (0: any symbol). */
    static String scopeSql(int types, int symbols) {
        return "SELECT " + NARROW + " FROM market_events WHERE source = ? AND event_type IN (" + placeholders(types) + ")"
                + (symbols == 0 ? "" : " AND symbol IN (" + placeholders(symbols) + ")")
                + " AND status IN ('active', 'updated') AND event_date >= ? AND event_date < ?";
    }

    /**
     * [from, to + 1 day): SQLite compares the host's text, from the window's first instant as the host
     * writes it to the bare date a day past the end, so a row written in another text form near the end
     * is still seen (the caller's exact test decides); PostgreSQL compares timestamps.
     */
    private void bindWindow(PreparedStatement ps, int p, EventsRequest request) throws SQLException {
        LocalDateTime start = request.from().atStartOfDay();
        if (store.dialect() == EventStore.Dialect.POSTGRESQL) {
            ps.setObject(p, start);
            ps.setObject(p + 1, request.to().plusDays(1).atStartOfDay());
        } else {
            ps.setString(p, EventStore.HOST_TS.format(start));
            ps.setString(p + 1, request.to().plusDays(2).toString());
        }
    }

    /** [min, maxExclusive) by value in PostgreSQL; by text a day wider on each side in SQLite (other text forms). */
    private void bindRange(PreparedStatement ps, int p, LocalDateTime min, LocalDateTime maxExclusive) throws SQLException {
        if (store.dialect() == EventStore.Dialect.POSTGRESQL) {
            ps.setObject(p, min);
            ps.setObject(p + 1, maxExclusive);
        } else {
            ps.setString(p, min.toLocalDate().minusDays(1).toString());
            ps.setString(p + 1, maxExclusive.toLocalDate().plusDays(2).toString());
        }
    }

    private StoredRow stored(ResultSet rs) throws SQLException {
        return new StoredRow(rs.getLong("id"), rs.getString("status"), EventRow.read(rs, store));
    }

    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs {@code ps} streaming: a bounded fetch size, each row handed over and dropped. */
    private void forEach(PreparedStatement ps, RowHandler handler) throws SQLException {
        ps.setFetchSize(FETCH_SIZE);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rowsRead++;
                handler.accept(rs);
            }
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
