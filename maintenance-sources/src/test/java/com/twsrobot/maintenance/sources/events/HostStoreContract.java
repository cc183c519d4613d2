package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.HostEvents;
import com.twsrobot.maintenance.api.events.SyncSummary;
import com.twsrobot.maintenance.core.calendar.UsMarketCalendarProvider;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host's own event tables are a contract: starting from the 11 events and 4 sync-log rows the
 * host's own service wrote ({@code host/host_written.db}, from the host fixtures), a refresh at the
 * host's clock (2026-11-23 12:00 UTC) with AAPL and MSFT must keep every host row — updated in place,
 * same {@code id} and {@code event_id} — write every value in the host's formats, and append its
 * sync-log rows. Checked by SQL over the store, on SQLite and on PostgreSQL with the host's DDL.
 */
abstract class HostStoreContract {

    static final Pattern HOST_DATETIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}$");
    static final List<String> DATETIME_COLUMNS = List.of("event_date", "start_at_utc", "end_at_utc", "last_seen_at",
            "fetched_at", "created_at", "updated_at");

    final MutableClock clock = MutableClock.at("2026-11-23T12:00:00Z");
    final FixtureServer yahoo = FixtureServer.start();

    /** A JDBC URL of a store holding exactly the host's 11 events and 4 sync-log rows. */
    abstract String hostStore() throws Exception;

    /** Every date-time of {@code column} as the text the host compares ({@code YYYY-MM-DD HH:MM:SS.ffffff}). */
    abstract List<String> datetimes(Connection c, String table, String column) throws Exception;

    @AfterEach
    void stopServer() {
        yahoo.close();
    }

    private SyncSummary refresh(String url) throws Exception {
        YahooCalendarProviderTest.serveYahoo(yahoo);
        JdbcMarketEventsService service = new JdbcMarketEventsService(url, clock, List.of(new UsMarketCalendarProvider(),
                new FomcProvider(), new YahooCalendarProvider(new YahooCalendarProvider.Settings(4, 0, Duration.ofSeconds(5),
                Duration.ofMillis(10)))));
        LocalDate today = LocalDate.parse("2026-11-23");
        return service.refresh(new EventsRequest(List.of("AAPL", "MSFT"), today, today.plusDays(90), clock.instant(),
                Map.of("yahoo", yahoo.url(""), "yahoo-cookie", yahoo.url("/cookie")), true));
    }

    /** id, event_id, source, source_event_id, importance of the host's rows before the refresh. */
    private static Map<Long, List<Object>> hostRows(Connection c) throws Exception {
        Map<Long, List<Object>> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, event_id, source, source_event_id, importance_score FROM market_events ORDER BY id")) {
            while (rs.next()) {
                out.put(rs.getLong(1), List.of(rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5)));
            }
        }
        return out;
    }

    @Test
    void aRefreshKeepsEveryHostRowInPlaceAndWritesTheHostsFormats() throws Exception {
        String url = hostStore();
        Map<Long, List<Object>> before;
        try (Connection c = DriverManager.getConnection(url)) {
            before = hostRows(c);
        }
        assertThat(before).hasSize(11);

        SyncSummary summary = refresh(url);
        assertThat(summary.status()).as(summary.toString()).isEqualTo("success");
        assertThat(summary.notes()).isEmpty(); // the host's schema needs no migration

        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            // Every host row is still there, updated in place: same id, event_id, source, source_event_id, score.
            Map<Long, List<Object>> after = hostRows(c);
            for (Map.Entry<Long, List<Object>> row : before.entrySet()) {
                assertThat(after.get(row.getKey())).as("host row " + row.getKey()).isEqualTo(row.getValue());
            }
            assertThat(after).hasSizeGreaterThan(11); // Washington's Birthday, the MSFT dividend window, ...

            // At most one live row per (event_type, symbol, UTC date); symbols NULL for market-wide events.
            Map<String, Integer> live = new HashMap<>();
            List<String> problems = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT event_id, event_type, symbol, source, source_event_id, "
                    + "is_portfolio_relevant, status FROM market_events")) {
                while (rs.next()) {
                    String symbol = rs.getString("symbol");
                    if ("".equals(symbol)) {
                        problems.add("empty symbol in " + rs.getString("event_id"));
                    }
                    boolean marketWide = List.of("FOMC", "MARKET_HOLIDAY", "MARKET_EARLY_CLOSE")
                            .contains(rs.getString("event_type"));
                    if (marketWide && symbol != null) {
                        problems.add("market-wide event with a symbol: " + rs.getString("event_id"));
                    }
                    if (!rs.getString("event_id").equals(HostEvents.eventId(rs.getString("source"),
                            rs.getString("source_event_id")))) {
                        problems.add("event_id not the host's formula: " + rs.getString("event_id"));
                    }
                    if (!List.of("active", "updated", "stale").contains(rs.getString("status"))) {
                        problems.add("status " + rs.getString("status"));
                    }
                }
            }
            assertThat(problems).isEmpty();
            List<String> eventDates = datetimes(c, "market_events", "event_date");
            List<String> types = new ArrayList<>();
            List<String> symbols = new ArrayList<>();
            List<String> statuses = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT event_type, symbol, status FROM market_events ORDER BY id")) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                    symbols.add(rs.getString(2));
                    statuses.add(rs.getString(3));
                }
            }
            for (int i = 0; i < types.size(); i++) {
                if (List.of("active", "updated").contains(statuses.get(i))) {
                    live.merge(types.get(i) + "|" + symbols.get(i) + "|" + eventDates.get(i).substring(0, 10), 1,
                            Integer::sum);
                }
            }
            assertThat(live.values()).allMatch(n -> n == 1);

            // Every date-time in the host's text form, and start_at_utc = event_date.
            for (String column : DATETIME_COLUMNS) {
                assertThat(datetimes(c, "market_events", column)).as(column)
                        .allMatch(v -> v == null || HOST_DATETIME.matcher(v).matches());
            }
            assertThat(datetimes(c, "market_events", "start_at_utc")).isEqualTo(eventDates);
            for (String column : List.of("sync_started_at", "sync_finished_at", "window_start_utc", "window_end_utc",
                    "created_at")) {
                assertThat(datetimes(c, "market_event_sync_logs", column)).as(column)
                        .allMatch(v -> v == null || HOST_DATETIME.matcher(v).matches());
            }

            // The host's values for its own rows: times, scores, portfolio flags.
            Map<String, String> byKey = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT source_event_id, event_time, confidence, importance_score, "
                    + "is_portfolio_relevant FROM market_events")) {
                while (rs.next()) {
                    byKey.put(rs.getString(1), rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getDouble(4) + "|"
                            + rs.getBoolean(5));
                }
            }
            assertThat(byKey).containsEntry("US_MARKET_HOLIDAY:2026-11-26", "All day|confirmed|100.0|false")
                    .containsEntry("US_MARKET_EARLY_CLOSE:2026-11-27", "13:00 ET|confirmed|85.0|false")
                    .containsEntry("FOMC:2026-12-09", "14:00 ET|confirmed|90.0|false")
                    .containsEntry("EARNINGS:AAPL:2027-01-28", "TBD|estimated|75.0|true")
                    .containsEntry("EARNINGS:MSFT:2027-01-27", "AMC|confirmed|75.0|true")
                    .containsEntry("DIVIDEND:MSFT:2027-02-18", "null|confirmed|35.0|true");
            assertThat(datetimes(c, "market_events", "event_date")).contains("2026-11-26 05:00:00.000000",
                    "2026-11-27 18:00:00.000000", "2026-12-09 19:00:00.000000", "2027-01-28 05:00:00.000000",
                    "2027-02-18 00:00:00.000000");

            // The host's 4 sync-log rows stay; ours are appended (one per provider, two for yfinance).
            try (ResultSet rs = st.executeQuery("SELECT id, provider, event_type FROM market_event_sync_logs ORDER BY id")) {
                List<String> log = new ArrayList<>();
                while (rs.next()) {
                    log.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
                assertThat(log).startsWith("1 yfinance EARNINGS", "2 yfinance DIVIDEND", "3 federalreserve.gov FOMC",
                        "4 builtin-us-market-calendar MARKET_HOLIDAY");
                assertThat(log.subList(4, log.size()).stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList())
                        .containsExactlyInAnyOrder("yfinance EARNINGS", "yfinance DIVIDEND", "federalreserve.gov FOMC",
                                "builtin-us-market-calendar MARKET_HOLIDAY");
            }
        }
    }
}
