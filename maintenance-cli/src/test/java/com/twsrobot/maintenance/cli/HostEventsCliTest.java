package com.twsrobot.maintenance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import com.twsrobot.maintenance.testkit.TwsHostFake;
import com.twsrobot.maintenance.testkit.TwsHostFake.Refresh;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code events_service = host-http} end to end through the real CLI against the test kit's fake of
 * TWS Robot's API (the recorded exchanges): an apply records every provider of the host's refresh, a
 * dry run sends no POST to the API, and each fault gives its message and exit 1 with nothing written.
 */
class HostEventsCliTest {

    private final TempWorkspace ws = TempWorkspace.create();
    private TwsHostFake host;

    @AfterEach
    void cleanUp() {
        if (host != null) {
            host.close();
        }
        ws.close();
    }

    private Path config(String url, String password) throws Exception {
        Path secret = ws.root().resolve("host.password");
        Files.writeString(secret, password + "\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Path config = ws.root().resolve("maintenance.properties");
        Files.writeString(config, String.join("\n", "events_service = host-http", "host.url = " + url,
                "host.username = admin", "host.password_file = host.password", "provider_option.host.poll_millis = 20",
                "source_timeout_seconds = 30", ""));
        return config;
    }

    private CliRun cli(Path config, String... args) {
        List<String> all = new ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        return CliRun.in(ws, all.toArray(String[]::new));
    }

    private static JsonNode task(CliRun run) throws Exception {
        return ReportJson.mapper().readTree(run.out()).get("results").get(0);
    }

    @Test
    void anApplyRecordsEveryProviderOfTheHostsRefreshWithItsCounts() throws Exception {
        host = TwsHostFake.start(Refresh.FIRST, Refresh.EARNINGS_FAILS);
        Path config = config(host.url(), TwsHostFake.PASSWORD);
        Map<String, String> before = ws.dataFingerprint();

        CliRun apply = cli(config, "run", "--task", "market_events", "--apply", "--days", "28", "--json");

        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        JsonNode task = task(apply);
        assertThat(task.get("status").asText()).isEqualTo("success");
        assertThat(task.get("detail").get("mode").asText()).isEqualTo("refresh");
        assertThat(task.get("detail").get("sync_id").asText()).isEqualTo("host-2026-12-03T08:30:57.906490Z");
        JsonNode recorded = ReportJson.mapper().readTree(TwsHostFake.recorded(Refresh.FIRST.finalPoll(), "response").text())
                .get("last_sync_summary").get("provider_results");
        JsonNode providers = task.get("detail").get("providers");
        assertThat(providers).hasSize(9);
        for (int i = 0; i < 9; i++) {
            for (String field : List.of("provider", "event_type", "status", "fetched_count", "upserted_count", "stale_count",
                    "error_count")) {
                assertThat(providers.get(i).get(field).asText()).as(i + " " + field).isEqualTo(recorded.get(i).get(field).asText());
            }
            assertThat(providers.get(i).get("started_at").asText()).isEqualTo(recorded.get(i).get("started_at").asText() + "Z");
        }
        assertThat(task.get("detail").get("totals").get("fetched_count").asInt()).isEqualTo(10);
        assertThat(ws.dataFingerprint()).as("nothing is written locally but the report").isEqualTo(before);
        String markdown = Files.readString(ws.reportsDir().resolve(ReportJson.mapper().readTree(apply.out())
                .get("report_id").asText() + ".md"));
        assertThat(markdown).contains("news-catalyst").contains("macro-calendar").contains("federalreserve.gov");

        // A second apply: the host's failing provider is the report's error, and the run exits 1.
        CliRun second = cli(config, "run", "--task", "market_events", "--apply", "--days", "28");
        assertThat(second.exitCode()).as(second.out() + second.err()).isEqualTo(1);
        assertThat(second.out()).contains("events: 9 fetched")
                .contains("error: yfinance failed: fake yfinance outage: HTTP 503 for AAPL calendar");

        CliRun log = cli(config, "events", "sync-log", "--limit", "20");
        assertThat(log.exitCode()).as(log.err()).isZero();
        assertThat(log.out().lines().filter(l -> l.contains("yfinance"))).hasSize(4);
        assertThat(log.out()).contains("fake yfinance outage: HTTP 503 for AAPL calendar").contains("news-catalyst");
    }

    @Test
    void aDryRunSendsNoPostToTheApiAndSaysTheHostHasNoPreview() throws Exception {
        host = TwsHostFake.start(Refresh.FIRST);
        Path config = config(host.url(), TwsHostFake.PASSWORD);

        CliRun preview = cli(config, "run", "--task", "market_events", "--days", "28", "--json");

        assertThat(preview.exitCode()).as(preview.out() + preview.err()).isZero();
        assertThat(host.count("POST", "/api/")).isZero();
        assertThat(host.requests()).extracting(TwsHostFake.Request::line)
                .contains("GET /api/market-events/upcoming?days=28");
        JsonNode task = task(preview);
        assertThat(task.get("detail").get("mode").asText()).isEqualTo("preview");
        assertThat(task.get("warnings").toString()).contains("the host offers no preview")
                .contains("the host lists 9 upcoming event(s)").contains("the host has no last sync summary");
    }

    @Test
    void wrongCredentialsFailWithTheirMessage() throws Exception {
        host = TwsHostFake.start(Refresh.FIRST);
        assertFault(config(host.url(), "wrong-password"), "the host refused the login for user admin");
    }

    @Test
    void aCsrfRefusalFailsWithItsMessage() throws Exception {
        host = TwsHostFake.start(Refresh.FIRST).refuseCsrf();
        assertFault(config(host.url(), TwsHostFake.PASSWORD), "the host refused the CSRF token of POST "
                + "/api/market-events/refresh?days=28 (HTTP 400: The CSRF token is invalid.)");
    }

    @Test
    void aHostThatIsDownFailsWithItsMessage() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertFault(config("http://127.0.0.1:" + port, TwsHostFake.PASSWORD), "cannot reach the host at http://127.0.0.1:"
                + port);
    }

    @Test
    void htmlWhereJsonWasExpectedFailsWithItsMessage() throws Exception {
        host = TwsHostFake.start(Refresh.FIRST).answerHtmlForApi();
        assertFault(config(host.url(), TwsHostFake.PASSWORD), "the host answered text/html where JSON was expected");
    }

    @Test
    void aSessionThatKeepsExpiringFailsAfterOneMoreLogin() throws Exception {
        host = TwsHostFake.start(Refresh.FIRST).expireSessions(Integer.MAX_VALUE);
        assertFault(config(host.url(), TwsHostFake.PASSWORD), "again right after logging in once more as admin");
        assertThat(host.count("POST", "/auth/login")).isEqualTo(2);
    }

    @Test
    void aWorldReadablePasswordFileIsRefused() throws Exception {
        host = TwsHostFake.start(Refresh.FIRST);
        Path config = config(host.url(), TwsHostFake.PASSWORD);
        Files.setPosixFilePermissions(ws.root().resolve("host.password"), PosixFilePermissions.fromString("rw-r--r--"));
        assertFault(config, "can be read by every user (mode rw-r--r--); make it readable by its owner only: chmod 600");
        assertThat(host.requests()).isEmpty();
    }

    @Test
    void anIncompleteHostConfigIsRefusedNamingTheMissingKeys() throws Exception {
        Path config = ws.root().resolve("incomplete.properties");
        Files.writeString(config, "events_service = host-http\nhost.url = http://127.0.0.1:5000\n");
        CliRun run = cli(config, "run", "--task", "market_events");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("events_service = host-http needs host.username, host.password_file");

        Files.writeString(config, "host.url = http://127.0.0.1:5000\n");
        CliRun without = cli(config, "run", "--task", "market_events");
        assertThat(without.exitCode()).isNotZero();
        assertThat(without.err()).contains("host.url, host.username and host.password_file need events_service = host-http");
    }

    private void assertFault(Path config, String message) {
        Map<String, String> before = ws.dataFingerprint();
        CliRun run = cli(config, "run", "--task", "market_events", "--apply", "--days", "28");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out().lines().filter(l -> l.startsWith("    error: ") && l.contains(message))).as(run.out())
                .hasSize(1);
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(ws.dataFingerprint()).isEqualTo(before);
        if (host != null) {
            assertThat(host.count("POST", "/api/market-events/refresh")).as("no refresh was accepted")
                    .isLessThanOrEqualTo(message.contains("CSRF") ? 1 : 0);
        }
    }
}
