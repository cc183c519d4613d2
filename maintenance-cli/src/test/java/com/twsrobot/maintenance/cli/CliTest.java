package com.twsrobot.maintenance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI contract: commands, output streams and exit codes, against pages served on loopback. */
class CliTest {

    private final TempWorkspace ws = TempWorkspace.create();
    private final FixtureServer server = FixtureServer.start()
            .page("/sp500", Fixtures.page("wikipedia_sp500.html"))
            .page("/sti", Fixtures.page("wikipedia_sti.html"))
            .page("/hsi", Fixtures.page("wikipedia_hsi.html"));

    private String out;
    private String err;

    @AfterEach
    void cleanUp() {
        server.close();
        ws.close();
    }

    private int cli(String... args) {
        CliRun run = CliRun.in(ws, args);
        out = run.out();
        err = run.err();
        return run.exitCode();
    }

    private String[] withSources(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        for (String key : List.of("sp500", "sti", "hsi")) {
            all.add("--source-url");
            all.add(key + "=" + server.url("/" + key));
        }
        return all.toArray(String[]::new);
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        assertThat(cli("--help")).isZero();
        assertThat(out).contains("run", "validate", "status", "reports", "report", "Exit codes");
        assertThat(cli("run", "--help")).isZero();
        assertThat(out).contains("--apply", "--dry-run", "--source-url", "--snapshot", "--allow-large-change");
        // The tasks and source keys come from the runner's plug-ins, not from a list in the help.
        assertThat(out).contains("This runner's tasks: sp500_constituents, sti_constituents, hsi_constituents,",
                "groups: all, constituents", "Source keys (--source-url KEY=URL): fomc, hsi, sp500,");
    }

    @Test
    void dryRunAgainstLoopbackPagesProposesTheRealCountsAndWritesNothing() {
        ws.withConstituents(true);
        Map<String, String> before = ws.dataFingerprint();
        assertThat(cli(withSources("run", "--task", "constituents", "--dry-run", "--json"))).as(err).isZero();
        JsonNode report = json(out);
        assertThat(report.get("dry_run").asBoolean()).isTrue();
        assertThat(report.get("results")).extracting(r -> r.get("after_count").asInt()).containsExactly(503, 30, 85);
        assertThat(report.get("results").get(0).get("source").asText()).isEqualTo(server.url("/sp500"));
        assertThat(ws.dataFingerprint()).isEqualTo(before);
        assertThat(err).contains("dry run");
    }

    @Test
    void applyFromThePreviousFilesReportsTheRealChangesAndBacksUp() throws Exception {
        ws.withConstituents(false);
        // HSI grows 49 -> 85 and needs the override; S&P and STI stand alone and are applied: partly applied.
        assertThat(cli(withSources("run", "--task", "constituents", "--apply", "--json"))).isEqualTo(MaintenanceCli.EXIT_PARTLY_APPLIED);
        JsonNode first = json(out);
        assertThat(first.get("status").asText()).isEqualTo("partial_failure");
        JsonNode sp = first.get("results").get(0);
        assertThat(sp.get("added").toString()).contains("{\"symbol\":\"ECHO\",\"security\":\"EchoStar\"}", "FDXF",
                "FLEX", "MRVL");
        assertThat(sp.get("removed").toString()).contains("SATS", "EPAM", "CPB", "POOL");
        assertThat(first.get("results").get(2).get("validation").get("errors").toString()).contains("--allow-large-change");
        assertThat(ws.readData("hsi_constituents.csv")).isEqualTo(Fixtures.previousConstituents("hsi_constituents.csv"));

        assertThat(cli(withSources("run", "--task", "constituents", "--apply", "--allow-large-change", "--json")))
                .as(err).isZero();
        JsonNode hsi = json(out).get("results").get(2);
        assertThat(hsi.get("removed")).hasSize(4);
        assertThat(hsi.get("added")).hasSize(40);
        assertThat(json(out).get("results").get(0).get("detail").get("changed").asBoolean()).isFalse();
        try (var backups = Files.walk(ws.dataDir().resolve("backups"))) {
            assertThat(backups.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("sp500_constituents.csv", "sti_constituents.csv", "hsi_constituents.csv");
        }
        String sti = ws.dataFile("sti_constituents.csv").toString();
        assertThat(Files.readString(Path.of(sti))).contains("5E2.SI,5E2,Seatrium Limited,Industrials,Ship Building & Repairing");
    }

    @Test
    void unknownTaskIsAUsageErrorListingTheKnownTasks() {
        assertThat(cli("run", "--task", "sp400_constituents")).isEqualTo(2);
        assertThat(err).contains("unknown task 'sp400_constituents'", "sp500_constituents", "constituents");
        assertThat(ws.reportsDir().toFile().list()).isEmpty();
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(cli("run", "--dry-run", "--apply")).isEqualTo(2);
        assertThat(cli("run", "--days", "0")).isEqualTo(2);
        assertThat(err).contains("--days must be between 1 and 90");
        assertThat(cli("frobnicate")).isEqualTo(2);
    }

    @Test
    void badConfigIsAUsageErrorNamingTheSetting() throws Exception {
        Path config = ws.root().resolve("maintenance.properties");
        Files.writeString(config, "min_rows.sti = many\n");
        assertThat(cli("--config", config.toString(), "status")).isEqualTo(2);
        assertThat(err).contains("min_rows.sti must be a whole number");
        Files.writeString(config, "colour = blue\n");
        assertThat(cli("--config", config.toString(), "status")).isEqualTo(2);
        assertThat(err).contains("unknown setting 'colour'");
    }

    @Test
    void networkSettingsAreCheckedAndNamedWhenWrong() throws Exception {
        Path config = ws.root().resolve("maintenance.properties");
        Files.writeString(config, "http.proxy = proxy.example.com\n");
        assertThat(cli("--config", config.toString(), "status")).isEqualTo(2);
        assertThat(err).contains("http.proxy 'proxy.example.com' is not host:port (e.g. proxy.example.com:3128)")
                .doesNotContain("http.proxy: http.proxy");
        Files.writeString(config, "http.attempts = 0\n");
        assertThat(cli("--config", config.toString(), "status")).isEqualTo(2);
        assertThat(err).contains("http.attempts must be a whole number");
        Files.writeString(config, "http.colour = blue\n");
        assertThat(cli("--config", config.toString(), "status")).isEqualTo(2);
        assertThat(err).contains("unknown setting 'http.colour'", "user_agent, proxy");
        Files.writeString(config, "http.proxy = proxy.example.com:3128\nhttp.user_agent = ops-team/1.0\n"
                + "http.connect_timeout_seconds = 5\nhttp.request_timeout_seconds = 30\nhttp.max_body_mib = 16\n");
        assertThat(cli("--config", config.toString(), "status")).isEqualTo(0);
    }

    @Test
    void theConfiguredUserAgentIsWhatTheSourcesSend() throws Exception {
        List<String> agents = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer page = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        page.createContext("/sti", exchange -> {
            try (exchange) {
                agents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
                byte[] body = Fixtures.page("wikipedia_sti.html").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        page.start();
        try {
            Path config = ws.root().resolve("maintenance.properties");
            Files.writeString(config, "http.user_agent = ops-team-screener/2.1 (ops@example.com)\n");
            assertThat(cli("--config", config.toString(), "run", "--task", "sti_constituents", "--source-url",
                    "sti=http://127.0.0.1:" + page.getAddress().getPort() + "/sti")).as(err).isZero();
            assertThat(agents).containsExactly("ops-team-screener/2.1 (ops@example.com)");
        } finally {
            page.stop(0);
        }
    }

    @Test
    void aBadScheduleIsAUsageErrorNamingTheSettingAndTheForms() throws Exception {
        Path config = ws.root().resolve("maintenance.properties");
        Files.writeString(config, "schedule.dry_run = hourly\n");
        assertThat(cli("--config", config.toString(), "status")).isEqualTo(2);
        assertThat(err).contains("schedule.dry_run", "'hourly' is not a schedule", "daily HH:MM ZONE", "off-peak");
        Files.writeString(config, "schedule.dry_run = daily 02:30 Mars/Olympus\n");
        assertThat(cli("--config", config.toString(), "status")).isEqualTo(2);
        assertThat(err).contains("'Mars/Olympus'", "is not a time zone");
        Files.writeString(config, "schedule.dry_run = off-peak\nschedule.apply = always\n");
        assertThat(cli("--config", config.toString(), "status")).isEqualTo(2);
        assertThat(err).contains("schedule.apply must be never or when-clean");
        // serve refuses before listening when the schedule is incomplete or names an unknown task
        Files.writeString(config, "schedule.apply = when-clean\n");
        assertThat(cli("--config", config.toString(), "serve", "--port", "0")).isEqualTo(2);
        assertThat(err).contains("schedule.apply and schedule.tasks need schedule.dry_run");
        Files.writeString(config, "schedule.dry_run = off-peak\nschedule.tasks = sti_constituent\n");
        assertThat(cli("--config", config.toString(), "serve", "--port", "0")).isEqualTo(2);
        assertThat(err).contains("schedule.tasks", "sti_constituent");
    }

    @Test
    void configFileSetsSourceUrlsAndThresholds() throws Exception {
        ws.withConstituents(true);
        Path config = ws.root().resolve("maintenance.properties");
        Files.writeString(config, "source_url.sti = " + server.url("/sti") + "\nmin_rows.sti = 31\n");
        assertThat(cli("--config", config.toString(), "run", "--task", "sti_constituents")).isEqualTo(1);
        assertThat(out).contains(server.url("/sti"), "below the minimum of 31");
    }

    @Test
    void unreachableSourcesFailCleanlyWithOneLinePerSourceAndKeepTheFiles() {
        ws.withConstituents(true);
        Map<String, String> before = ws.dataFingerprint();
        assertThat(cli("run", "--task", "constituents", "--apply", "--source-url", "sp500=http://127.0.0.1:9/sp500", "--source-url",
                "sti=http://127.0.0.1:9/sti", "--source-url", "hsi=http://127.0.0.1:9/hsi")).isEqualTo(1);
        assertThat(out.lines().filter(l -> l.contains("error: source failed"))).hasSize(3);
        assertThat(ws.dataFingerprint()).isEqualTo(before);
    }

    @Test
    void snapshotRunWorksOffline() {
        ws.withConstituents(true);
        assertThat(cli("run", "--snapshot")).as(out + err).isZero();
        assertThat(out).contains("DRY RUN", "snapshot:wikipedia_sp500.html");
    }

    @Test
    void reportsFiltersByTaskStatusAndModeAndPagesAndRefusesUnknownWords() {
        ws.withConstituents(true);
        assertThat(cli("validate")).isZero();
        assertThat(cli("reports", "--json")).isZero();
        String validateId = json(out).get(0).get("report_id").asText();
        assertThat(cli("run", "--snapshot")).as(out + err).isZero();
        assertThat(cli("reports", "--json")).isZero();
        String runId = json(out).get(0).get("report_id").asText();
        assertThat(runId).isNotEqualTo(validateId);

        assertThat(cli("reports", "--task", "metadata_validation", "--json")).isZero();
        assertThat(json(out)).extracting(r -> r.get("report_id").asText()).containsExactly(validateId);
        assertThat(cli("reports", "--task", "hsi_constituents", "--mode", "dry-run", "--json")).isZero();
        assertThat(json(out)).extracting(r -> r.get("report_id").asText()).containsExactly(runId);
        assertThat(cli("reports", "--limit", "1", "--offset", "1", "--json")).isZero();
        assertThat(json(out)).extracting(r -> r.get("report_id").asText()).containsExactly(validateId);
        assertThat(cli("reports", "--mode", "apply")).isZero();
        assertThat(out).startsWith("no matching reports in ");

        assertThat(cli("reports", "--task", "hsi")).isEqualTo(2);
        assertThat(err).contains("unknown task 'hsi'", "hsi_constituents").doesNotContain("Exception");
        assertThat(cli("reports", "--status", "ok")).isEqualTo(2);
        assertThat(err).contains("unknown status 'ok'", "partial_failure");
        assertThat(cli("reports", "--mode", "live")).isEqualTo(2);
        assertThat(err).contains("unknown mode 'live'");
        assertThat(cli("reports", "--offset", "-1")).isEqualTo(2);
        assertThat(cli("reports", "--help")).isZero();
        assertThat(out).contains("--task", "--status", "--mode", "--offset");
    }

    @Test
    void validateStatusReportsAndReport() {
        ws.withConstituents(true);
        assertThat(cli("validate")).isZero();
        assertThat(out).contains("metadata_validation", "success");
        assertThat(cli("status", "--json")).isZero();
        JsonNode status = json(out);
        assertThat(status.get("constituents")).extracting(i -> i.get("row_count").asInt()).containsExactly(503, 30, 85);
        String id = status.get("latest_report").get("report_id").asText();

        assertThat(cli("reports", "--json")).isZero();
        assertThat(json(out).get(0).get("report_id").asText()).isEqualTo(id);
        assertThat(cli("report", id, "--markdown")).isZero();
        assertThat(out).startsWith("# Maintenance report " + id);
        assertThat(cli("report", id)).isZero();
        assertThat(json(out).get("report_id").asText()).isEqualTo(id);
        assertThat(cli("report", "maintenance_19990101_000000")).isEqualTo(1);
        assertThat(err).contains("no report 'maintenance_19990101_000000'");
        assertThat(cli("report", "../../etc/passwd")).isEqualTo(1);
    }

    @Test
    void validateFailsWithExitOneOnABadFile() {
        ws.withConstituents(true).writeData("sti_constituents.csv", "symbol,security,sector,sub_industry\n".getBytes());
        assertThat(cli("validate")).isEqualTo(1);
        assertThat(out).contains("sti_constituents.csv: ");
    }

    private static JsonNode json(String text) {
        try {
            return ReportJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON alone: " + text, e);
        }
    }
}
