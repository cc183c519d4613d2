package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.SourceContext;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.SourceResult;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.MarketEventsService;
import com.twsrobot.maintenance.api.events.ProviderResult;
import com.twsrobot.maintenance.api.events.SyncSummary;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.MaintenanceRunnerBuilder;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every route over real HTTP on loopback, with the protections. */
class ConsoleApiTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final MutableClock clock = MutableClock.at("2026-06-24T00:15:00Z");
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

    private MaintenanceRunner runner(ConstituentSource... sources) {
        // Synthetic rows replace the real members wholesale; churn has its own tests (ChurnValidatorTest).
        MaintenanceRunnerBuilder b = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).progressListener(m -> { }).discover(false).indexes(BuiltIns.SPECS);
        for (ConstituentSource s : sources) {
            b.source(s);
        }
        return b.build();
    }

    private void start(MaintenanceRunner runner, ConsoleOptions options) throws Exception {
        console = MaintenanceConsole.start(runner, options.withPort(0));
        HttpResponse<String> page = get("/maintenance", Map.of());
        Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page.body());
        csrf = m.find() ? m.group(1) : null;
    }

    private void start() throws Exception {
        start(runner(FakeSource.returning("sp500", Rows.usTickers(500)), FakeSource.returning("sti", Rows.sgxCodes(30)),
                FakeSource.returning("hsi", Rows.hkexCodes(85))), ConsoleOptions.defaults());
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

    private HttpResponse<String> postOk(String path, String body) throws Exception {
        return post(path, body, Map.of("X-CSRF-Token", csrf, "Origin", origin()));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return ReportJson.mapper().readTree(response.body());
    }

    @Test
    void dashboardCarriesACsrfTokenAndStrictHeaders() throws Exception {
        start();
        HttpResponse<String> page = get("/maintenance", Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(csrf).hasSizeGreaterThan(30);
        assertThat(page.body()).contains("Dry Run All", "Dry Run Constituents", "Apply Constituents Refresh",
                "Refresh Market Events", "Validate Metadata Only", "View Latest Report");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> v.contains("default-src 'self'"));
        assertThat(get("/maintenance/app.js", Map.of()).body()).contains("X-CSRF-Token");
        assertThat(get("/maintenance/app.css", Map.of()).statusCode()).isEqualTo(200);
        assertThat(get("/", Map.of()).statusCode()).isEqualTo(303);
    }

    @Test
    void aScheduledDryRunIsTheConsolesOneRunAndItsReportSaysScheduleWhileTheStatusShowsTheNextSlot() throws Exception {
        start();
        assertThat(json(get("/api/maintenance/status", Map.of())).get("schedule").isNull()).isTrue();
        var schedule = console.startSchedule(new com.twsrobot.maintenance.core.schedule.ScheduleSettings(
                com.twsrobot.maintenance.core.schedule.Schedule.parse("off-peak after 00:10 UTC").orElseThrow(), false,
                java.util.List.of("sti_constituents")));
        // The schedule's first look at the clock (on its own thread) records where it begins.
        long bound = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // a bound, not a timing: a busy machine is slow
        while (schedule.lastRun().isEmpty() && System.nanoTime() < bound) {
            Thread.sleep(10);
        }
        assertThat(schedule.lastRun()).hasValue(java.time.Instant.parse("2026-06-24T00:10:00Z"));
        JsonNode status = json(get("/api/maintenance/status", Map.of()));
        assertThat(status.get("schedule").get("dry_run").asText()).isEqualTo("off-peak after 00:10 UTC");
        assertThat(status.get("schedule").get("apply").asText()).isEqualTo("never");
        assertThat(status.get("schedule").get("next_due").asText()).isEqualTo("2026-06-25T00:10:00Z");
        assertThatThrownBy(() -> console.startSchedule(schedule.settings())).isInstanceOf(IllegalStateException.class);

        var before = ws.dataFingerprint();
        clock.set(java.time.Instant.parse("2026-06-25T00:10:05Z"));
        var outcome = schedule.runDue().orElseThrow();
        String id = outcome.dryRun().orElseThrow().reportId();
        JsonNode report = json(get("/api/maintenance/reports/" + id, Map.of()));
        assertThat(report.get("detail").get("trigger").asText()).isEqualTo("schedule");
        assertThat(report.get("dry_run").asBoolean()).isTrue();
        assertThat(ws.dataFingerprint()).isEqualTo(before);
        // A manual run's report says so too.
        JsonNode manual = json(postOk("/api/maintenance/run", "{\"tasks\": [\"sti_constituents\"]}"));
        assertThat(manual.get("detail").get("trigger").asText()).isEqualTo("manual");
    }

    @Test
    void statusShowsEachIndexTheLatestReportAndMarketEvents() throws Exception {
        start();
        JsonNode status = json(get("/api/maintenance/status", Map.of()));
        assertThat(status.get("constituents")).extracting(n -> n.get("row_count").asInt()).containsExactly(503, 30, 85);
        assertThat(status.get("constituents").get(0).get("source").asText()).isEqualTo("fake://sp500");
        assertThat(status.get("constituents").get(0).get("validation").get("status").asText()).isEqualTo("passed");
        assertThat(status.get("latest_report").isNull()).isTrue();
        assertThat(status.has("market_events")).isTrue();
        assertThat(status.get("run_in_progress").isNull()).isTrue();
        assertThat(status.get("market_open")).isEmpty();

        clock.set(java.time.Instant.parse("2026-11-24T15:00:00Z"));
        assertThat(json(get("/api/maintenance/status", Map.of())).get("market_open").toString())
                .contains("NYSE appears open (closes 16:00 America/New_York)");
    }

    @Test
    void runIsADryRunUnlessToldOtherwiseAndReportsAreListedAndReadable() throws Exception {
        start();
        var before = ws.dataFingerprint();
        HttpResponse<String> response = postOk("/api/maintenance/run", "{\"tasks\": [\"constituents\"]}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = json(response);
        assertThat(report.get("dry_run").asBoolean()).isTrue();
        assertThat(report.get("results")).hasSize(3);
        assertThat(ws.dataFingerprint()).isEqualTo(before);
        String id = report.get("report_id").asText();

        JsonNode list = json(get("/api/maintenance/reports?limit=5", Map.of()));
        assertThat(list.get(0).get("report_id").asText()).isEqualTo(id);
        assertThat(json(get("/api/maintenance/reports/" + id, Map.of())).get("results")).hasSize(3);
        HttpResponse<String> md = get("/api/maintenance/reports/" + id + "?format=markdown", Map.of());
        assertThat(md.headers().firstValue("Content-Type")).hasValueSatisfying(v -> v.startsWith("text/markdown"));
        assertThat(md.body()).startsWith("# Maintenance report " + id);
        assertThat(json(get("/api/maintenance/status", Map.of())).get("latest_report").get("report_id").asText()).isEqualTo(id);
    }

    @Test
    void applyThePlanThePageShowedThenRollBack() throws Exception {
        start();
        JsonNode preview = json(postOk("/api/maintenance/run", "{\"tasks\": [\"sti_constituents\"]}"));
        String planId = preview.get("report_id").asText();
        JsonNode applied = json(postOk("/api/maintenance/run", "{\"dry_run\": false, \"plan_id\": \"" + planId + "\"}"));
        assertThat(applied.get("status").asText()).isIn("success", "warning");
        assertThat(applied.get("results").get(0).get("detail").get("plan_id").asText()).isEqualTo(planId);

        JsonNode backups = json(get("/api/maintenance/backups?task=sti_constituents", Map.of()));
        assertThat(backups).hasSize(1);
        // The backup holds the file the apply replaced (the workspace's 30 STI rows), and names that apply.
        assertThat(backups.get(0).get("row_count").asInt()).isEqualTo(30);
        assertThat(backups.get(0).get("report_id").asText()).isEqualTo(applied.get("report_id").asText());
        String backupId = backups.get(0).get("backup_id").asText();
        var afterApply = ws.dataFingerprint();
        // Compare that backup with the file now: what the apply changed.
        JsonNode compared = json(get("/api/maintenance/backups/compare?task=sti_constituents&from=" + backupId, Map.of()));
        assertThat(compared.get("to").asText()).isEqualTo("current");
        assertThat(compared.get("added").size() + compared.get("removed").size()).isPositive();
        assertThat(json(get("/api/maintenance/backups/compare?task=sti_constituents&from=" + backupId + "&to=" + backupId,
                Map.of())).get("added")).isEmpty();
        assertThat(get("/api/maintenance/backups/compare?task=sti_constituents&from=19990101_000000", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/maintenance/backups/compare?task=sti_constituents&from=x", Map.of()).statusCode()).isEqualTo(400);
        assertThat(get("/api/maintenance/backups/compare?task=nope&from=" + backupId, Map.of()).statusCode()).isEqualTo(404);
        // First the preview (the default): what the restore would change and whether a market is open.
        clock.set(java.time.Instant.parse("2026-11-24T15:00:00Z"));
        JsonNode restorePreview = json(postOk("/api/maintenance/rollback", "{\"task\": \"sti_constituents\", \"backup_id\": \""
                + backupId + "\"}"));
        assertThat(restorePreview.get("dry_run").asBoolean()).isTrue();
        assertThat(restorePreview.get("results").get(0).get("added").size() + restorePreview.get("results").get(0).get("removed").size())
                .isPositive();
        assertThat(restorePreview.get("market_open").toString()).contains("NYSE appears open");
        assertThat(ws.dataFingerprint()).isEqualTo(afterApply);
        // What the latest-report card and the history table show: a rollback preview, from the run's mode.
        String previewTitle = "rollback preview of backup " + backupId;
        JsonNode card = json(get("/api/maintenance/status", Map.of())).get("latest_report");
        assertThat(card.get("report_id").asText()).isEqualTo(restorePreview.get("report_id").asText());
        assertThat(card.get("mode").asText()).isEqualTo(restorePreview.get("detail").get("mode").asText())
                .isEqualTo("dry run of ROLLBACK to backup " + backupId);
        assertThat(card.get("mode_title").asText()).isEqualTo(previewTitle);
        JsonNode rows = json(get("/api/maintenance/reports?limit=3", Map.of()));
        assertThat(rows.get(0).get("mode_title").asText()).isEqualTo(previewTitle);
        assertThat(rows.get(1).get("mode_title").asText()).isEqualTo("apply of plan " + planId);
        assertThat(rows.get(2).get("mode_title").asText()).isEqualTo("dry run");
        assertThat(postOk("/api/maintenance/rollback", "{\"task\": \"sti_constituents\", \"dry_run\": \"no\"}")
                .body()).contains("dry_run must be true or false");

        HttpResponse<String> rolledBack = postOk("/api/maintenance/rollback", "{\"task\": \"sti_constituents\", \"backup_id\": \""
                + backupId + "\", \"dry_run\": false}");
        assertThat(rolledBack.statusCode()).isEqualTo(200);
        assertThat(json(rolledBack).get("results").get(0).get("detail").get("restored_backup").asText())
                .isEqualTo(backups.get(0).get("backup_id").asText());
        assertThat(json(get("/api/maintenance/reports?limit=1", Map.of())).get(0).get("mode_title").asText())
                .isEqualTo("rollback to backup " + backupId);
    }

    @Test
    void postsWithoutTheRightCsrfTokenOrOriginAreRefusedAndNothingRuns() throws Exception {
        start();
        String body = "{\"tasks\": [\"constituents\"], \"dry_run\": false}";
        var before = ws.fingerprint();
        assertThat(post("/api/maintenance/run", body, Map.of("Origin", origin())).statusCode()).isEqualTo(403);
        assertThat(post("/api/maintenance/run", body, Map.of("Origin", origin(), "X-CSRF-Token", "wrong"))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> evil = post("/api/maintenance/run", body, Map.of("Origin", "http://evil.example",
                "X-CSRF-Token", csrf));
        assertThat(evil.statusCode()).isEqualTo(403);
        assertThat(json(evil).get("error").asText()).contains("Origin http://evil.example is not this console");
        assertThat(post("/api/maintenance/run", body, Map.of("X-CSRF-Token", csrf)).statusCode()).isEqualTo(403);
        assertThat(post("/api/maintenance/run", body, Map.of("X-CSRF-Token", csrf, "Referer", "http://evil.example/x"))
                .statusCode()).isEqualTo(403);
        assertThat(post("/api/maintenance/run", body, Map.of("X-CSRF-Token", csrf, "Origin", origin(),
                "Sec-Fetch-Site", "cross-site")).statusCode()).isEqualTo(403);
        assertThat(ws.fingerprint()).isEqualTo(before);
        assertThat(post("/api/maintenance/run", "{}", Map.of("X-CSRF-Token", csrf, "Referer", origin() + "/maintenance"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aForeignHostHeaderIsRefused() throws Exception {
        start();
        try (Socket socket = new Socket("127.0.0.1", console.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/maintenance/status HTTP/1.1\r\nHost: rebound.example:" + console.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream())).readLine();
            assertThat(statusLine).contains("403");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"tasks\": [\"nope\"]}", "{not json", "{\"tasks\": \"sp500_constituents\"}",
            "{\"dry_run\": \"false\"}", "{\"days_ahead\": 0}", "{\"days_ahead\": 91}", "{\"days_ahead\": 1.5}",
            "{\"colour\": \"blue\"}", "[1, 2]", "{\"plan_id\": \"maintenance_20260624_001500\"}",
            "{\"tasks\": [\"\"]}"})
    void badRunRequestsGet400WithAMessage(String body) throws Exception {
        start();
        HttpResponse<String> response = postOk("/api/maintenance/run", body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownTaskMessageListsTheKnownTasksAndOversizedBodiesAreRefused() throws Exception {
        start();
        assertThat(json(postOk("/api/maintenance/run", "{\"tasks\": [\"nope\"]}")).get("error").asText())
                .contains("unknown task 'nope'", "sp500_constituents", "metadata_validation");
        HttpResponse<String> big = postOk("/api/maintenance/run", "{\"tasks\": [\"" + "x".repeat(70_000) + "\"]}");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(json(big).get("error").asText()).contains("larger than 65536 bytes");
    }

    /** The market-events task's options for a run without that task are refused, not ignored (as the CLI does). */
    @Test
    void eventOptionsForARunWithoutTheMarketEventsTaskAreRefusedNamingThem() throws Exception {
        start();
        var before = ws.dataFingerprint();
        HttpResponse<String> one = postOk("/api/maintenance/run", "{\"tasks\": [\"hsi_constituents\"], \"event_symbols\": [\"AAPL\"]}");
        assertThat(one.statusCode()).as(one.body()).isEqualTo(400);
        assertThat(json(one).get("error").asText()).isEqualTo("event_symbols is an option of the market_events task, "
                + "which this run does not include (it runs hsi_constituents); add \"market_events\" to tasks or leave it out");
        HttpResponse<String> both = postOk("/api/maintenance/run", "{\"days_ahead\": 14, \"event_symbols\": [\"AAPL\"], \"dry_run\": false}");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(json(both).get("error").asText()).startsWith("event_symbols and days_ahead are options of the market_events task")
                .contains("sp500_constituents").endsWith("leave them out");
        assertThat(ws.dataFingerprint()).isEqualTo(before);
        assertThat(json(get("/api/maintenance/reports?limit=5", Map.of())).size()).isZero(); // nothing ran

        HttpResponse<String> none = postOk("/api/maintenance/run", "{\"tasks\": [\"hsi_constituents\"], \"event_symbols\": []}");
        assertThat(none.statusCode()).as(none.body()).isEqualTo(200); // an empty list asks for nothing
    }

    /** Every POST route refuses what it does not understand, and nothing runs: the files stay byte for byte. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "/api/maintenance/run|{\"tasks\": [\"hsi_constituents\"], \"dryrun\": false}|unknown field 'dryrun'",
            "/api/maintenance/run|{\"tasks\": [\"hsi_constituents\"], \"tasks\": [\"sti_constituents\"]}|Duplicate field 'tasks'",
            "/api/maintenance/run|{\"tasks\": [\"hsi_constituents\"]} {\"dry_run\": false}|malformed JSON",
            "/api/maintenance/run|{\"tasks\": [\"hsi_constituents\"]}garbage|malformed JSON",
            "/api/maintenance/rollback|{\"task\": \"hsi_constituents\", \"backup\": \"20260624_001500\"}|unknown field 'backup'",
            "/api/maintenance/rollback|{\"task\": \"hsi_constituents\", \"task\": \"sti_constituents\"}|Duplicate field 'task'",
            "/api/maintenance/rollback|{\"task\": \"hsi_constituents\"} x|malformed JSON",
            "/api/maintenance/rollback|{\"task\": \"hsi_constituents\", \"backup_id\": 20260624}|backup_id must be a string",
            "/api/market-events/refresh|{\"symbols\": [\"AAPL\"], \"symbol\": \"MSFT\"}|unknown field 'symbol'",
            "/api/market-events/refresh|{\"days_ahead\": 5, \"days_ahead\": 6}|Duplicate field 'days_ahead'",
            "/api/market-events/refresh|{\"days_ahead\": 5}}|malformed JSON"})
    void malformedBodiesToEveryPostRouteGet400AndChangeNothing(String path, String body, String message) throws Exception {
        start();
        assertThat(postOk("/api/maintenance/run", "{\"tasks\": [\"hsi_constituents\"], \"dry_run\": false}")
                .statusCode()).isEqualTo(200); // a backup exists, so a misread rollback would have something to do
        Map<String, String> before = ws.fingerprint();
        HttpResponse<String> response = postOk(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains(message);
        assertThat(response.body()).doesNotContain("\tat ");
        assertThat(ws.fingerprint()).isEqualTo(before);
    }

    @Test
    void aTenMegabyteBodyGets413AndNothingRuns() throws Exception {
        start();
        Map<String, String> before = ws.fingerprint();
        for (String path : new String[]{"/api/maintenance/run", "/api/maintenance/rollback", "/api/market-events/refresh"}) {
            HttpResponse<String> response = postOk(path, "{\"tasks\": [\"" + "x".repeat(10 * 1024 * 1024) + "\"]}");
            assertThat(response.statusCode()).isEqualTo(413);
        }
        assertThat(ws.fingerprint()).isEqualTo(before);
    }

    @Test
    void statusAnswersWhile64HalfOpenConnectionsAreHeld() throws Exception {
        start();
        java.util.List<Socket> halfOpen = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                Socket s = new Socket("127.0.0.1", console.port());
                s.getOutputStream().write(("POST /api/maintenance/run HTTP/1.1\r\nHost: 127.0.0.1:" + console.port()
                        + "\r\nContent-Le").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                halfOpen.add(s);
            }
            Thread.sleep(300); // give the server a chance to pick them all up (not a timing the test depends on)
            // The status answers while they are held, well before their 10 s read timeout would free the workers;
            // 10 s is five times the 2 s an idle machine needs at most (it takes milliseconds).
            HttpResponse<String> status = http.sendAsync(HttpRequest.newBuilder(URI.create(origin()
                            + "/api/maintenance/status")).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .get(10, TimeUnit.SECONDS);
            assertThat(status.statusCode()).isEqualTo(200);
        } finally {
            for (Socket s : halfOpen) {
                s.close();
            }
        }
    }

    @Test
    void tooManyRequestsUnderWayFromOneClientGet429() throws Exception {
        start(runner(FakeSource.returning("hsi", Rows.hkexCodes(85))), ConsoleOptions.defaults().withMaxRequestsPerClient(2));
        // Two bodies that are still being sent hold two requests of this client in the handler.
        java.util.List<Socket> uploading = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Socket s = new Socket("127.0.0.1", console.port());
                s.getOutputStream().write(("POST /api/maintenance/run HTTP/1.1\r\nHost: 127.0.0.1:" + console.port()
                        + "\r\nOrigin: " + origin() + "\r\nX-CSRF-Token: " + csrf
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                uploading.add(s);
            }
            awaitUnderWay(ADDRESS_API, 2);
            assertThat(get("/api/maintenance/status", Map.of()).statusCode()).isEqualTo(429);
            // The cap is per client: a browser session, and the page itself, have shares of their own.
            String session = sessionCookie();
            assertThat(get("/api/maintenance/status", Map.of("Cookie", session)).statusCode()).isEqualTo(200);
            assertThat(get("/maintenance", Map.of()).statusCode()).isEqualTo(200);
        } finally {
            for (Socket s : uploading) {
                s.close();
            }
        }
        awaitUnderWay(ADDRESS_API, 0);
        assertThat(get("/api/maintenance/status", Map.of()).statusCode()).isEqualTo(200);
    }

    private static final String ADDRESS_API = "address:127.0.0.1:api";

    /** Waits (bounded) until the server counts {@code n} requests of {@code client} under way. */
    private void awaitUnderWay(String client, int n) throws InterruptedException {
        long bound = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (console.routes().limit().underWay(client) != n && System.nanoTime() < bound) {
            Thread.sleep(5);
        }
        assertThat(console.routes().limit().underWay(client)).as("requests of " + client + " under way").isEqualTo(n);
    }

    /** The session cookie the dashboard's page sets, as a browser sends it back. */
    private String sessionCookie() throws Exception {
        HttpResponse<String> page = get("/maintenance", Map.of());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(cookie).startsWith(ConsoleSecurity.SESSION_COOKIE + "=");
        return cookie;
    }

    /**
     * A local script floods /metrics over 64 connections while every scrape it started is held inside the
     * host's market-events log (a gate), so its address's share of the cap is full for the whole test — no
     * race with how fast a scrape is. The overflow gets 429s; yet the dashboard's status GETs, with the
     * page's session, all answer 200, as do the page and a status GET without a session (other kinds of
     * route than the flood's); a further /metrics from the flood's address is still refused.
     */
    @Test
    void whileSixtyFourConnectionsFloodMetricsTheDashboardsStatusAnswers200() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HeldScrapes events = new HeldScrapes(release);
        MaintenanceRunner runner = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir())
                .reportsDir(ws.reportsDir()).clock(clock).progressListener(m -> { }).discover(false)
                .indexes(BuiltIns.SPECS).marketEventsService(events).build();
        start(runner, ConsoleOptions.defaults());
        String session = sessionCookie();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService flood = java.util.concurrent.Executors.newFixedThreadPool(64);
        try {
            for (int c = 0; c < 64; c++) {
                flood.submit(() -> {
                    try (Socket socket = new Socket("127.0.0.1", console.port())) {
                        socket.setSoTimeout(60_000);
                        OutputStream out = socket.getOutputStream();
                        out.write(("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1:" + console.port() + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        if (readResponse(new java.io.BufferedInputStream(socket.getInputStream())) == 429) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            awaitUnderWay(ADDRESS_PROBE, 16); // the flood's share is full
            long bound = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (events.held.get() < 16 && System.nanoTime() < bound) { // and all 16 are held at the gate
                Thread.sleep(5);
            }
            assertThat(events.held.get()).as("scrapes held at the gate").isEqualTo(16);
            bound = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (refused.get() < 64 - 16 && System.nanoTime() < bound) {
                Thread.sleep(5);
            }
            assertThat(refused.get()).as("the flood's overflow refused with 429").isEqualTo(64 - 16);
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> status = get("/api/maintenance/status", Map.of("Cookie", session));
                assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
            }
            assertThat(get("/maintenance", Map.of()).statusCode()).isEqualTo(200);
            assertThat(get("/api/maintenance/status", Map.of()).statusCode()).isEqualTo(200);
            assertThat(get("/metrics", Map.of()).statusCode()).as("the flood's share is still full").isEqualTo(429);
            assertThat(console.routes().limit().underWay(ADDRESS_PROBE)).isEqualTo(16);
        } finally {
            release.countDown();
            flood.shutdown();
            assertThat(flood.awaitTermination(60, TimeUnit.SECONDS)).as("the flood's threads ended").isTrue();
        }
        assertThat(events.held.get()).as("scrapes held at the gate").isEqualTo(16);
    }

    private static final String ADDRESS_PROBE = "address:127.0.0.1:probe";

    /** A market-events log whose first 16 reads wait for {@code release} (bounded); later reads answer at once. */
    private static final class HeldScrapes extends ReadOnlyEvents {
        final CountDownLatch release;
        final java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();

        HeldScrapes(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public List<ProviderResult> syncLog(int limit) {
            if (held.incrementAndGet() <= 16) {
                try {
                    release.await(90, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                held.decrementAndGet();
            }
            return List.of();
        }

    }

    /** Reads one HTTP/1.1 response with a Content-Length (or none) and returns its status code. */
    private static int readResponse(java.io.InputStream in) throws java.io.IOException {
        String statusLine = line(in);
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        if (in.readNBytes(length).length != length) {
            throw new java.io.EOFException("short body");
        }
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    private static String line(java.io.InputStream in) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new java.io.EOFException("connection closed");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/maintenance/reports/maintenance_19990101_000000", "/api/maintenance/reports/..",
            "/api/maintenance/reports/..%2f..%2fetc%2fpasswd", "/api/maintenance/reports/%2e%2e",
            "/api/maintenance/reports/x%2Fy", "/api/maintenance/reports/maintenance_20260624_001500.json",
            "/api/maintenance//status", "/nope", "/api/maintenance/reports/a\\b"})
    void unknownReportsAndPathTrickeryGet404(String path) throws Exception {
        start();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(origin() + path.replace("\\", "%5C")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void wrongMethodsGet405() throws Exception {
        start();
        assertThat(postOk("/api/maintenance/status", "{}").statusCode()).isEqualTo(405);
        assertThat(get("/api/maintenance/run", Map.of()).statusCode()).isEqualTo(405);
    }

    @Test
    void badQueryValuesGet400() throws Exception {
        start();
        assertThat(get("/api/maintenance/reports?limit=0", Map.of()).statusCode()).isEqualTo(400);
        assertThat(get("/api/maintenance/reports?limit=abc", Map.of()).statusCode()).isEqualTo(400);
        assertThat(get("/api/maintenance/backups?task=nope", Map.of()).statusCode()).isEqualTo(400);
        assertThat(postOk("/api/maintenance/rollback", "{\"task\": \"nope\"}").statusCode()).isEqualTo(400);
        assertThat(postOk("/api/maintenance/rollback", "{\"task\": \"hsi_constituents\", \"backup_id\": \"../x\"}")
                .statusCode()).isEqualTo(400);
    }

    /** Holds the run inside the source until released. */
    private static final class GateSource implements ConstituentSource {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

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
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeSource.returning("hsi", Rows.hkexCodes(85)).fetch(context);
        }
    }

    @Test
    void aSecondRunWhileOneIsUnderWayGets409NamingItAndProgressIsVisible() throws Exception {
        GateSource gate = new GateSource();
        start(runner(gate, FakeSource.returning("sti", Rows.sgxCodes(30))), ConsoleOptions.defaults());
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return postOk("/api/maintenance/run", "{\"tasks\": [\"hsi_constituents\"]}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(gate.entered.await(20, TimeUnit.SECONDS)).isTrue();

        JsonNode progress = json(get("/api/maintenance/runs/current", Map.of()));
        assertThat(progress.get("running").asBoolean()).isTrue();
        assertThat(progress.get("run").get("tasks").toString()).contains("hsi_constituents");
        assertThat(progress.get("run").get("progress").toString()).contains("hsi_constituents: fetching");

        HttpResponse<String> second = postOk("/api/maintenance/run", "{\"tasks\": [\"sti_constituents\"]}");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json(second).get("error").asText()).contains("in progress", "hsi_constituents");

        gate.release.countDown();
        assertThat(first.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(json(get("/api/maintenance/runs/current", Map.of())).get("running").asBoolean()).isFalse();
    }

    @Test
    void marketEventRoutesSayWhenNoServiceIsConfigured() throws Exception {
        start();
        assertThat(get("/api/market-events/sync-log", Map.of()).statusCode()).isEqualTo(501);
        assertThat(postOk("/api/market-events/refresh", "{}").statusCode()).isEqualTo(501);
        assertThat(post("/api/market-events/refresh", "{}", Map.of()).statusCode()).isEqualTo(403);
    }

    /** Stands in for the host's market-events service. */
    private static final class HostEventsService implements MarketEventsService {
        final java.util.List<EventsRequest> refreshed = new java.util.concurrent.CopyOnWriteArrayList<>();
        final ProviderResult row = new ProviderResult("0000000000001-000001-abcd", "host_feed", "EARNINGS", "success", 4,
                3, 1, 4, 0, 0, "", java.util.List.of(), java.time.Instant.parse("2026-06-24T00:14:00Z"),
                java.time.Instant.parse("2026-06-24T00:14:30Z"));

        @Override
        public SyncSummary refresh(EventsRequest request) {
            refreshed.add(request);
            return new SyncSummary(row.syncId(), "success", false, java.util.List.of(row));
        }

        @Override
        public SyncSummary preview(EventsRequest request) {
            return new SyncSummary(row.syncId(), "success", true, java.util.List.of(row));
        }

        @Override
        public java.util.List<ProviderResult> syncLog(int limit) {
            return refreshed.isEmpty() ? java.util.List.of() : java.util.List.of(row);
        }
    }

    @Test
    void theHostsEventEndpointsRunThroughItsOwnService() throws Exception {
        HostEventsService host = new HostEventsService();
        MaintenanceRunner runner = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).progressListener(m -> { }).discover(false).indexes(BuiltIns.SPECS).marketEventsService(host)
                .task(new com.twsrobot.maintenance.sources.events.MarketEventsTask()).build();
        start(runner, ConsoleOptions.defaults());
        assertThat(json(get("/api/maintenance/status", Map.of())).get("market_events").get("message").asText())
                .contains("no market-events sync yet");
        assertThat(json(get("/api/market-events/sync-log", Map.of()))).isEmpty();

        HttpResponse<String> refreshed = postOk("/api/market-events/refresh", "{\"symbols\": [\"aapl\"], \"days_ahead\": 14}");
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode result = json(refreshed).get("results").get(0);
        assertThat(result.get("task").asText()).isEqualTo("market_events");
        assertThat(result.get("dry_run").asBoolean()).isFalse();
        assertThat(host.refreshed).singleElement().satisfies(r -> {
            assertThat(r.symbols()).containsExactly("AAPL");
            assertThat(r.to()).isEqualTo(r.from().plusDays(14));
        });
        assertThat(json(get("/api/market-events/sync-log", Map.of())).get(0).get("provider").asText()).isEqualTo("host_feed");
        JsonNode events = json(get("/api/maintenance/status", Map.of())).get("market_events");
        assertThat(events.get("upserted_count").asInt()).isEqualTo(4);
        assertThat(events.get("last_sync_at").asText()).isEqualTo("2026-06-24T00:14:30Z");
        assertThat(postOk("/api/market-events/refresh", "{\"days_ahead\": 91}").statusCode()).isEqualTo(400);
        assertThat(postOk("/api/market-events/refresh", "{\"symbols\": \"AAPL\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void aNonLoopbackBindNeedsAnAccessTokenWhichEveryRequestMustCarry() throws Exception {
        MaintenanceRunner runner = runner(FakeSource.returning("sti", Rows.sgxCodes(30)));
        assertThatThrownBy(() -> MaintenanceConsole.start(runner, ConsoleOptions.defaults().withBind("0.0.0.0").withPort(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("access token");

        String token = "s3cret-token-for-tests-0123456789";
        console = MaintenanceConsole.start(runner, ConsoleOptions.defaults().withBind("0.0.0.0").withPort(0)
                .withAccessToken(token));
        assertThat(get("/api/maintenance/status", Map.of()).statusCode()).isEqualTo(401);
        assertThat(get("/maintenance", Map.of()).statusCode()).isEqualTo(401);
        assertThat(get("/api/maintenance/status", Map.of("Authorization", "Bearer wrong-token-0123456789")).statusCode())
                .isEqualTo(401);
        assertThat(get("/api/maintenance/status", Map.of("Authorization", "Bearer " + token)).statusCode()).isEqualTo(200);
        HttpResponse<String> login = get("/maintenance?token=" + token, Map.of());
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict");
        assertThat(get("/maintenance", Map.of("Cookie", cookie.split(";")[0])).statusCode()).isEqualTo(200);
        assertThat(get("/maintenance?token=wrong", Map.of()).statusCode()).isEqualTo(401);
    }
}
