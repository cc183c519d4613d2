package com.twsrobot.maintenance.sources;

import com.sun.net.httpserver.HttpServer;
import com.twsrobot.maintenance.api.HttpSettings;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.sources.events.FomcProvider;
import com.twsrobot.maintenance.testkit.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each runner reaches the network with its own settings, handed to its sources and providers with
 * every fetch: two runners in one JVM send their own User-Agent, and a runner with a proxy sends its
 * requests through it. The loopback server answers every path and records what it was asked.
 */
class RunnerHttpSettingsTest {

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                seen.add(exchange.getRequestHeaders().getFirst("User-Agent") + " " + exchange.getRequestURI());
                String page = exchange.getRequestURI().getPath().endsWith("/fomc")
                        ? Fixtures.fedPage("fed_fomc_calendars.html") : Fixtures.page("wikipedia_sti.html");
                byte[] body = page.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static MaintenanceRunner runner(Path dir, HttpSettings http) {
        return MaintenanceRunner.builder().dataDir(dir.resolve("data")).reportsDir(dir.resolve("reports"))
                .progressListener(m -> { }).http(http).build();
    }

    @Test
    void twoRunnersInOneJvmEachSendTheirOwnUserAgent(@TempDir Path dir) {
        MaintenanceRunner a = runner(dir.resolve("a"), HttpSettings.DEFAULT.withUserAgent("host-a/1.0"));
        MaintenanceRunner b = runner(dir.resolve("b"), HttpSettings.DEFAULT.withUserAgent("host-b/2.0"));
        for (MaintenanceRunner runner : List.of(a, b, a)) {
            RunReport report = runner.run(RunRequest.builder().task("sti_constituents").sourceUrl("sti", url("/sti")).build());
            assertThat(report.status()).isIn(TaskStatus.SUCCESS, TaskStatus.WARNING);
        }
        assertThat(seen).containsExactly("host-a/1.0 /sti", "host-b/2.0 /sti", "host-a/1.0 /sti");
    }

    @Test
    void aRunnerWithAProxySendsItsRequestsThroughIt(@TempDir Path dir) {
        // The page's host does not exist: only a request through the proxy (the loopback server) can succeed.
        MaintenanceRunner proxied = runner(dir, HttpSettings.DEFAULT.withProxy("127.0.0.1:" + server.getAddress().getPort()));
        RunReport report = proxied.run(RunRequest.builder().task("sti_constituents")
                .sourceUrl("sti", "http://index-pages.invalid/sti").build());
        assertThat(report.status()).isIn(TaskStatus.SUCCESS, TaskStatus.WARNING);
        assertThat(report.results().get(0).afterCount()).isEqualTo(30);
        assertThat(seen).singleElement().asString().endsWith(" http://index-pages.invalid/sti");
    }

    @Test
    void anEventProviderUsesTheSettingsOfItsRequest() throws Exception {
        LocalDate today = LocalDate.of(2026, 6, 24);
        EventsRequest request = new EventsRequest(List.of(), today, today.plusDays(90),
                today.atStartOfDay().toInstant(ZoneOffset.UTC), Map.of("fomc", url("/fomc")), false, Duration.ofSeconds(10),
                Map.of(), HttpSettings.DEFAULT.withUserAgent("host-c/3.0"));
        assertThat(new FomcProvider().fetch(request).events()).isNotEmpty();
        assertThat(seen).containsExactly("host-c/3.0 /fomc");
    }
}
