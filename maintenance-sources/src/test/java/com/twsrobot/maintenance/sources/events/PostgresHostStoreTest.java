package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.testkit.PostgresServer;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The host contract on PostgreSQL: the host's PostgreSQL DDL, filled with the rows the host wrote
 * (read from its SQLite file, as its ORM would have stored them: naive UTC timestamps, booleans).
 */
class PostgresHostStoreTest extends HostStoreContract {

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Override
    String hostStore() throws Exception {
        String url = PostgresServer.shared();
        try (Connection pg = DriverManager.getConnection(url); Statement st = pg.createStatement()) {
            for (String table : List.of("market_events", "market_event_sync_logs", "market_event_sync_log",
                    "tws_maintenance_lock_holder")) {
                st.execute("DROP TABLE IF EXISTS " + table);
            }
            // The host's PostgreSQL DDL (HostSchemaContractTest holds the declaration to SQLAlchemy's text).
            for (HostSchema.Table table : HostSchema.TABLES) {
                for (String sql : HostSchema.statements(EventStore.Dialect.POSTGRESQL, table.name())) {
                    st.execute(sql);
                }
            }
            Path db = dir.resolve("host.db");
            try (InputStream in = PostgresHostStoreTest.class.getResourceAsStream("/host/host_written.db")) {
                Files.copy(in, db);
            }
            try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                copy(sqlite, pg, "market_events");
                copy(sqlite, pg, "market_event_sync_logs");
            }
            // Keep SERIAL ahead of the copied ids, as the host's own inserts would have left it.
            st.execute("SELECT setval('market_events_id_seq', (SELECT MAX(id) FROM market_events))");
            st.execute("SELECT setval('market_event_sync_logs_id_seq', (SELECT MAX(id) FROM market_event_sync_logs))");
        }
        return url;
    }

    private static void copy(Connection from, Connection to, String table) throws Exception {
        try (Statement st = from.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> cols = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                cols.add(meta.getColumnName(i));
            }
            try (PreparedStatement ps = to.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", cols)
                    + ") VALUES (" + String.join(", ", cols.stream().map(c -> "?").toList()) + ")")) {
                while (rs.next()) {
                    for (int i = 0; i < cols.size(); i++) {
                        String col = cols.get(i);
                        Object value = rs.getObject(i + 1);
                        if (value == null) {
                            ps.setNull(i + 1, col.endsWith("_at") || col.endsWith("_utc") || col.equals("event_date")
                                    ? Types.TIMESTAMP : Types.VARCHAR);
                        } else if (col.endsWith("_at") || col.endsWith("_utc") || col.equals("event_date")) {
                            ps.setObject(i + 1, LocalDateTime.parse(value.toString().replace(' ', 'T')));
                        } else if (col.equals("is_portfolio_relevant")) {
                            ps.setBoolean(i + 1, ((Number) value).intValue() != 0);
                        } else {
                            ps.setObject(i + 1, value);
                        }
                    }
                    ps.executeUpdate();
                }
            }
        }
    }

    @Override
    List<String> datetimes(Connection c, String table, String column) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + column + " FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                LocalDateTime t = rs.getObject(1, LocalDateTime.class);
                out.add(t == null ? null : EventStore.HOST_TS.format(t));
            }
        }
        return out;
    }
}
