package com.twsrobot.maintenance.sources.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The declared host schema is the host's DDL: rendered for each dialect, its statements are, byte for
 * byte, the text SQLAlchemy compiled from the host's models (the fixtures host-schema.DIALECT.sql,
 * generated from evanlow/tws_robot @ 51bc87a9baa2; their comment header names the versions).
 */
class HostSchemaContractTest {

    @ParameterizedTest
    @EnumSource(EventStore.Dialect.class)
    void theDeclaredStatementsAreTheHostsDdl(EventStore.Dialect dialect) throws Exception {
        String name = dialect == EventStore.Dialect.POSTGRESQL ? "host-schema.postgresql.sql" : "host-schema.sqlite.sql";
        String fixture;
        try (InputStream in = HostSchemaContractTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // The fixture is a comment header, a blank line, then each statement followed by ";\n".
        String body = fixture.substring(fixture.indexOf("\n\n") + 2);
        StringBuilder rendered = new StringBuilder();
        for (HostSchema.Table table : HostSchema.TABLES) {
            for (String statement : HostSchema.statements(dialect, table.name())) {
                rendered.append(statement).append(";\n");
            }
        }
        assertThat(rendered.toString()).isEqualTo(body);
    }

    @org.junit.jupiter.api.Test
    void sqliteGetsTheSameColumnsAndIndexesAsDeclared() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            new EventStore("jdbc:sqlite::memory:").createMissing(c);
            for (HostSchema.Table table : HostSchema.TABLES) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = c.getMetaData().getColumns(null, null, table.name(), null)) {
                    while (rs.next()) {
                        columns.add(rs.getString("COLUMN_NAME"));
                    }
                }
                assertThat(columns).containsExactlyElementsOf(table.columns().stream().map(HostSchema.Column::name).toList());
                List<String> indexes = new ArrayList<>();
                try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, table.name(), false, false)) {
                    while (rs.next()) {
                        indexes.add(rs.getString("INDEX_NAME"));
                    }
                }
                assertThat(indexes).containsAll(table.indexed().stream().map(col -> "ix_" + table.name() + "_" + col).toList());
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aTableTheHostDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> HostSchema.statements(EventStore.Dialect.SQLITE, "market_event_sync_log"))
                .hasMessageContaining("market_event_sync_log");
    }
}
