package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.events.EventType;
import com.twsrobot.maintenance.api.events.EventsRequest;
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

    @Test
    void anOlderTableIsMigratedByAddingTheMissingColumns() throws Exception {
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE market_events (event_id VARCHAR(200) PRIMARY KEY, event_type VARCHAR(40) NOT NULL, "
                    + "symbol VARCHAR(40), title TEXT, event_date VARCHAR(10) NOT NULL, source VARCHAR(60) NOT NULL, "
                    + "status VARCHAR(20) NOT NULL)");
            st.execute("INSERT INTO market_events VALUES ('FOMC::2026-12-09', 'FOMC', '', 'old', '2026-12-09', 'fomc', 'active')");
        }
        new EventStore(url()).migrate();
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT raw_payload_hash, importance_score, title FROM market_events");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("title")).isEqualTo("old");
        }
        assertThat(Files.exists(dir.resolve("market_events.db"))).isTrue();
    }
}
