package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.events.EventType;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.SyncSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteEventStoreTest extends EventStoreContract {

    @TempDir
    Path dir;

    @Override
    String url() {
        return "jdbc:sqlite:" + dir.resolve("market_events.db");
    }

    @Test
    void aPreviewOfAStoreThatDoesNotExistYetCreatesNoFile() {
        ScriptedProvider fomc = new ScriptedProvider("fomc", false);
        fomc.events = List.of(event("fomc", EventType.FOMC, "", "2026-12-09", "FOMC"));
        var summary = new JdbcMarketEventsService(url(), clock, List.of(fomc)).preview(new EventsRequest(List.of(),
                TODAY, TODAY.plusDays(30), clock.instant(), Map.of(), false));
        assertThat(summary.providers().get(0).insertedCount()).isEqualTo(1);
        assertThat(dir.resolve("market_events.db")).doesNotExist();
        assertThat(new JdbcMarketEventsService(url(), clock, List.of()).syncLog(5)).isEmpty();
        assertThat(dir.resolve("market_events.db")).doesNotExist();
    }

    /** The schema this library shipped before it wrote the host's tables. */
    static final String OLD_EVENTS = "CREATE TABLE market_events (event_id VARCHAR(200) PRIMARY KEY, "
            + "event_type VARCHAR(40) NOT NULL, symbol VARCHAR(40) NOT NULL DEFAULT '', title TEXT, description TEXT, "
            + "event_date VARCHAR(10) NOT NULL, event_time VARCHAR(10), start_at_utc VARCHAR(40), end_at_utc VARCHAR(40), "
            + "market_timezone VARCHAR(60), source VARCHAR(60) NOT NULL, source_event_id VARCHAR(200), source_url TEXT, "
            + "detail_json TEXT, raw_payload_json TEXT, raw_payload_hash VARCHAR(64), "
            + "is_portfolio_relevant INTEGER NOT NULL DEFAULT 0, confidence VARCHAR(20), "
            + "importance_score INTEGER NOT NULL DEFAULT 0, status VARCHAR(20) NOT NULL DEFAULT 'active', "
            + "last_seen_at VARCHAR(40), fetched_at VARCHAR(40), created_at VARCHAR(40), updated_at VARCHAR(40))";
    static final String OLD_LOG = "CREATE TABLE market_event_sync_log (sync_id VARCHAR(64) NOT NULL, "
            + "provider VARCHAR(60) NOT NULL, event_type VARCHAR(100), status VARCHAR(20), fetched_count INTEGER, "
            + "inserted_count INTEGER, updated_count INTEGER, upserted_count INTEGER, stale_count INTEGER, "
            + "error_count INTEGER, error_message TEXT, warnings_json TEXT, started_at VARCHAR(40), finished_at VARCHAR(40), "
            + "PRIMARY KEY (sync_id, provider))";

    @Test
    void aStoreInTheOldSchemaIsMigratedOnceWithABackupAndNoRowLost() throws Exception {
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
            st.execute(OLD_EVENTS);
            st.execute(OLD_LOG);
            st.execute("INSERT INTO market_events VALUES ('MARKET_HOLIDAY:XNYS:2026-11-26', 'MARKET_HOLIDAY', '', "
                    + "'US markets closed: Thanksgiving Day', 'Thanksgiving Day (NYSE and Nasdaq)', '2026-11-26', '', NULL, "
                    + "NULL, 'America/New_York', 'us_market_calendar', 'XNYS:2026-11-26', 'rules:NYSE', "
                    + "'{\"exchange\":\"XNYS\",\"name\":\"Thanksgiving Day\"}', '', 'e3b0', 1, 'confirmed', 3, 'active', "
                    + "'2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z', '2026-11-01T10:00:00Z', '2026-11-20T10:00:00Z')");
            st.execute("INSERT INTO market_events VALUES ('FOMC:2026-12-09', 'FOMC', '', 'FOMC rate decision', '', "
                    + "'2026-12-09', '14:00', '2026-12-09T19:00:00Z', NULL, 'America/New_York', 'fomc', 'fomc:2026-12-08', "
                    + "'https://www.federalreserve.gov/x', '{}', '{}', 'x', 1, 'confirmed', 5, 'updated', "
                    + "'2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z', '2026-11-01T10:00:00Z', '2026-11-20T10:00:00Z')");
            st.execute("INSERT INTO market_events VALUES ('EARNINGS:AAPL:2027-01-28', 'EARNINGS', 'AAPL', "
                    + "'AAPL earnings (estimated)', '', '2027-01-28', '', NULL, NULL, 'America/New_York', 'yahoo_calendar', "
                    + "'AAPL:earnings:2027-01-28', 'https://q', '{}', '{}', 'y', 1, 'estimated', 3, 'stale', "
                    + "'2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z', '2026-11-01T10:00:00Z', '2026-11-20T10:00:00Z')");
            st.execute("INSERT INTO market_event_sync_log VALUES ('s1', 'fomc', 'FOMC', 'success', 1, 1, 0, 1, 0, 0, '', "
                    + "'[]', '2026-11-20T10:00:00Z', '2026-11-20T10:00:01Z')");
            st.execute("INSERT INTO market_event_sync_log VALUES ('s1', 'yahoo_calendar', 'DIVIDEND,EARNINGS', "
                    + "'partial_failure', 1, 1, 0, 1, 0, 1, 'MSFT: HTTP 503', '[]', '2026-11-20T10:00:00Z', "
                    + "'2026-11-20T10:00:02Z')");
        }
        SyncSummary preview = new JdbcMarketEventsService(url(), clock, List.of()).preview(new EventsRequest(List.of(),
                TODAY, TODAY.plusDays(30), clock.instant(), Map.of(), false));
        assertThat(preview.notes()).singleElement().asString().contains("the next apply migrates it");
        EventStore store = new EventStore(url());
        assertThat(store.isOldSchema()).isTrue(); // the preview changed nothing
        List<String> notes = store.prepare(clock.instant());
        assertThat(notes).singleElement().asString().contains("3 event(s) and 2 sync-log row(s) carried over")
                .contains("market_events.db.pre-host-schema-20261124_120000.bak");
        Path backup = dir.resolve("market_events.db.pre-host-schema-20261124_120000.bak");
        assertThat(backup).exists();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM market_events")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(3); // the backup is the old store as it was
        }
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT id, event_id, event_type, symbol, event_date, source, source_event_id, "
                    + "importance_score, status, fetched_at FROM market_events ORDER BY event_date");
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString("event_type") + "|" + rs.getString("symbol") + "|" + rs.getString("event_date") + "|"
                        + rs.getString("source") + "|" + rs.getString("source_event_id") + "|"
                        + rs.getDouble("importance_score") + "|" + rs.getString("status") + "|" + rs.getString("fetched_at"));
                assertThat(rs.getString("event_id")).isEqualTo(com.twsrobot.maintenance.api.events.HostEvents.eventId(
                        rs.getString("source"), rs.getString("source_event_id")));
                assertThat(rs.getLong("id")).isPositive();
            }
            assertThat(rows).containsExactly(
                    "MARKET_HOLIDAY|null|2026-11-26 05:00:00.000000|builtin-us-market-calendar|US_MARKET_HOLIDAY:2026-11-26|100.0|active|2026-11-20 10:00:00.000000",
                    "FOMC|null|2026-12-09 19:00:00.000000|federalreserve.gov|FOMC:2026-12-09|90.0|updated|2026-11-20 10:00:00.000000",
                    "EARNINGS|AAPL|2027-01-28 05:00:00.000000|yfinance|EARNINGS:AAPL:2027-01-28|75.0|stale|2026-11-20 10:00:00.000000");
            var logs = st.executeQuery("SELECT provider, event_type, status, sync_started_at, error_message "
                    + "FROM market_event_sync_logs ORDER BY id");
            assertThat(logs.next()).isTrue();
            assertThat(logs.getString(1) + "|" + logs.getString(3) + "|" + logs.getString(4))
                    .isEqualTo("federalreserve.gov|success|2026-11-20 10:00:00.000000");
            assertThat(logs.next()).isTrue();
            assertThat(logs.getString(1) + "|" + logs.getString(5)).isEqualTo("yfinance|MSFT: HTTP 503");
            assertThat(EventStore.tableExists(c, "market_event_sync_log")).isFalse();
        }
        assertThat(store.prepare(clock.instant())).isEmpty(); // once
    }
}
