package com.twsrobot.maintenance.sources.events;

import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The host contract on a copy of the SQLite file the host's own code wrote. */
class SqliteHostStoreTest extends HostStoreContract {

    @TempDir
    Path dir;

    @Override
    String hostStore() throws Exception {
        Path db = dir.resolve("host.db");
        try (InputStream in = SqliteHostStoreTest.class.getResourceAsStream("/host/host_written.db")) {
            Files.copy(in, db);
        }
        return "jdbc:sqlite:" + db;
    }

    @Override
    List<String> datetimes(Connection c, String table, String column) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + column + ", typeof(" + column + ") FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                // Stored as TEXT (never a number), in exactly the host's form.
                out.add(rs.getString(1) == null ? null : rs.getString(2).equals("text") ? rs.getString(1)
                        : "stored as " + rs.getString(2));
            }
        }
        return out;
    }
}
