package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.testkit.PostgresServer;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Several hosts share one PostgreSQL event database: two refreshes never interleave. */
class SharedEventStoreLockTest {

    /** The key the library's advisory lock uses ("tws_main" in ASCII). */
    private static final long KEY = 0x7477735f6d61696eL;

    private final TempWorkspace ws = TempWorkspace.create();
    private final String url = PostgresServer.shared();

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    @Test
    void aRefreshWhileAnotherSessionHoldsTheAdvisoryLockIsRefusedWithExitThreeNamingTheHolder() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS market_events");
            st.execute("DROP TABLE IF EXISTS market_event_sync_logs");
            st.execute("CREATE TABLE IF NOT EXISTS tws_maintenance_lock_holder (lock_key BIGINT PRIMARY KEY, "
                    + "holder TEXT NOT NULL, acquired_at TIMESTAMP WITHOUT TIME ZONE NOT NULL)");
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).isTrue();
                }
            }
            st.execute("INSERT INTO tws_maintenance_lock_holder VALUES (" + KEY + ", 'pid 4242 on ops-host-2, "
                    + "market-events refresh 123, since 2026-11-23T12:00:00Z', now()) ON CONFLICT (lock_key) DO UPDATE "
                    + "SET holder = EXCLUDED.holder");

            CliRun refused = CliRun.in(ws, "--events-db", url, "run", "--task", "market_events", "--apply", "--snapshot");
            assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(3);
            assertThat(refused.out()).contains("another market-events refresh holds the event store's lock",
                    "pid 4242 on ops-host-2");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE table_name = 'market_events'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("nothing was written").isZero();
            }

            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, KEY);
                ps.executeQuery().close();
            }
        }
        CliRun after = CliRun.in(ws, "--events-db", url, "run", "--task", "market_events", "--apply", "--snapshot");
        assertThat(after.exitCode()).as(after.out() + after.err()).isZero();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM tws_maintenance_lock_holder")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the holder row goes with the lock").isZero();
        }
    }
}
