package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.MaintenanceRunnerBuilder;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Health for the host: the JSON, the badge and the Prometheus metrics, in each state. */
class ConsoleHealthTest {

    /** Files are stamped at this instant; the clock moves relative to it. */
    private static final Instant WRITTEN = Instant.parse("2026-06-24T00:00:00Z");

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final MutableClock clock = MutableClock.at(WRITTEN.plus(Duration.ofDays(1)));
    private final HttpClient http = HttpClient.newHttpClient();
    private MaintenanceConsole console;
    private String csrf;

    @AfterEach
    void stop() {
        if (console != null) {
            console.close();
        }
        ws.close();
    }

    private void start(ConsoleOptions options, ConstituentSource... sources) throws Exception {
        try (var files = Files.list(ws.dataDir())) {
            for (var f : (Iterable<java.nio.file.Path>) files::iterator) {
                Files.setLastModifiedTime(f, FileTime.from(WRITTEN));
            }
        }
        MaintenanceRunnerBuilder b = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir())
                .reportsDir(ws.reportsDir()).clock(clock).progressListener(m -> { }).discover(false).indexes(BuiltIns.SPECS)
                .staleAfter(Duration.ofDays(30));
        for (ConstituentSource s : sources) {
            b.source(s);
        }
        console = MaintenanceConsole.start(b.build(), options.withPort(0));
        Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"")
                .matcher(get("/maintenance", Map.of()).body());
        csrf = m.find() ? m.group(1) : null;
    }

    private void start(ConstituentSource... sources) throws Exception {
        start(ConsoleOptions.defaults(), sources);
    }

    /**
     * The members the workspace's file holds, for a source whose good run changes nothing (synthetic rows
     * replacing the real members would be removals no change record explains, which warn).
     */
    private static java.util.List<com.twsrobot.maintenance.api.ConstituentRow> current(String file) throws Exception {
        return com.twsrobot.maintenance.core.constituents.ConstituentFile.parse(
                com.twsrobot.maintenance.testkit.Fixtures.currentConstituents(file), file).table().rows();
    }

    private static ConstituentSource[] healthySources() {
        return new ConstituentSource[] {FakeSource.returning("sp500", Rows.usTickers(500)),
                FakeSource.returning("sti", Rows.sgxCodes(30)), FakeSource.returning("hsi", Rows.hkexCodes(85))};
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path)).GET();
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode dryRun(String tasks) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + "/api/maintenance/run"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"tasks\": [\"" + tasks + "\"]}"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                .header("Origin", "http://127.0.0.1:" + console.port()).build();
        return ReportJson.mapper().readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode health(int expectedStatus) throws Exception {
        HttpResponse<String> response = get("/api/maintenance/health", Map.of());
        assertThat(response.statusCode()).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        return ReportJson.mapper().readTree(response.body());
    }

    private static JsonNode part(JsonNode health, String name) {
        for (JsonNode p : health.get("parts")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no part " + name + " in " + health);
    }

    @Test
    void freshValidFilesAreOkWithTheirAgeAndAGreenBadge() throws Exception {
        start(healthySources());
        JsonNode health = health(200);
        assertThat(health.get("overall").asText()).isEqualTo("ok");
        assertThat(health.get("parts")).extracting(p -> p.get("name").asText()).containsExactly("sp500", "sti", "hsi");
        for (JsonNode p : health.get("parts")) {
            assertThat(p.get("state").asText()).isEqualTo("ok");
            assertThat(p.get("reason").asText()).isEmpty();
            assertThat(p.get("age_seconds").asLong()).isEqualTo(86_400);
        }
        HttpResponse<String> badge = get("/maintenance/badge.svg", Map.of());
        assertThat(badge.statusCode()).isEqualTo(200);
        assertThat(badge.headers().firstValue("Content-Type")).hasValue("image/svg+xml; charset=utf-8");
        assertThat(badge.body()).startsWith("<svg").contains(">ok</text>", "#2e7d32", "aria-label=\"maintenance: ok\"");
    }

    @Test
    void eachFileNamesTheSourceAndReportOfTheApplyThatWroteIt() throws Exception {
        start(healthySources());
        assertThat(part(health(200), "sti").get("last_apply").isNull()).isTrue();
        String planId = dryRun("sti_constituents").get("report_id").asText();
        HttpRequest apply = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + "/api/maintenance/run"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"dry_run\": false, \"plan_id\": \"" + planId + "\"}"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                .header("Origin", "http://127.0.0.1:" + console.port()).build();
        String applyId = ReportJson.mapper().readTree(http.send(apply, HttpResponse.BodyHandlers.ofString()).body())
                .get("report_id").asText();
        JsonNode sti = part(health(200), "sti");
        assertThat(sti.get("last_apply").get("source").asText()).isEqualTo("fake://sti");
        assertThat(sti.get("last_apply").get("report_id").asText()).isEqualTo(applyId);
        assertThat(part(health(200), "hsi").get("last_apply").isNull()).isTrue(); // a dry run writes nothing
    }

    @Test
    void aFileOlderThanTheStaleAgeWarnsAndTheBadgeTurnsAmber() throws Exception {
        start(healthySources());
        clock.set(WRITTEN.plus(Duration.ofDays(45)));
        JsonNode health = health(200);
        assertThat(health.get("overall").asText()).isEqualTo("warn");
        assertThat(part(health, "sti").get("state").asText()).isEqualTo("warn");
        assertThat(part(health, "sti").get("reason").asText()).isEqualTo("the file is 45 days old (more than 30)");
        assertThat(get("/maintenance/badge.svg", Map.of()).body()).contains(">warn</text>", "#b26a00");
    }

    @Test
    void aFailedLastRunOrAMissingFileFailsWithTheReasonAnd503() throws Exception {
        Files.delete(ws.dataFile("sti_constituents.csv"));
        start(FakeSource.returning("sp500", Rows.usTickers(500)), FakeSource.returning("sti", Rows.sgxCodes(30)),
                FakeSource.failing("hsi", "HKEX answered 502"));
        dryRun("hsi_constituents");
        JsonNode health = health(503);
        assertThat(health.get("overall").asText()).isEqualTo("fail");
        assertThat(part(health, "sp500").get("state").asText()).isEqualTo("ok");
        assertThat(part(health, "hsi").get("state").asText()).isEqualTo("fail");
        assertThat(part(health, "hsi").get("reason").asText()).startsWith("the last run failed:").contains("HKEX answered 502");
        assertThat(part(health, "hsi").get("last_success").isNull()).isTrue();
        assertThat(part(health, "sti").get("state").asText()).isEqualTo("fail");
        assertThat(part(health, "sti").get("reason").asText()).startsWith("no file yet at ");
        assertThat(part(health, "sti").get("age_seconds").isNull()).isTrue();
        assertThat(get("/maintenance/badge.svg", Map.of()).body()).contains(">fail</text>", "#c62828");
    }

    @Test
    void aRunThatWarnedWarnsAndTheNextGoodRunClearsAFailure() throws Exception {
        FakeSource hsi = FakeSource.failing("hsi", "HKEX answered 502");
        start(FakeSource.returning("sp500", current("sp500_constituents.csv")), FakeSource.returning("sti", current("sti_constituents.csv")), hsi);
        dryRun("hsi_constituents");
        assertThat(part(health(503), "hsi").get("state").asText()).isEqualTo("fail");
        clock.set(clock.instant().plusSeconds(60));
        dryRun("sp500_constituents");
        JsonNode sp500 = part(health(503), "sp500");
        assertThat(sp500.get("state").asText()).isEqualTo("ok");
        assertThat(sp500.get("last_success").asText()).isEqualTo(ReportJson.timestamp(clock.instant()));
    }

    /** Each sample line of the text exposition, by name and labels, failing on any line that is not one. */
    private static Map<String, Double> parse(String exposition) {
        Pattern sample = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (NaN|[-+]?Inf|[-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?)");
        Map<String, Double> out = new HashMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                continue;
            }
            Matcher m = sample.matcher(line);
            assertThat(m.matches()).as("a sample line: %s", line).isTrue();
            String value = m.group(3);
            out.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)),
                    value.equals("NaN") ? Double.NaN : value.endsWith("Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(value));
        }
        return out;
    }

    @Test
    void oldContentIsAmberAndHasAContentAgeGaugeHoweverFreshTheFile() throws Exception {
        Instant edited = Instant.parse("2026-01-01T00:00:00Z");
        var rows = com.twsrobot.maintenance.core.constituents.ConstituentFile.parse(
                com.twsrobot.maintenance.testkit.Fixtures.currentConstituents("sp500_constituents.csv"), "fixture").table().rows();
        start(FakeSource.returning("sp500", rows).content(new com.twsrobot.maintenance.api.ContentDate(
                java.util.Optional.of(edited), "the page's last-edited line", com.twsrobot.maintenance.api.ContentDate.Origin.LIVE)));
        dryRun("sp500_constituents"); // the page gives exactly the file on disk: its content date is the file's
        JsonNode sp500 = part(ReportJson.mapper().readTree(get("/api/maintenance/health", Map.of()).body()), "sp500");
        assertThat(sp500.get("state").asText()).isEqualTo("warn");
        assertThat(sp500.get("reason").asText()).contains("content as of 2026-01-01");
        Map<String, Double> m = parse(get("/metrics", Map.of()).body());
        assertThat(m).containsEntry("tws_maintenance_content_age_seconds{index=\"sp500\"}",
                (double) Duration.between(edited, clock.instant()).toSeconds());
        assertThat(m.get("tws_maintenance_content_age_seconds{index=\"sti\"}")).isNaN();
    }

    @Test
    void metricsAreScrapedInPrometheusTextWithLastSuccessDurationsAndFailures() throws Exception {
        start(FakeSource.returning("sp500", current("sp500_constituents.csv")), FakeSource.returning("sti", current("sti_constituents.csv")),
                FakeSource.failing("hsi", "HKEX answered 502"));
        dryRun("sp500_constituents");
        Instant sp500Success = clock.instant();
        dryRun("hsi_constituents");

        HttpResponse<String> scrape = get("/metrics", Map.of());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        Map<String, Double> m = parse(scrape.body());
        assertThat(m).containsEntry("tws_maintenance_health{part=\"overall\"}", 2.0)
                .containsEntry("tws_maintenance_health{part=\"sp500\"}", 0.0)
                .containsEntry("tws_maintenance_health{part=\"hsi\"}", 2.0)
                .containsEntry("tws_maintenance_file_age_seconds{part=\"sti\"}", 86_400.0)
                .containsEntry("tws_maintenance_last_success_timestamp_seconds{task=\"sp500_constituents\"}",
                        (double) sp500Success.getEpochSecond())
                .containsEntry("tws_maintenance_task_failures_total{task=\"hsi_constituents\"}", 1.0)
                .containsEntry("tws_maintenance_task_failures_total{task=\"sp500_constituents\"}", 0.0)
                .containsEntry("tws_maintenance_task_duration_seconds_count{mode=\"dry_run\",task=\"hsi_constituents\"}", 1.0)
                .containsEntry("tws_maintenance_run_duration_seconds_count{mode=\"dry_run\"}", 2.0);
        assertThat(m.get("tws_maintenance_last_success_timestamp_seconds{task=\"hsi_constituents\"}")).isNaN();
        assertThat(scrape.body()).contains("# TYPE tws_maintenance_task_failures_total counter");

        // A second scrape counts nothing twice; a new run counts once.
        assertThat(parse(get("/metrics", Map.of()).body()))
                .containsEntry("tws_maintenance_run_duration_seconds_count{mode=\"dry_run\"}", 2.0);
        dryRun("hsi_constituents");
        assertThat(parse(get("/metrics", Map.of()).body()))
                .containsEntry("tws_maintenance_task_failures_total{task=\"hsi_constituents\"}", 2.0)
                .containsEntry("tws_maintenance_run_duration_seconds_count{mode=\"dry_run\"}", 3.0);
    }

    @Test
    void theReportHistoryFiltersByTaskStatusAndModeAndPages() throws Exception {
        start(FakeSource.returning("sp500", current("sp500_constituents.csv")), FakeSource.returning("sti", current("sti_constituents.csv")),
                FakeSource.failing("hsi", "HKEX answered 502"));
        String first = dryRun("sp500_constituents").get("report_id").asText();
        clock.set(clock.instant().plusSeconds(60));
        String second = dryRun("hsi_constituents").get("report_id").asText();
        clock.set(clock.instant().plusSeconds(60));
        String third = dryRun("sti_constituents").get("report_id").asText();

        assertThat(ids("/api/maintenance/reports")).containsExactly(third, second, first);
        assertThat(ids("/api/maintenance/reports?task=hsi_constituents")).containsExactly(second);
        assertThat(ids("/api/maintenance/reports?status=success&mode=dry_run")).containsExactly(third, first);
        assertThat(ids("/api/maintenance/reports?mode=apply")).isEmpty();
        assertThat(ids("/api/maintenance/reports?limit=1&offset=1")).containsExactly(second);
        for (String bad : new String[] {"task=hsi", "status=ok", "mode=live", "offset=-1", "offset=x"}) {
            HttpResponse<String> refused = get("/api/maintenance/reports?" + bad, Map.of());
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(ReportJson.mapper().readTree(refused.body()).get("error").asText()).as(bad)
                    .containsAnyOf("unknown", "offset");
        }
    }

    private java.util.List<String> ids(String path) throws Exception {
        HttpResponse<String> response = get(path, Map.of());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        java.util.List<String> out = new java.util.ArrayList<>();
        ReportJson.mapper().readTree(response.body()).forEach(r -> out.add(r.get("report_id").asText()));
        return out;
    }

    @Test
    void theReadOnlyRoutesNeedTheTokenWhenOneIsSetAndRefusePost() throws Exception {
        String token = "s3cret-token-for-tests-0123456789";
        start(ConsoleOptions.defaults().withBind("0.0.0.0").withAccessToken(token), healthySources());
        for (String path : new String[] {"/api/maintenance/health", "/maintenance/badge.svg", "/metrics"}) {
            assertThat(get(path, Map.of()).statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, Map.of("Authorization", "Bearer " + token)).statusCode()).as(path).isEqualTo(200);
            HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path))
                    .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + token).build();
            HttpResponse<String> refused = http.send(post, HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(path).isIn(403, 405);
        }
    }
}
