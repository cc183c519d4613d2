package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.SourceContext;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.SourceResult;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A program drives the console with only an API token: no cookie, no CSRF token, no Origin. The body
 * rules, the one-run rule and the run lock are those of the page; the reports name the token's label.
 */
class ConsoleApiTokenTest {

    private static final String TOKEN = "flask-host-token-0123456789abcdef";
    private static final Map<String, String> BEARER = Map.of("Authorization", "Bearer " + TOKEN);

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final MutableClock clock = MutableClock.at("2026-06-24T00:15:00Z");
    private final HttpClient http = HttpClient.newHttpClient();
    private MaintenanceConsole console;

    @AfterEach
    void stop() {
        if (console != null) {
            console.close();
        }
        ws.close();
    }

    private MaintenanceRunner runner(ConstituentSource... sources) {
        MaintenanceRunnerBuilder b = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir())
                .reportsDir(ws.reportsDir()).clock(clock).progressListener(m -> { }).discover(false).indexes(BuiltIns.SPECS);
        for (ConstituentSource s : sources) {
            b.source(s);
        }
        return b.build();
    }

    private void start(ConstituentSource... sources) throws Exception {
        console = MaintenanceConsole.start(runner(sources), ConsoleOptions.defaults().withPort(0)
                .withApiTokens(ApiTokens.of(Map.of("flask-host", TOKEN))));
    }

    private String origin() {
        return "http://127.0.0.1:" + console.port();
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin() + path)).GET();
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return ReportJson.mapper().readTree(response.body());
    }

    private int reportCount() throws Exception {
        return json(get("/api/maintenance/reports?limit=500", BEARER)).size();
    }

    @Test
    void withOnlyABearerTokenADryRunThenAnApplyOfItsPlanAndTheReportsNameTheToken() throws Exception {
        start(FakeSource.returning("sti", Rows.sgxCodes(30)), FakeSource.returning("hsi", Rows.hkexCodes(85)));
        var before = ws.dataFingerprint();
        HttpResponse<String> dry = post("/api/maintenance/run", "{\"tasks\": [\"sti_constituents\"]}", BEARER);
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        assertThat(dry.headers().firstValue("Set-Cookie")).as("a program's share is its token, not a session").isEmpty();
        JsonNode preview = json(dry);
        assertThat(preview.get("dry_run").asBoolean()).isTrue();
        assertThat(preview.get("detail").get("trigger").asText()).isEqualTo("api:flask-host");
        assertThat(ws.dataFingerprint()).isEqualTo(before);
        String planId = preview.get("report_id").asText();
        // The report as the program fetches it to review.
        assertThat(json(get("/api/maintenance/reports/" + planId, BEARER)).get("report_id").asText()).isEqualTo(planId);

        HttpResponse<String> apply = post("/api/maintenance/run", "{\"dry_run\": false, \"plan_id\": \"" + planId + "\"}",
                BEARER);
        assertThat(apply.statusCode()).as(apply.body()).isEqualTo(200);
        JsonNode applied = json(apply);
        assertThat(applied.get("dry_run").asBoolean()).isFalse();
        assertThat(applied.get("status").asText()).isIn("success", "warning");
        assertThat(applied.get("results").get(0).get("detail").get("plan_id").asText()).isEqualTo(planId);
        assertThat(applied.get("detail").get("trigger").asText()).isEqualTo("api:flask-host");
        // Stored so: the audit is the report on disk, not only the answer.
        assertThat(json(get("/api/maintenance/reports/" + applied.get("report_id").asText(), Map.of()))
                .get("detail").get("trigger").asText()).isEqualTo("api:flask-host");
        assertThat(java.nio.file.Files.readString(ws.reportsDir().resolve(applied.get("report_id").asText() + ".md")))
                .contains("- Trigger: the console's API token flask-host");
        assertThat(ws.dataFingerprint()).isNotEqualTo(before);
    }

    @Test
    void theSamePostWithoutTheTokenOrWithAWrongOneIsRefusedAndRunsNothing() throws Exception {
        start(FakeSource.returning("sti", Rows.sgxCodes(30)));
        String body = "{\"tasks\": [\"sti_constituents\"], \"dry_run\": false}";
        // The data and the reports (by count) stay as they were; the report index beside them is a cache
        // that any read may bring up to date.
        var before = ws.dataFingerprint();
        int reports = reportCount();

        HttpResponse<String> none = post("/api/maintenance/run", body, Map.of());
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(json(none).get("error").asText()).contains("X-CSRF-Token", "Authorization: Bearer");
        HttpResponse<String> wrong = post("/api/maintenance/run", body, Map.of("Authorization", "Bearer " + TOKEN + "x"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).get("error").asText()).contains("not one of this console's API tokens");
        assertThat(post("/api/maintenance/run", body, Map.of("Authorization", "Basic " + TOKEN)).statusCode())
                .isEqualTo(403);
        assertThat(post("/api/maintenance/rollback", "{\"task\": \"sti_constituents\", \"dry_run\": false}", Map.of())
                .statusCode()).isEqualTo(403);

        assertThat(ws.dataFingerprint()).isEqualTo(before);
        assertThat(reportCount()).isEqualTo(reports);
        assertThat(console.routes().limit().underWay("token:flask-host")).isZero();
    }

    @Test
    void aBearerPostKeepsTheBodyRulesAndTheOneRunRule() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ConstituentSource gate = new ConstituentSource() {
            @Override
            public String index() {
                return "hsi";
            }

            @Override
            public String defaultUrl() {
                return "gate://hsi";
            }

            @Override
            public SourceResult fetch(SourceContext context) throws SourceException {
                entered.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return FakeSource.returning("hsi", Rows.hkexCodes(85)).fetch(context);
            }
        };
        start(gate, FakeSource.returning("sti", Rows.sgxCodes(30)));
        var before = ws.dataFingerprint();
        HttpResponse<String> unknown = post("/api/maintenance/run", "{\"tasks\": [\"sti_constituents\"], \"dryrun\": false}",
                BEARER);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("error").asText()).contains("unknown field 'dryrun'");
        assertThat(post("/api/maintenance/run", "{\"tasks\": [\"x" + "x".repeat(70_000) + "\"]}", BEARER).statusCode())
                .isEqualTo(413);
        assertThat(ws.dataFingerprint()).isEqualTo(before);

        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return post("/api/maintenance/run", "{\"tasks\": [\"hsi_constituents\"]}", BEARER);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
            JsonNode current = json(get("/api/maintenance/runs/current", BEARER));
            assertThat(current.get("run").get("label").asText()).isEqualTo("run by API token flask-host");
            // The progress label's mode, from the run's RunMode (a rollback preview would say so).
            assertThat(current.get("run").get("mode_title").asText()).isEqualTo("dry run");
            assertThat(current.get("run").get("mode").asText()).isEqualTo("dry run");
            HttpResponse<String> second = post("/api/maintenance/run", "{\"tasks\": [\"sti_constituents\"], \"dry_run\": false}",
                    BEARER);
            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(json(second).get("error").asText()).contains("run by API token flask-host (dry run) is in progress",
                    "hsi_constituents");
        } finally {
            release.countDown();
        }
        assertThat(first.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(ws.dataFingerprint()).isEqualTo(before);
    }

    @Test
    void offLoopbackAnApiTokenAloneGrantsAccessWhileTheAccessTokenStillNeedsTheCsrfToken() throws Exception {
        String access = "s3cret-access-token-0123456789";
        console = MaintenanceConsole.start(runner(FakeSource.returning("sti", Rows.sgxCodes(30))), ConsoleOptions.defaults()
                .withBind("0.0.0.0").withPort(0).withAccessToken(access).withApiTokens(ApiTokens.of(Map.of("flask-host", TOKEN))));
        assertThat(get("/api/maintenance/status", Map.of()).statusCode()).isEqualTo(401);
        assertThat(get("/api/maintenance/status", BEARER).statusCode()).isEqualTo(200);
        assertThat(post("/api/maintenance/run", "{\"tasks\": [\"sti_constituents\"]}", BEARER).statusCode()).isEqualTo(200);
        HttpResponse<String> accessOnly = post("/api/maintenance/run", "{\"tasks\": [\"sti_constituents\"]}",
                Map.of("Authorization", "Bearer " + access));
        assertThat(accessOnly.statusCode()).isEqualTo(403);
        assertThat(json(accessOnly).get("error").asText()).contains("X-CSRF-Token");
        HttpResponse<String> wrong = get("/api/maintenance/status", Map.of("Authorization", "Bearer nope-0123456789abcdef"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).get("error").asText()).contains("nor its access token");
    }

    @Test
    void theDashboardStillWorksBesideTheTokens() throws Exception {
        start(FakeSource.returning("sti", Rows.sgxCodes(30)));
        HttpResponse<String> page = get("/maintenance", Map.of());
        Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        HttpResponse<String> run = post("/api/maintenance/run", "{\"tasks\": [\"sti_constituents\"]}",
                Map.of("X-CSRF-Token", m.group(1), "Origin", origin()));
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(json(run).get("detail").get("trigger").asText()).isEqualTo("manual");
    }
}
