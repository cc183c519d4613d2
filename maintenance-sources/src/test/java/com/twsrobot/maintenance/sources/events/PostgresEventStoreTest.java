package com.twsrobot.maintenance.sources.events;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same store tests against PostgreSQL, with the same SQL. CI installs Debian's postgresql and
 * sets MAINTENANCE_TEST_POSTGRES_URL; without it (and outside CI) these are skipped, saying so.
 */
class PostgresEventStoreTest extends EventStoreContract {

    private static final String URL = System.getenv("MAINTENANCE_TEST_POSTGRES_URL");

    @Override
    String url() {
        return URL;
    }

    @BeforeEach
    void cleanDatabase() throws Exception {
        if (URL == null && System.getenv("CI") == null) {
            Assumptions.abort("MAINTENANCE_TEST_POSTGRES_URL is not set; .ci/run starts PostgreSQL and sets it");
        }
        assertThat(URL).as("CI must provide MAINTENANCE_TEST_POSTGRES_URL").isNotNull();
        try (Connection c = DriverManager.getConnection(URL); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS market_events");
            st.execute("DROP TABLE IF EXISTS market_event_sync_log");
        }
    }
}
