package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.testkit.PostgresServer;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** The same check on a real PostgreSQL (the testkit's server; never skipped). */
class PostgresRefreshAtScaleTest extends RefreshAtScaleContract {

    private static final String URL = PostgresServer.shared();

    @Override
    String url() {
        return URL;
    }

    @Override
    boolean textDates() {
        return false;
    }

    @BeforeEach
    void cleanDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(URL); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS market_events");
            st.execute("DROP TABLE IF EXISTS market_event_sync_log");
            st.execute("DROP TABLE IF EXISTS market_event_sync_logs");
            st.execute("DROP TABLE IF EXISTS tws_maintenance_lock_holder");
        }
    }
}
