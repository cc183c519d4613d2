package com.twsrobot.maintenance.core.symbols;

import com.twsrobot.maintenance.api.events.EventSymbols;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Event symbols from a query the operator configures against the events database — typically the
 * host's open positions ({@code SELECT symbol FROM positions WHERE quantity <> 0}). Only a single
 * SELECT (or WITH … SELECT) is run, on a read-only connection, bounded by a query timeout; the first
 * column of each row is a symbol.
 */
public final class SqlQuerySymbols implements EventSymbols {

    private final String jdbcUrl;
    private final String sql;
    private final Duration timeout;

    public SqlQuerySymbols(String jdbcUrl, String sql, Duration timeout) {
        java.util.Optional<String> problem = problem(sql);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        this.jdbcUrl = jdbcUrl;
        this.sql = sql.strip().replaceAll(";\\s*$", "");
        this.timeout = timeout;
    }

    /** Why {@code sql} is not a query this runs (one SELECT, or WITH … SELECT), or empty. */
    public static java.util.Optional<String> problem(String sql) {
        String head = sql.strip().toLowerCase(Locale.ROOT);
        if (!(head.startsWith("select") || head.startsWith("with")) || sql.strip().replaceAll(";\\s*$", "").contains(";")) {
            return java.util.Optional.of("the event symbols query must be one SELECT statement, got: " + sql);
        }
        return java.util.Optional.empty();
    }

    @Override
    public String name() {
        return "sql query";
    }

    @Override
    public List<String> symbols() {
        List<String> out = new ArrayList<>();
        java.util.Properties properties = new java.util.Properties();
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: the driver cannot switch later
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, properties)) {
            if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
                c.setReadOnly(true);
            }
            try (Statement st = c.createStatement()) {
                st.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        String s = rs.getString(1);
                        if (s != null && !s.isBlank() && !out.contains(s.strip().toUpperCase(Locale.ROOT))) {
                            out.add(s.strip().toUpperCase(Locale.ROOT));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the event symbols query failed: " + e.getMessage(), e);
        }
        return out;
    }
}
