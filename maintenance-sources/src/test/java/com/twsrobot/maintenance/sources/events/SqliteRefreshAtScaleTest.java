package com.twsrobot.maintenance.sources.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteRefreshAtScaleTest extends RefreshAtScaleContract {

    @TempDir
    Path dir;

    @Override
    String url() {
        return "jdbc:sqlite:" + dir.resolve("market_events.db");
    }

    @Override
    boolean textDates() {
        return true;
    }

    /** SQLite's planner takes the refresh index for the stale scan, and the host's unique indexes for the look-ups. */
    @Test
    void theRefreshQueriesUseIndexes() throws Exception {
        new EventStore(url()).prepare(Instant.parse("2026-11-24T12:00:00Z"));
        try (Connection c = DriverManager.getConnection(url())) {
            assertThat(plan(c, RefreshReads.scopeSql(2, 90), 2 + 2 + 90 + 1)).contains(RefreshReads.REFRESH_INDEX);
            assertThat(plan(c, RefreshReads.scopeSql(1, 0), 2 + 1 + 1)).contains(RefreshReads.REFRESH_INDEX);
            assertThat(plan(c, "SELECT id FROM market_events WHERE event_id IN (?, ?)", 2))
                    .contains("ix_market_events_event_id");
            assertThat(plan(c, "SELECT id FROM market_events WHERE event_type = ? AND symbol = ? AND event_date >= ? "
                    + "AND event_date < ?", 4)).contains("sqlite_autoindex_market_events");
            assertThat(plan(c, "SELECT id FROM market_events WHERE event_type = ? AND symbol IS NULL AND event_date >= ? "
                    + "AND event_date < ?", 3)).contains("sqlite_autoindex_market_events");
        }
    }

    private static String plan(Connection c, String sql, int params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 1; i <= params; i++) {
                ps.setString(i, "x");
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString("detail"));
                }
            }
            assertThat(lines).noneMatch(l -> l.startsWith("SCAN market_events"));
            return String.join("\n", lines);
        }
    }
}
