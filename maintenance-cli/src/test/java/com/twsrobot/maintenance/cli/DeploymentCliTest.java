package com.twsrobot.maintenance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.twsrobot.maintenance.api.Sha256;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What a real deployment needs: invalidating the running host, paths from the environment, symbol sources. */
class DeploymentCliTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final FixtureServer pages = FixtureServer.start().page("/sti", Fixtures.page("wikipedia_sti.html"));

    @AfterEach
    void cleanUp() {
        MaintenanceCli.environment = System::getenv;
        pages.close();
        ws.close();
    }

    private record Received(String body, String authorization) {
    }

    /** A loopback receiver answering {@code status} to every POST and recording what came. */
    private static HttpServer receiver(int status, List<Received> received) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                received.add(new Received(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Authorization")));
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.start();
        return server;
    }

    @Test
    void anApplyPostsToTheHostWithItsTokenAndBumpsTheMarkerFile() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer host = receiver(204, received);
        Path token = ws.root().resolve("invalidate.token");
        Files.writeString(token, "s3cret-token-123\n");
        try {
            String url = "http://127.0.0.1:" + host.getAddress().getPort() + "/api/cache/invalidate";
            CliRun run = CliRun.in(ws, "--invalidate-url", url, "--invalidate-token-file", token.toString(),
                    "--invalidate-marker", "run", "--apply", "--json", "--task", "sti_constituents", "--source-url",
                    "sti=" + pages.url("/sti"));
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            JsonNode report = ReportJson.mapper().readTree(run.out());
            String sha = Sha256.hex(ws.readData("sti_constituents.csv"));

            assertThat(received).singleElement().satisfies(r -> {
                assertThat(r.authorization()).isEqualTo("Bearer s3cret-token-123");
                JsonNode body = ReportJson.mapper().readTree(r.body());
                assertThat(body.get("index").asText()).isEqualTo("sti");
                assertThat(body.get("sha256").asText()).isEqualTo(sha);
                assertThat(body.get("report_id").asText()).isEqualTo(report.get("report_id").asText());
                assertThat(body.get("file").asText()).isEqualTo(ws.dataFile("sti_constituents.csv").toAbsolutePath().toString());
            });
            JsonNode outcomes = report.get("results").get(0).get("detail").get("cache_invalidation");
            assertThat(outcomes.toString()).contains("\"outcome\":\"ok\"").doesNotContain("failed");

            JsonNode marker = ReportJson.mapper().readTree(ws.dataDir().resolve(".generation/sti.json").toFile());
            assertThat(marker.get("generation").asLong()).isEqualTo(1);
            assertThat(marker.get("sha256").asText()).isEqualTo(sha);

            pages.page("/sti", Fixtures.page("wikipedia_sti.html").replace(">DBS Group Holdings<", ">DBS Group Holdings Ltd<"));
            assertThat(CliRun.in(ws, "--invalidate-marker", "run", "--apply", "--task", "sti_constituents",
                    "--source-url", "sti=" + pages.url("/sti")).exitCode()).isZero();
            marker = ReportJson.mapper().readTree(ws.dataDir().resolve(".generation/sti.json").toFile());
            assertThat(marker.get("generation").asLong()).isEqualTo(2);
            assertThat(marker.get("sha256").asText()).isEqualTo(Sha256.hex(ws.readData("sti_constituents.csv")));
            try (Stream<Path> left = Files.list(ws.dataDir().resolve(".generation"))) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly("sti.json"); // no temp files
            }
        } finally {
            host.stop(0);
        }
    }

    @Test
    void aFailingReceiverIsAWarningAndTheApplyStaysApplied() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer host = receiver(503, received);
        try {
            byte[] before = ws.readData("sti_constituents.csv");
            CliRun run = CliRun.in(ws, "--invalidate-url", "http://127.0.0.1:" + host.getAddress().getPort() + "/x",
                    "run", "--apply", "--json", "--task", "sti_constituents", "--source-url", "sti=" + pages.url("/sti"));
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode task = ReportJson.mapper().readTree(run.out()).get("results").get(0);
            assertThat(task.get("status").asText()).isEqualTo("warning");
            assertThat(task.get("warnings").toString()).contains("cache invalidator http", "HTTP 503");
            assertThat(task.get("detail").get("cache_invalidation").toString()).contains("\"outcome\":\"failed\"");
            assertThat(received).hasSize(3); // three tries
            assertThat(ws.readData("sti_constituents.csv")).isNotEqualTo(before);
        } finally {
            host.stop(0);
        }
    }

    @Test
    void fromAnUnrelatedWorkingDirectoryTheEnvironmentSaysWhereTheDataIs() throws Exception {
        Path elsewhere = Files.createDirectories(ws.root().resolve("somewhere-else"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), MaintenanceCli.class.getName(),
                "run", "--apply", "--task", "sti_constituents", "--source-url", "sti=" + pages.url("/sti"))
                .directory(elsewhere.toFile()).redirectErrorStream(true);
        pb.environment().put(MaintenanceCli.ENV_DATA_DIR, ws.dataDir().toString());
        pb.environment().put(MaintenanceCli.ENV_REPORTS_DIR, ws.reportsDir().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).as("nothing written where the command ran").isEmpty();
        }
        assertThat(new String(ws.readData("sti_constituents.csv"))).contains("Seatrium");
        assertThat(out).contains("Report: " + ws.reportsDir().toAbsolutePath()); // absolute paths
    }

    @Test
    void aFlagWinsOverTheEnvironmentWhichWinsOverTheConfigFile() throws Exception {
        Path fromConfig = ws.root().resolve("config-data");
        Path fromEnv = ws.root().resolve("env-data");
        Path config = ws.root().resolve("maintenance.properties");
        Files.writeString(config, "data_dir = config-data\n"); // relative to the config file's folder
        MaintenanceCli.environment = Map.of(MaintenanceCli.ENV_CONFIG, config.toString())::get;
        CliRun viaConfig = run("status", "--json");
        assertThat(viaConfig.out()).contains(fromConfig.resolve("sti_constituents.csv").toString());

        MaintenanceCli.environment = Map.of(MaintenanceCli.ENV_CONFIG, config.toString(), MaintenanceCli.ENV_DATA_DIR,
                fromEnv.toString())::get;
        assertThat(run("status", "--json").out()).contains(fromEnv.resolve("sti_constituents.csv").toString());
        assertThat(run("--data-dir", ws.dataDir().toString(), "status", "--json").out())
                .contains(ws.dataDir().resolve("sti_constituents.csv").toString());
    }

    /** The CLI in-process without the workspace's own --data-dir, so the environment and config decide. */
    private static CliRun run(String... args) {
        java.io.StringWriter o = new java.io.StringWriter();
        java.io.StringWriter e = new java.io.StringWriter();
        picocli.CommandLine cl = MaintenanceCli.commandLine(args);
        cl.setOut(new java.io.PrintWriter(o));
        cl.setErr(new java.io.PrintWriter(e));
        int code = cl.execute(args);
        return new CliRun(code, o.toString(), e.toString());
    }

    @Test
    void aWritingRunThatCreatesTheDataDirectorySaysSo() throws Exception {
        Path fresh = ws.root().resolve("fresh-data");
        CliRun run = run("--data-dir", fresh.toString(), "--reports-dir", ws.reportsDir().toString(), "run", "--apply",
                "--task", "sti_constituents", "--source-url", "sti=" + FixturePage.url());
        assertThat(run.out()).contains("the data directory " + fresh.toAbsolutePath() + " did not exist and was created");
    }

    /** The STI page as a file: URL, for runs that need no server. */
    private static final class FixturePage {
        static String url() throws Exception {
            Path page = Files.createTempFile("sti", ".html");
            Files.writeString(page, Fixtures.page("wikipedia_sti.html"));
            page.toFile().deleteOnExit();
            return page.toUri().toString();
        }
    }

    @Test
    void eventSymbolsComeFromTheWatchlistFileAndAQueryAndTheReportSaysWhichFromWhere() throws Exception {
        Files.writeString(ws.dataFile("watchlist.txt"), "# the desk's list\nAAPL  # core\nmsft\n\n");
        Path db = ws.dataFile("market_events.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE positions (symbol TEXT, quantity INTEGER)");
            st.execute("INSERT INTO positions VALUES ('NVDA', 10), ('IBM', 0)");
        }
        Path config = ws.root().resolve("maintenance.properties");
        Files.writeString(config, "event_symbols.sql = SELECT symbol FROM positions WHERE quantity <> 0\n");
        CliRun run = CliRun.in(ws, "--config", config.toString(), "--source-timeout", "5", "run", "--task",
                "market_events", "--snapshot", "--symbol", "TSLA", "--json", "--source-url", "yahoo=http://127.0.0.1:9/",
                "--source-url", "yahoo-cookie=http://127.0.0.1:9/");
        assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 1);
        JsonNode detail = ReportJson.mapper().readTree(run.out()).get("results").get(0).get("detail");
        assertThat(detail.get("symbols").toString()).isEqualTo("[\"TSLA\",\"AAPL\",\"MSFT\",\"NVDA\"]");
        JsonNode sources = detail.get("symbol_sources");
        assertThat(sources.get("manual").toString()).isEqualTo("[\"TSLA\"]");
        assertThat(sources.get("watchlist " + ws.dataFile("watchlist.txt").toAbsolutePath()).toString())
                .isEqualTo("[\"AAPL\",\"MSFT\"]");
        assertThat(sources.get("sql query").toString()).isEqualTo("[\"NVDA\"]");

        Files.writeString(ws.dataFile("watchlist.txt"), "AAPL\nnot a symbol!\n");
        CliRun bad = CliRun.in(ws, "run", "--task", "market_events", "--snapshot", "--json");
        assertThat(ReportJson.mapper().readTree(bad.out()).get("results").get(0).get("warnings").toString())
                .contains("watchlist.txt line 2: 'NOT A SYMBOL!' is not a symbol");
    }
}
