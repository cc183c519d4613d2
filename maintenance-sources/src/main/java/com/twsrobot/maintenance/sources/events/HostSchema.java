package com.twsrobot.maintenance.sources.events;

import java.util.ArrayList;
import java.util.List;

/**
 * The host's {@code market_events} and {@code market_event_sync_logs} tables, declared column by column
 * once and rendered per dialect statement by statement, so no SQL text is ever split. The rendering is
 * the text SQLAlchemy compiles from the host's models ({@code data/models.py}); HostSchemaContractTest
 * holds it to the DDL SQLAlchemy emitted for each dialect, byte for byte.
 */
final class HostSchema {

    /** A column of the host's model; {@code type} is SQL, or {@link #KEY} / {@link #TIMESTAMP}, which differ by dialect. */
    record Column(String name, String type, boolean notNull) {
    }

    /**
     * A table: its columns, its table constraints after the primary key, and the columns with an index
     * of their own (named as SQLAlchemy names them, {@code ix_<table>_<column>}).
     */
    record Table(String name, List<Column> columns, List<String> constraints, List<String> indexed,
                 List<String> uniqueIndexed) {
    }

    /** The integer primary key: {@code INTEGER} in SQLite, {@code SERIAL} in PostgreSQL. */
    static final String KEY = "<key>";
    /** A naive date-time: {@code DATETIME} in SQLite, {@code TIMESTAMP WITHOUT TIME ZONE} in PostgreSQL. */
    static final String TIMESTAMP = "<timestamp>";

    static final Table MARKET_EVENTS = new Table("market_events", List.of(
            required("id", KEY), optional("event_id", "VARCHAR(128)"), required("event_type", "VARCHAR(50)"),
            optional("symbol", "VARCHAR(20)"), required("title", "VARCHAR(200)"), optional("description", "TEXT"),
            required("event_date", TIMESTAMP), optional("event_time", "VARCHAR(20)"), optional("start_at_utc", TIMESTAMP),
            optional("end_at_utc", TIMESTAMP), optional("market_timezone", "VARCHAR(64)"), optional("source", "VARCHAR(100)"),
            optional("source_event_id", "VARCHAR(200)"), optional("source_url", "TEXT"), optional("detail_json", "TEXT"),
            optional("raw_payload_json", "TEXT"), optional("raw_payload_hash", "VARCHAR(64)"),
            required("is_portfolio_relevant", "BOOLEAN"), optional("confidence", "VARCHAR(20)"),
            optional("importance_score", "FLOAT"), optional("status", "VARCHAR(20)"), optional("last_seen_at", TIMESTAMP),
            required("fetched_at", TIMESTAMP), optional("created_at", TIMESTAMP), optional("updated_at", TIMESTAMP)),
            List.of("CONSTRAINT uq_market_event_type_symbol_date UNIQUE (event_type, symbol, event_date)"),
            List.of("event_date", "event_id", "event_type", "raw_payload_hash", "source_event_id", "start_at_utc", "status",
                    "symbol"),
            List.of("event_id"));

    static final Table MARKET_EVENT_SYNC_LOGS = new Table("market_event_sync_logs", List.of(
            required("id", KEY), required("provider", "VARCHAR(100)"), required("event_type", "VARCHAR(50)"),
            required("sync_started_at", TIMESTAMP), optional("sync_finished_at", TIMESTAMP),
            optional("window_start_utc", TIMESTAMP), optional("window_end_utc", TIMESTAMP), required("status", "VARCHAR(20)"),
            optional("fetched_count", "INTEGER"), optional("upserted_count", "INTEGER"), optional("stale_count", "INTEGER"),
            optional("error_count", "INTEGER"), optional("error_message", "TEXT"), optional("detail_json", "TEXT"),
            optional("created_at", TIMESTAMP)),
            List.of(),
            List.of("event_type", "provider", "status", "sync_started_at"),
            List.of());

    /** Both tables, in the order the host creates them. */
    static final List<Table> TABLES = List.of(MARKET_EVENTS, MARKET_EVENT_SYNC_LOGS);

    private HostSchema() {
    }

    /**
     * The host's CREATE TABLE statement of {@code table}, then its CREATE INDEX statements, for {@code dialect}.
     *
     * @throws IllegalArgumentException for a table the host does not have
     */
    static List<String> statements(EventStore.Dialect dialect, String table) {
        Table t = TABLES.stream().filter(x -> x.name().equals(table)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the host has no table " + table));
        List<String> out = new ArrayList<>();
        out.add(createTable(dialect, t));
        for (String column : t.indexed()) {
            out.add("CREATE " + (t.uniqueIndexed().contains(column) ? "UNIQUE " : "") + "INDEX ix_" + t.name() + "_"
                    + column + " ON " + t.name() + " (" + column + ")");
        }
        return out;
    }

    /** SQLAlchemy's layout: one tab-indented line per column and constraint, each but the last ending ", ". */
    private static String createTable(EventStore.Dialect dialect, Table t) {
        List<String> lines = new ArrayList<>();
        for (Column c : t.columns()) {
            lines.add(c.name() + " " + type(dialect, c.type()) + (c.notNull() ? " NOT NULL" : ""));
        }
        lines.add("PRIMARY KEY (id)");
        lines.addAll(t.constraints());
        return "CREATE TABLE " + t.name() + " (\n\t" + String.join(", \n\t", lines) + "\n)";
    }

    private static String type(EventStore.Dialect dialect, String declared) {
        boolean pg = dialect == EventStore.Dialect.POSTGRESQL;
        return switch (declared) {
            case KEY -> pg ? "SERIAL" : "INTEGER";
            case TIMESTAMP -> pg ? "TIMESTAMP WITHOUT TIME ZONE" : "DATETIME";
            default -> declared;
        };
    }

    private static Column required(String name, String type) {
        return new Column(name, type, true);
    }

    private static Column optional(String name, String type) {
        return new Column(name, type, false);
    }
}
