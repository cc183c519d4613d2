package com.twsrobot.maintenance.sources.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twsrobot.maintenance.api.HttpSettings;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.HostConnection;
import com.twsrobot.maintenance.api.events.ProviderResult;
import com.twsrobot.maintenance.api.events.SyncSummary;
import com.twsrobot.maintenance.testkit.TwsHostFake;
import com.twsrobot.maintenance.testkit.TwsHostFake.Refresh;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host's API as recorded from its own code (the test kit's {@link TwsHostFake} answers with the
 * recorded exchanges): login, a refresh followed to its summary, failing providers, two refreshes
 * back to back, logout, and the faults an operator meets, each with the report it gives.
 */
class HostMarketEventsServiceContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private TwsHostFake host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private Path passwordFile(String password) throws Exception {
        Path file = dir.resolve("host.password");
        Files.writeString(file, password + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private HostMarketEventsService service(String url, String password) throws Exception {
        return new HostMarketEventsService(new HostConnection(URI.create(url), TwsHostFake.USERNAME,
                passwordFile(password)), HttpSettings.DEFAULT, java.time.Clock.systemUTC());
    }

    private HostMarketEventsService service(Refresh... refreshes) throws Exception {
        host = TwsHostFake.start(refreshes);
        return service(host.url(), TwsHostFake.PASSWORD);
    }

    private static EventsRequest request(int days, Duration timeout) {
        LocalDate today = LocalDate.of(2026, 12, 3);
        return new EventsRequest(List.of(), today, today.plusDays(days), Instant.parse("2026-12-03T08:30:00Z"), Map.of(),
                false, timeout, Map.of(HostMarketEventsService.POLL_OPTION, "20"));
    }

    private static EventsRequest request(int days) {
        return request(days, Duration.ofSeconds(60));
    }

    /** The final summary's provider_results of a recorded poll, as the host sent them. */
    private static JsonNode recordedResults(Refresh refresh) throws Exception {
        return JSON.readTree(TwsHostFake.recorded(refresh.finalPoll(), "response").text())
                .get("last_sync_summary").get("provider_results");
    }

    private static Instant utc(JsonNode naive) {
        return LocalDateTime.parse(naive.asText()).toInstant(ZoneOffset.UTC);
    }

    private static void assertMatchesRecorded(List<ProviderResult> results, JsonNode recorded) {
        assertThat(results).hasSize(recorded.size());
        for (int i = 0; i < recorded.size(); i++) {
            JsonNode r = recorded.get(i);
            ProviderResult p = results.get(i);
            assertThat(p.provider()).isEqualTo(r.get("provider").asText());
            assertThat(p.eventType()).isEqualTo(r.get("event_type").asText());
            assertThat(p.status()).isEqualTo(r.get("status").asText());
            assertThat(p.fetchedCount()).isEqualTo(r.get("fetched_count").asInt());
            assertThat(p.upsertedCount()).isEqualTo(r.get("upserted_count").asInt());
            assertThat(p.staleCount()).isEqualTo(r.get("stale_count").asInt());
            assertThat(p.errorCount()).isEqualTo(r.get("error_count").asInt());
            assertThat(p.errorMessage()).isEqualTo(r.get("error_message").isNull() ? "" : r.get("error_message").asText());
            assertThat(p.startedAt()).isEqualTo(utc(r.get("started_at")));
            assertThat(p.finishedAt()).isEqualTo(utc(r.get("finished_at")));
        }
    }

    @Test
    void logsInAsTheHostsWebClientDoes() throws Exception {
        HostMarketEventsService service = service(Refresh.FIRST);
        assertThat(service.syncLog(20)).isEmpty(); // exchange 15: nothing synced yet

        List<TwsHostFake.Request> sent = host.requests();
        assertThat(sent).extracting(TwsHostFake.Request::line).containsExactly("GET /auth/login", "POST /auth/login",
                "GET /api/market-events/sync-log?limit=20");
        TwsHostFake.Recorded loginPage = TwsHostFake.recorded("01_get_auth_login", "response");
        TwsHostFake.Recorded recordedLogin = TwsHostFake.recorded("10_post_login_ok", "request");
        TwsHostFake.Recorded loggedIn = TwsHostFake.recorded("10_post_login_ok", "response");
        // The form exactly as the host's own page posts it, with the session cookie the login page set.
        assertThat(sent.get(1).body()).isEqualTo(recordedLogin.text());
        assertThat(sent.get(1).header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(sent.get(1).header("Cookie")).isEqualTo(loginPage.header("Set-Cookie").split(";")[0]);
        // Afterwards the new session cookie the login set.
        assertThat(sent.get(2).header("Cookie")).isEqualTo(loggedIn.header("Set-Cookie").split(";")[0]);
    }

    @Test
    void aRefreshIsFollowedToItsSummaryAndReportsEveryProviderAsTheHostDid() throws Exception {
        HostMarketEventsService service = service(Refresh.FIRST);
        SyncSummary summary = service.refresh(request(28));

        assertThat(summary.error()).isEmpty();
        assertThat(summary.status()).isEqualTo("success");
        assertThat(summary.preview()).isFalse();
        assertThat(summary.syncId()).isEqualTo("host-2026-12-03T08:30:57.906490Z");
        assertMatchesRecorded(summary.providers(), recordedResults(Refresh.FIRST));
        assertThat(summary.providers()).extracting(ProviderResult::provider).containsExactly("yfinance", "yfinance",
                "federalreserve.gov", "builtin-us-market-calendar", "sec-edgar", "macro-calendar",
                "congressional-trades", "company-events", "news-catalyst");
        assertThat(summary.fetchedCount()).isEqualTo(10);
        assertThat(summary.providers()).allSatisfy(p -> assertThat(p.syncId()).isEqualTo(summary.syncId()));

        TwsHostFake.Request post = host.requests().stream().filter(r -> r.method().equals("POST")
                && r.path().startsWith("/api/")).findFirst().orElseThrow();
        assertThat(post.path()).isEqualTo("/api/market-events/refresh?days=28");
        assertThat(post.header("X-CSRFToken")).isEqualTo(host.token());
        assertThat(post.body()).isEmpty();
        // The baseline before the POST, then one look per recorded poll until the summary changed.
        assertThat(host.count("GET", "/api/market-events/sync-log")).isEqualTo(11);
    }

    @Test
    void aFailingProviderIsReportedWithTheHostsMessageAndThePartialFailure() throws Exception {
        HostMarketEventsService service = service(Refresh.FIRST, Refresh.EARNINGS_FAILS, Refresh.SEC_FAILS);
        assertThat(service.refresh(request(28)).status()).isEqualTo("success");

        SyncSummary earnings = service.refresh(request(28));
        assertThat(earnings.status()).isEqualTo("partial_failure");
        assertMatchesRecorded(earnings.providers(), recordedResults(Refresh.EARNINGS_FAILS));
        assertThat(earnings.providers().get(0)).satisfies(p -> {
            assertThat(p.provider() + "/" + p.eventType()).isEqualTo("yfinance/EARNINGS");
            assertThat(p.status()).isEqualTo("failed");
            assertThat(p.errorCount()).isEqualTo(1);
            assertThat(p.errorMessage()).isEqualTo("fake yfinance outage: HTTP 503 for AAPL calendar");
            assertThat(p.warnings()).as("a failure is an error, not also a 0-fetched warning").isEmpty();
        });
        assertThat(earnings.errorCount()).isEqualTo(1);

        SyncSummary sec = service.refresh(request(28));
        assertThat(sec.status()).isEqualTo("partial_failure");
        assertMatchesRecorded(sec.providers(), recordedResults(Refresh.SEC_FAILS));
        assertThat(sec.providers()).filteredOn(p -> p.status().equals("failed")).singleElement()
                .satisfies(p -> assertThat(p.errorMessage()).isEqualTo("fake SEC EDGAR outage: 429 Too Many Requests"));
    }

    @Test
    void aRefreshTheHostDroppedWhileAnotherRanFailsNamingTheOneThatRan() throws Exception {
        HostMarketEventsService service = service(Refresh.BACK_TO_BACK);
        SyncSummary summary = service.refresh(request(7));

        assertThat(summary.status()).isEqualTo("failed");
        assertThat(summary.providers()).isEmpty();
        assertThat(summary.error()).contains("the host dropped this refresh (7 day(s) ahead)")
                .contains("already running one (28 day(s) ahead, started 2026-12-03T08:31:10.649224Z)")
                .contains("That refresh finished success for 28 day(s)")
                .contains("run the task again");
        assertThat(host.count("POST", "/api/market-events/refresh?days=7")).isEqualTo(1);
    }

    @Test
    void eachRunLogsOutAtTheEndAsTheWebClientDoes() throws Exception {
        HostMarketEventsService service = service(Refresh.FIRST);
        service.refresh(request(28));

        List<TwsHostFake.Request> sent = host.requests();
        TwsHostFake.Request last = sent.get(sent.size() - 1);
        assertThat(last.line()).isEqualTo("POST /auth/logout");
        assertThat(last.body()).isEqualTo(TwsHostFake.recorded("81_post_logout", "request").text());
        assertThat(host.loggedIn()).isFalse();
    }

    @Test
    void aSummaryThatNeverChangesFailsAtTheDeadlineSayingWhatTheLogLastShowed() throws Exception {
        HostMarketEventsService service = service(); // every refresh is dropped: the log never moves
        SyncSummary summary = service.refresh(request(28, Duration.ofSeconds(4)));

        assertThat(summary.status()).isEqualTo("failed");
        assertThat(summary.error()).contains("did not finish within the 4.0 s deadline")
                .contains("its last_sync_summary never changed after POST /api/market-events/refresh?days=28")
                .contains("The sync log last showed: no new provider rows since the request; last summary: none");
    }

    @Test
    void theSyncLogCanBeReadWhileARefreshIsFollowed() throws Exception {
        HostMarketEventsService service = service(Refresh.FIRST);
        service.refresh(request(28)); // the scripted refresh is used: the next one is dropped and waits
        Thread following = new Thread(() -> service.refresh(request(28, Duration.ofSeconds(6))),
                "following-a-dropped-refresh");
        following.start();
        long bound = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (host.count("POST", "/api/market-events/refresh") < 2 && System.nanoTime() < bound) {
            Thread.sleep(10);
        }
        assertThat(host.count("POST", "/api/market-events/refresh")).as("the second refresh was posted").isEqualTo(2);

        List<ProviderResult> log = service.syncLog(20);

        assertThat(following.isAlive()).as("the refresh is still being followed").isTrue();
        assertThat(log).hasSize(9);
        following.join(60_000);
        assertThat(following.isAlive()).isFalse();
    }

    @Test
    void aDryRunNeverPostsToTheApiAndShowsWhatTheHostHasNow() throws Exception {
        HostMarketEventsService service = service(Refresh.FIRST, Refresh.EARNINGS_FAILS);
        service.refresh(request(28));
        service.refresh(request(28));
        long postsBefore = host.count("POST", "/api/");

        SyncSummary preview = service.preview(request(28));

        assertThat(host.count("POST", "/api/")).isEqualTo(postsBefore);
        assertThat(host.requests()).extracting(TwsHostFake.Request::line).contains("GET /api/market-events/upcoming?days=28");
        assertThat(preview.preview()).isTrue();
        assertThat(preview.error()).isEmpty();
        assertThat(preview.providers()).isEmpty();
        assertThat(preview.notes()).hasSize(3);
        assertThat(preview.notes().get(0)).startsWith("the host offers no preview");
        assertThat(preview.notes().get(1)).startsWith("the host lists 9 upcoming event(s) in the next 28 day(s): ")
                .contains("FOMC 2026-12-16T19:00:00Z 14:00 ET").contains("EARNINGS AAPL 2026-12-10T21:00:00Z AMC");
        assertThat(preview.notes().get(2)).startsWith("the host's last refresh: partial_failure for 28 day(s)")
                .contains("yfinance/EARNINGS failed (0 fetched, 0 upserted, fake yfinance outage: HTTP 503 for AAPL calendar)");
    }

    @Test
    void theSyncLogIsGroupedIntoRefreshesAndReadInUtcNotTheHostsLocalCreatedAt() throws Exception {
        HostMarketEventsService service = service(Refresh.FIRST, Refresh.EARNINGS_FAILS);
        service.refresh(request(28));
        service.refresh(request(28));

        List<ProviderResult> log = service.syncLog(20);

        JsonNode rows = JSON.readTree(TwsHostFake.recorded(Refresh.EARNINGS_FAILS.finalPoll(), "response").text())
                .get("logs");
        assertThat(log).hasSize(18);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            // created_at is Singapore wall time (8 h ahead); the times reported are the UTC ones.
            assertThat(utc(row.get("created_at")).minus(Duration.ofHours(8))).isBetween(
                    log.get(i).finishedAt().minusSeconds(1), log.get(i).finishedAt().plusSeconds(1));
            assertThat(log.get(i).finishedAt()).isEqualTo(utc(row.get("sync_finished_at")));
        }
        assertThat(log.subList(0, 9)).extracting(ProviderResult::syncId).containsOnly("host-2026-12-03T08:31:02.499391Z");
        assertThat(log.subList(9, 18)).extracting(ProviderResult::syncId).containsOnly("host-2026-12-03T08:30:57.906490Z");
    }

    @Test
    void wrongCredentialsAreRefusedByName() throws Exception {
        host = TwsHostFake.start(Refresh.FIRST);
        SyncSummary summary = service(host.url(), "not-the-password").refresh(request(28));

        assertThat(summary.status()).isEqualTo("failed");
        assertThat(summary.error()).startsWith("the host refused the login for user admin")
                .contains("check host.username and the password in host.password_file");
        assertThat(host.count("POST", "/api/")).isZero();
    }

    @Test
    void aMalformedPollOptionFailsTheRefreshNamingItBeforeAnythingIsSent() throws Exception {
        HostMarketEventsService service = service(Refresh.FIRST);
        LocalDate today = LocalDate.of(2026, 12, 3);
        for (String bad : List.of("soon", "9", "600000")) {
            EventsRequest request = new EventsRequest(List.of(), today, today.plusDays(28),
                    Instant.parse("2026-12-03T08:30:00Z"), Map.of(), false, Duration.ofSeconds(60),
                    Map.of(HostMarketEventsService.POLL_OPTION, bad));
            SyncSummary summary = service.refresh(request);

            assertThat(summary.status()).isEqualTo("failed");
            assertThat(summary.error()).isEqualTo("provider_option.host.poll_millis must be a whole number of "
                    + "milliseconds from 10 to 60000, got '" + bad + "'; nothing was sent to the host");
        }
        assertThat(host.requests()).isEmpty();
    }

    @Test
    void aCsrfRefusalIsNamed() throws Exception {
        HostMarketEventsService service = service(Refresh.FIRST);
        host.refuseCsrf();
        SyncSummary summary = service.refresh(request(28));

        assertThat(summary.error()).startsWith("the host refused the CSRF token of POST /api/market-events/refresh?days=28 "
                + "(HTTP 400: The CSRF token is invalid.)");
        assertThat(summary.providers()).isEmpty();
    }

    @Test
    void aHostThatIsDownIsNamed() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        SyncSummary summary = service("http://127.0.0.1:" + port, TwsHostFake.PASSWORD).refresh(request(28));

        assertThat(summary.error()).startsWith("cannot reach the host at http://127.0.0.1:" + port + " (GET /auth/login): "
                + "could not connect to 127.0.0.1:" + port + " (connection refused)");
    }

    @Test
    void htmlWhereJsonWasExpectedIsNamed() throws Exception {
        HostMarketEventsService service = service(Refresh.FIRST);
        host.answerHtmlForApi();
        SyncSummary summary = service.refresh(request(28));

        assertThat(summary.error()).startsWith("the host answered text/html where JSON was expected (GET "
                + "/api/market-events/sync-log?limit=100, HTTP 200");
        assertThat(host.count("POST", "/api/")).isZero();
    }

    @Test
    void aSessionThatExpiredLogsInOnceMoreAndGoesOn() throws Exception {
        HostMarketEventsService service = service(Refresh.FIRST);
        host.expireSessions(1);
        SyncSummary summary = service.refresh(request(28));

        assertThat(summary.status()).isEqualTo("success");
        assertThat(host.count("POST", "/auth/login")).isEqualTo(2);
    }

    @Test
    void aSessionThatExpiresAgainAfterLoggingInOnceMoreFails() throws Exception {
        HostMarketEventsService service = service(Refresh.FIRST);
        host.expireSessions(Integer.MAX_VALUE);
        SyncSummary summary = service.refresh(request(28));

        assertThat(summary.error()).startsWith("the host answered 401 (Authentication required) to GET "
                + "/api/market-events/sync-log?limit=100 again right after logging in once more as admin");
        assertThat(host.count("POST", "/auth/login")).isEqualTo(2);
        assertThat(host.count("POST", "/api/")).isZero();
    }

    @Test
    void aPasswordFileOthersCanReadIsRefusedBeforeAnythingIsSent() throws Exception {
        host = TwsHostFake.start(Refresh.FIRST);
        Path file = passwordFile(TwsHostFake.PASSWORD);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        SyncSummary summary = new HostMarketEventsService(new HostConnection(URI.create(host.url()), "admin", file),
                HttpSettings.DEFAULT, java.time.Clock.systemUTC()).refresh(request(28));

        assertThat(summary.error()).isEqualTo("host.password_file " + file + " can be read by every user (mode rw-r--r--); "
                + "make it readable by its owner only: chmod 600 " + file);
        assertThat(host.requests()).isEmpty();
    }

    @Test
    void aProviderThatFetchedNothingWhereItsPreviousRunFetchedSomeIsAWarning() {
        Instant t = Instant.parse("2026-12-03T08:30:00Z");
        HostSyncLog.Run previous = new HostSyncLog.Run(5, "yfinance", "EARNINGS", "success", 2, 2, 0, 0, "", t, t.plusSeconds(1),
                "w");
        HostSyncLog.Run now = new HostSyncLog.Run(0, "yfinance", "EARNINGS", "success", 0, 0, 0, 0, "", t.plusSeconds(60),
                t.plusSeconds(61), "w");
        HostSyncLog.Log before = new HostSyncLog.Log(List.of(previous), java.util.Optional.empty());

        assertThat(HostMarketEventsService.zeroAfterSome(now, before)).singleElement().asString()
                .startsWith("yfinance/EARNINGS fetched 0 events where its previous run (finished 2026-12-03T08:30:01Z) "
                        + "fetched 2");
        HostSyncLog.Log neverFetched = new HostSyncLog.Log(new ArrayList<>(List.of(new HostSyncLog.Run(5, "yfinance",
                "EARNINGS", "success", 0, 0, 0, 0, "", t, t, "w"))), java.util.Optional.empty());
        assertThat(HostMarketEventsService.zeroAfterSome(now, neverFetched)).isEmpty();
    }
}
