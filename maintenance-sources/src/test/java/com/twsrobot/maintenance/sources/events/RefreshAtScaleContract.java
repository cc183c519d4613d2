package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.events.EventProvider;
import com.twsrobot.maintenance.api.events.EventType;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.HostEvents;
import com.twsrobot.maintenance.api.events.MarketEvent;
import com.twsrobot.maintenance.api.events.ProviderFetch;
import com.twsrobot.maintenance.api.events.ProviderResult;
import com.twsrobot.maintenance.api.events.SyncSummary;
import com.twsrobot.maintenance.testkit.MutableClock;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small version of the event-store benchmark, as a correctness check (no timing): a store of
 * 10,000 rows (every source, symbol, status and date around the window, the host's and ours, some
 * written in another text form), then a refresh of 100 symbols by a per-symbol and a market-wide
 * provider. The bounded comparison must plan exactly what the whole-store comparison it replaced
 * plans on the same data ({@link ReferencePlanner}), read only a fraction of the rows, and the refresh
 * must leave every row it did not plan to change byte for byte as it was.
 */
abstract class RefreshAtScaleContract {

    static final LocalDate TODAY = LocalDate.parse("2026-11-24");
    static final int ROWS = 10_000;
    static final LocalDateTime CREATED = LocalDateTime.parse("2026-11-01T10:00:00");
    final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");

    /** A JDBC URL of an empty database. */
    abstract String url() throws Exception;

    /** Whether the store keeps date-times as text (SQLite), so rows in another text form can be written. */
    abstract boolean textDates();

    /** A provider answering a fixed fetch. */
    record Fixed(String name, String source, Set<EventType> eventTypes, boolean perSymbol, ProviderFetch answer)
            implements EventProvider {
        @Override
        public ProviderFetch fetch(EventsRequest request) {
            return answer;
        }
    }

    static String symbol(int i) {
        return String.format("S%03d", i);
    }

    static MarketEvent event(EventType type, String symbol, LocalDate day, String title, String source) {
        return new MarketEvent(HostEvents.sourceEventId(type, symbol, day), type, symbol, title, "", day, "", null, null,
                "America/New_York", source, "", "https://example.test/" + type, Map.of("k", title.length()),
                "{\"title\":\"" + title + "\"}", false, "confirmed", HostEvents.importance(type));
    }

    static final List<String> REQUESTED = java.util.stream.IntStream.range(0, 100).mapToObj(RefreshAtScaleContract::symbol)
            .toList();

    EventsRequest request() {
        return new EventsRequest(REQUESTED, TODAY, TODAY.plusDays(90), clock.instant(), Map.of(), false);
    }

    /** Earnings for S000..S089 (the symbols fetched), dividends for the even ones; S090..S099 failed. */
    static Fixed earnings() {
        List<MarketEvent> events = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            covered.add(symbol(i));
            events.add(event(EventType.EARNINGS, symbol(i), TODAY.plusDays(1 + i % 80), symbol(i) + " Earnings", "yfinance"));
            if (i % 2 == 0) {
                events.add(event(EventType.DIVIDEND, symbol(i), TODAY.plusDays(3 + i % 70), symbol(i) + " Ex-Dividend",
                        "yfinance"));
            }
        }
        return new Fixed("earnings", HostEvents.SOURCE_YFINANCE, Set.of(EventType.EARNINGS, EventType.DIVIDEND), true,
                new ProviderFetch(events, covered, List.of(), List.of()));
    }

    static Fixed fomc() {
        List<MarketEvent> events = new ArrayList<>();
        for (int d : new int[]{15, 50, 85}) {
            events.add(event(EventType.FOMC, "", TODAY.plusDays(d), "FOMC Meeting", HostEvents.SOURCE_FOMC));
        }
        return new Fixed("fomc", HostEvents.SOURCE_FOMC, Set.of(EventType.FOMC), false, ProviderFetch.of(events));
    }

    /** The stored form of an event, with another title, source id or event id where a case needs one. */
    static EventRow stored(EventProvider p, MarketEvent e, String title, String eventId) {
        EventRow r = EventStore.row(p, e, Set.copyOf(REQUESTED));
        return new EventRow(eventId == null ? r.eventId() : eventId, r.eventType(), r.symbol(), title == null ? r.title()
                : title, r.description(), r.eventDate(), r.eventTime(), r.startAtUtc(), r.endAtUtc(), r.marketTimezone(),
                r.source(), r.sourceEventId(), r.sourceUrl(), r.detailJson(), r.rawPayloadJson(), r.rawPayloadHash(),
                r.portfolioRelevant(), r.confidence(), r.importanceScore());
    }

    static EventRow other(String eventId, String type, String symbol, LocalDateTime at, String source, String title) {
        return new EventRow(eventId, type, symbol, title, "filler", at, null, at, null, "America/New_York", source,
                "FILL:" + eventId, null, "{}", "{\"filler\":\"" + "x".repeat(40) + "\"}", "0".repeat(64),
                false, "confirmed", 50.0);
    }

    /** Fills the store: every case the rules distinguish, then random history up to {@link #ROWS} rows. */
    void fill(EventStore store) throws Exception {
        store.prepare(clock.instant());
        Fixed earnings = earnings();
        Fixed fomc = fomc();
        List<Object[]> rows = new ArrayList<>(); // {EventRow, status}
        int n = 0;
        for (MarketEvent e : earnings.answer().events()) {
            switch (n++ % 5) {
                case 0 -> rows.add(new Object[]{stored(earnings, e, null, null), "active"}); // unchanged
                case 1 -> rows.add(new Object[]{stored(earnings, e, "old title", null), "updated"}); // updated
                case 2 -> rows.add(new Object[]{stored(earnings, e, null, "evt_host_" + n), "active"}); // found by key
                case 3 -> rows.add(new Object[]{stored(earnings, e, null, null), "stale"}); // comes back
                default -> { } // new: inserted
            }
        }
        List<MarketEvent> f = fomc.answer().events();
        rows.add(new Object[]{stored(fomc, f.get(0), null, null), "active"});
        rows.add(new Object[]{stored(fomc, f.get(1), "FOMC (old)", null), "active"});
        for (int d : new int[]{-20, 30, 120}) { // before the window, gone from it (stale), after it
            rows.add(new Object[]{stored(fomc, event(EventType.FOMC, "", TODAY.plusDays(d), "FOMC Meeting",
                    HostEvents.SOURCE_FOMC), null, null), "active"});
        }
        String[] statuses = {"stale", "active", "updated"};
        for (int i = 0; i < 100; i++) {
            // An earnings date no longer reported: stale for a symbol fetched and live, kept otherwise.
            LocalDate day = TODAY.plusDays(82 + i % 7);
            rows.add(new Object[]{stored(earnings, event(EventType.EARNINGS, symbol(i), day, "gone", "yfinance"), null,
                    null), statuses[i % 3]});
            // The same symbol in the window from other sources: never touched.
            LocalDateTime at = day.atTime(15, 0);
            rows.add(new Object[]{other("evt_sec_" + i, "SEC_FILING", symbol(i), at, "sec-edgar", "10-Q"), "active"});
            rows.add(new Object[]{other("evt_mirror_" + i, "EARNINGS", symbol(i), at.plusHours(1), "yfinance-mirror",
                    "mirror"), "active"});
            // Its history before the window: never touched.
            rows.add(new Object[]{stored(earnings, event(EventType.EARNINGS, symbol(i), TODAY.minusDays(30 + i), "past",
                    "yfinance"), null, null), "active"});
        }
        Set<String> keys = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        for (Object[] r : rows) {
            keys.add(((EventRow) r[0]).key());
            eventIds.add(((EventRow) r[0]).eventId());
        }
        for (MarketEvent e : earnings.answer().events()) {
            keys.add(EventStore.row(earnings, e, Set.of()).key()); // the new ones too, so no filler takes their key
        }
        Random random = new Random(24);
        String[][] sources = {{"yfinance", "EARNINGS"}, {"yfinance", "DIVIDEND"}, {"federalreserve.gov", "FOMC"},
                {"builtin-us-market-calendar", "MARKET_HOLIDAY"}, {"sec-edgar", "SEC_FILING"}, {"macro", "CPI"}};
        while (rows.size() < ROWS) {
            String[] st = sources[random.nextInt(sources.length)];
            boolean perSymbol = st[0].equals("yfinance") || st[0].equals("sec-edgar");
            String sym = !perSymbol ? null : random.nextInt(10) < 3 ? symbol(random.nextInt(100))
                    : String.format("T%04d", random.nextInt(2000));
            LocalDateTime at = TODAY.minusDays(1000).atStartOfDay().plusMinutes(random.nextInt(1400 * 24 * 60));
            EventRow r = other("evt_fill_" + rows.size(), st[1], sym, at, st[0], "filler " + rows.size());
            if (keys.add(r.key()) && eventIds.add(r.eventId())) {
                rows.add(new Object[]{r, statuses[random.nextInt(3)]});
            }
        }
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            List<String> cols = new ArrayList<>(EventStore.CONTENT);
            cols.addAll(List.of("status", "last_seen_at", "fetched_at", "created_at", "updated_at"));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO market_events (" + String.join(", ", cols)
                    + ") VALUES (" + String.join(", ", cols.stream().map(x -> "?").toList()) + ")")) {
                for (Object[] r : rows) {
                    int next = store.bindContent(ps, (EventRow) r[0], 1);
                    ps.setString(next, (String) r[1]);
                    Map<String, Object> ts = new HashMap<>();
                    List<String> tsCols = List.of("last_seen_at", "fetched_at", "created_at", "updated_at");
                    tsCols.forEach(col -> ts.put(col, CREATED));
                    store.bind(ps, tsCols, ts, next + 1);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (textDates()) {
                // Rows another writer left in ISO text with a zone: read by their instant, as before.
                try (Statement st = c.createStatement()) {
                    st.execute("UPDATE market_events SET event_date = '" + TODAY.plusDays(90) + "T23:00:00Z' "
                            + "WHERE event_type = 'EARNINGS' AND symbol = 'S001' AND source = 'yfinance' AND title = 'gone'");
                    st.execute("UPDATE market_events SET event_date = '" + TODAY.plusDays(91) + "T01:00:00Z' "
                            + "WHERE event_type = 'EARNINGS' AND symbol = 'S002' AND source = 'yfinance' AND title = 'gone'");
                    st.execute("UPDATE market_events SET event_date = '" + TODAY.plusDays(40) + "T05:00:00+00:00' "
                            + "WHERE event_type = 'EARNINGS' AND symbol = 'S004' AND source = 'yfinance' AND title = 'gone'");
                }
            }
            c.commit();
        }
    }

    /** Every column of every row, as text, by id. */
    static Map<Long, List<String>> snapshot(String url) throws Exception {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM market_events ORDER BY id")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(meta.getColumnName(i) + "=" + rs.getString(i));
                }
                out.put(rs.getLong("id"), row);
            }
        }
        return out;
    }

    @Test
    void theBoundedRefreshPlansWhatTheWholeStoreComparisonPlannedAndTouchesNothingElse() throws Exception {
        String url = url();
        EventStore store = new EventStore(url);
        fill(store);
        EventsRequest request = request();
        List<Fixed> providers = List.of(earnings(), fomc());
        Map<String, EventStore.Plan> planned = new HashMap<>();
        for (Fixed p : providers) {
            EventStore.Plan bounded = store.plan(p, p.answer(), request, true);
            EventStore.Plan reference = ReferencePlanner.plan(store, p, p.answer(), request);
            assertThat(bounded.inserts()).as(p.name() + " inserts").isEqualTo(reference.inserts());
            assertThat(bounded.updates()).as(p.name() + " updates").isEqualTo(reference.updates());
            assertThat(bounded.unchanged()).as(p.name() + " unchanged").isEqualTo(reference.unchanged());
            assertThat(bounded.stale()).as(p.name() + " stale").isEqualTo(reference.stale());
            assertThat(bounded.changes()).as(p.name() + " changes").isEqualTo(reference.changes());
            // It read the rows its events match (at most twice: by id and by key) and its stale scope, no more.
            List<Map<String, Object>> all = ReferencePlanner.existing(store, request);
            Set<String> types = new HashSet<>();
            p.eventTypes().forEach(t -> types.add(t.name()));
            long scope = all.stream().map(r -> (EventRow) r.get("content")).filter(r -> r.source().equals(p.source())
                    && types.contains(r.eventType())).count();
            assertThat(bounded.rowsRead()).as(p.name() + " rows read").isLessThanOrEqualTo(
                    2L * p.answer().events().size() + scope).isLessThan(reference.rowsRead() / 3);
            planned.put(p.name(), bounded);
        }
        EventStore.Plan e = planned.get("earnings");
        EventStore.Plan f = planned.get("fomc");
        // Every case is there: the check can fail.
        assertThat(e.inserts()).hasSizeGreaterThan(20);
        assertThat(e.updates()).hasSizeGreaterThan(40);
        assertThat(e.unchanged()).hasSizeGreaterThan(20);
        assertThat(e.stale()).hasSizeGreaterThan(40);
        assertThat(f.updates()).hasSize(1);
        assertThat(f.unchanged()).hasSize(1);
        assertThat(f.stale()).isNotEmpty(); // the meeting gone from the window, and random history in it
        assertThat(f.inserts()).hasSize(1);

        Map<Long, List<String>> before = snapshot(url);
        assertThat(before).hasSize(ROWS);
        SyncSummary summary = new JdbcMarketEventsService(url, clock, List.copyOf(providers)).refresh(request);
        assertThat(summary.status()).as(summary.toString()).isEqualTo("success");
        for (ProviderResult r : summary.providers()) {
            EventStore.Plan plan = planned.get(r.provider());
            assertThat(List.of(r.insertedCount(), r.updatedCount(), r.staleCount())).as(r.provider())
                    .isEqualTo(List.of(plan.inserts().size(), plan.updates().size(), plan.stale().size()));
        }
        Map<Long, List<String>> after = snapshot(url);
        assertThat(after).hasSize(ROWS + e.inserts().size() + f.inserts().size());
        Set<Long> planned2 = new HashSet<>();
        for (EventStore.Plan plan : planned.values()) {
            plan.updates().forEach(u -> planned2.add(u.id()));
            planned2.addAll(plan.unchanged());
            planned2.addAll(plan.stale().keySet());
        }
        int untouched = 0;
        for (Map.Entry<Long, List<String>> row : before.entrySet()) {
            if (!planned2.contains(row.getKey())) {
                assertThat(after.get(row.getKey())).as("row " + row.getKey()).isEqualTo(row.getValue());
                untouched++;
            } else {
                assertThat(after.get(row.getKey())).as("row " + row.getKey()).isNotEqualTo(row.getValue());
            }
        }
        assertThat(untouched).isGreaterThan(ROWS - 400);
        for (EventStore.Plan plan : planned.values()) {
            for (long id : plan.stale().keySet()) {
                assertThat(after.get(id)).contains("status=stale");
            }
        }
    }

    @Test
    void theRefreshIndexIsCreatedByTheSamePathAsTheHostsTables() throws Exception {
        String url = url();
        new EventStore(url).prepare(Instant.parse("2026-11-24T12:00:00Z"));
        try (Connection c = java.sql.DriverManager.getConnection(url);
             ResultSet rs = c.getMetaData().getIndexInfo(null, null, "market_events", false, false)) {
            Map<String, List<String>> indexes = new LinkedHashMap<>();
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null && rs.getString("COLUMN_NAME") != null) {
                    indexes.computeIfAbsent(rs.getString("INDEX_NAME").toLowerCase(java.util.Locale.ROOT),
                            k -> new ArrayList<>()).add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            assertThat(indexes).containsEntry(RefreshReads.REFRESH_INDEX, List.of("source", "event_type", "symbol",
                    "event_date"));
            // The host's own indexes are all still there, as its DDL names them.
            assertThat(indexes).containsKeys("ix_market_events_event_id", "ix_market_events_event_date",
                    "ix_market_events_symbol", "ix_market_events_status");
        }
        // Idempotent: a second prepare (every apply runs one) changes nothing and does not fail.
        assertThat(new EventStore(url).prepare(Instant.parse("2026-11-24T12:00:00Z"))).isEmpty();
    }
}
