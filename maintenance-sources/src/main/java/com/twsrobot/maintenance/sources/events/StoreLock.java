package com.twsrobot.maintenance.sources.events;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * On PostgreSQL, where several hosts may share one event database, a writing refresh holds a session
 * advisory lock ({@code pg_try_advisory_lock}) for its whole run, so two refreshes never interleave.
 * It never waits: a second refresh is refused at once, naming the holder from a small row in
 * {@code tws_maintenance_lock_holder} (the only table besides the host's that this library creates).
 * The server drops the lock when the holder's connection ends, even if its process dies.
 */
final class StoreLock implements AutoCloseable {

    /** The advisory lock key: "tws_main" in ASCII. */
    static final long KEY = 0x7477735f6d61696eL;

    private final Connection connection;

    private StoreLock(Connection connection) {
        this.connection = connection;
    }

    /** Another refresh holds the lock; the message names it. */
    static final class HeldException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String holder;

        HeldException(String holder) {
            super("another market-events refresh holds the event store's lock: " + holder);
            this.holder = holder;
        }

        String holder() {
            return holder;
        }
    }

    /**
     * Takes the lock on {@code store}'s database or fails at once; {@code what} is recorded for others to read.
     * For a store that is not PostgreSQL this holds nothing (SQLite's own locking and the run lock apply).
     */
    static StoreLock acquire(EventStore store, String what, Instant now) throws SQLException, HeldException {
        if (store.dialect() != EventStore.Dialect.POSTGRESQL) {
            return new StoreLock(null);
        }
        Connection c = store.connect();
        try {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS tws_maintenance_lock_holder (lock_key BIGINT PRIMARY KEY, "
                        + "holder TEXT NOT NULL, acquired_at TIMESTAMP WITHOUT TIME ZONE NOT NULL)");
            }
            boolean got;
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    got = rs.getBoolean(1);
                }
            }
            if (!got) {
                throw new HeldException(holder(c));
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tws_maintenance_lock_holder (lock_key, holder, "
                    + "acquired_at) VALUES (?, ?, ?) ON CONFLICT (lock_key) DO UPDATE SET holder = EXCLUDED.holder, "
                    + "acquired_at = EXCLUDED.acquired_at")) {
                ps.setLong(1, KEY);
                ps.setString(2, "pid " + ProcessHandle.current().pid() + " on " + hostName() + ", " + what + ", since "
                        + now);
                ps.setObject(3, EventStore.utc(now));
                ps.executeUpdate();
            }
            return new StoreLock(c);
        } catch (SQLException | HeldException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static String holder(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT holder FROM tws_maintenance_lock_holder WHERE lock_key = ?")) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "an unnamed session (no holder row)";
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection == null) {
            return;
        }
        try (connection; PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM tws_maintenance_lock_holder WHERE lock_key = ?");
             PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            delete.setLong(1, KEY);
            delete.executeUpdate();
            unlock.setLong(1, KEY);
            unlock.executeQuery().close();
        }
    }
}
