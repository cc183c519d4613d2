package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.testkit.PostgresServer;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same store tests against a real PostgreSQL, with the same SQL: the one MAINTENANCE_TEST_POSTGRES_URL
 * names, else one the testkit starts from the server binaries on the test class path. Never skipped.
 */
class PostgresEventStoreTest extends EventStoreContract {

    private static final String URL = PostgresServer.shared();

    @Override
    String url() {
        return URL;
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
