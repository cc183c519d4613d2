package com.twsrobot.maintenance.console;

import com.sun.net.httpserver.HttpServer;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.schedule.ScheduleSettings;
import com.twsrobot.maintenance.core.schedule.ScheduledRuns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Maintenance Console: the maintenance API and the dashboard at {@code /maintenance}, served by
 * the JDK's HTTP server around a host's {@link MaintenanceRunner}.
 *
 * <pre>
 * try (MaintenanceConsole console = MaintenanceConsole.start(runner, ConsoleOptions.defaults())) {
 *     System.out.println("open " + console.uri().resolve("/maintenance"));
 *     ...
 * }
 * </pre>
 */
public final class MaintenanceConsole implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final ConsoleRoutes routes;
    private final URI uri;

    private MaintenanceConsole(HttpServer server, ExecutorService executor, ConsoleRoutes routes, URI uri) {
        this.server = server;
        this.executor = executor;
        this.routes = routes;
        this.uri = uri;
    }

    /**
     * Starts scheduled dry runs (off unless called; {@code serve} calls it when the config has
     * {@code schedule.dry_run}). Each runs as the console's one run, which every tab follows; a slot
     * that finds a run under way waits for it. A slot missed while the console was down runs once now.
     *
     * @throws IllegalArgumentException when {@code schedule.tasks} names a task or group the runner does not know
     */
    public ScheduledRuns startSchedule(ScheduleSettings settings) {
        return routes.startSchedule(settings);
    }

    /**
     * Starts listening. Binding beyond loopback without an access token is refused: the console
     * would otherwise let anyone on the network apply changes.
     */
    public static MaintenanceConsole start(MaintenanceRunner runner, ConsoleOptions options) throws IOException {
        return start(runner, options, List.of());
    }

    /** As {@link #start(MaintenanceRunner, ConsoleOptions)}, serving {@code extraRoutes} beside the built-in ones. */
    static MaintenanceConsole start(MaintenanceRunner runner, ConsoleOptions options, List<ConsoleRoute> extraRoutes)
            throws IOException {
        if (!options.isLoopback() && options.accessToken().isEmpty()) {
            throw new com.twsrobot.maintenance.api.ConfigurationException("binding to " + options.bindAddress() + " would expose the console beyond "
                    + "this machine: give it an access token (serve --token-file FILE) or bind to 127.0.0.1");
        }
        configureJdkServer(options.requestReadTimeout());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(options.bindAddress()),
                options.port()), 0);
        int port = server.getAddress().getPort();
        Set<String> hosts = new HashSet<>(List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port,
                options.bindAddress().toLowerCase(Locale.ROOT) + ":" + port));
        ConsoleSecurity security = new ConsoleSecurity(options.accessToken(), hosts, options.isLoopback(),
                options.apiTokens());
        ConsoleRoutes routes = new ConsoleRoutes(runner, security, new RunTracker(runner.clock()),
                options.maxBodyBytes(), options.maxRequestsPerClient(), extraRoutes);
        server.createContext("/", new JdkServerAdapter(routes));
        // The JDK server reads a request's headers on a worker thread, so a stalled client holds one until
        // the read timeout closes its connection: many workers keep the operator served meanwhile.
        ExecutorService executor = Executors.newFixedThreadPool(options.workers(), r -> {
            Thread t = new Thread(r, "maintenance-console");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        String host = options.bindAddress().contains(":") ? "[" + options.bindAddress() + "]" : options.bindAddress();
        return new MaintenanceConsole(server, executor, routes, URI.create("http://" + host + ":" + port + "/"));
    }

    /**
     * The JDK server bounds the time to receive a request (headers and body) only through its
     * {@code sun.net.httpserver.maxReqTime} property, read once when its first server starts in the JVM.
     * Set it from the options unless the host set it, and {@code sun.net.httpserver.nodelay} (no Nagle
     * delay on answers) likewise; a host that started a JDK HTTP server before the console must set them
     * itself ({@code -Dsun.net.httpserver.maxReqTime=10 -Dsun.net.httpserver.nodelay=true}).
     */
    private static synchronized void configureJdkServer(java.time.Duration timeout) {
        // Set, never read: the JDK server offers no other way to bound request reads.
        System.getProperties().putIfAbsent(MAX_REQ_TIME, Long.toString(Math.max(1, timeout.toSeconds())));
        // The JDK server writes an answer's headers and body apart; with Nagle on, the body waits for the
        // client's delayed ACK of the headers: ~40 ms on every keep-alive answer (bench/console.sh measured
        // 177 requests a second from 8 sessions, 3,100 with this). Read at the same moment as maxReqTime.
        System.getProperties().putIfAbsent(NO_DELAY, "true");
    }

    private static final String MAX_REQ_TIME = "sun.net.httpserver.maxReqTime";
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    /** The console's base URI, e.g. {@code http://127.0.0.1:8765/}. */
    public URI uri() {
        return uri;
    }

    /** The routes (package tests look at the per-client counts). */
    ConsoleRoutes routes() {
        return routes;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        routes.stopSchedule();
        server.stop(0);
        executor.shutdownNow();
    }
}
