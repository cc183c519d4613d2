package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.SourceContext;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.SourceResult;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.MarketEventsService;
import com.twsrobot.maintenance.api.events.ProviderResult;
import com.twsrobot.maintenance.api.events.SyncSummary;
import com.twsrobot.maintenance.core.MaintenanceRunner;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charts' data and the history's task and kind, drawn from a workspace whose reports hold applies
 * that changed a list, a failed source, a failed validation, a partial apply, a run the lock refused and
 * two market-events syncs.
 */
class ConsoleChartsTest {

    private static final Instant START = Instant.parse("2026-03-02T01:00:00Z");
    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final MutableClock clock = MutableClock.at(START.toString());
    private final HttpClient http = HttpClient.newHttpClient();
    private MaintenanceConsole console;

    @AfterEach
    void stop() {
        if (console != null) {
            console.close();
        }
        ws.close();
    }

    /** Stands in for the host's market-events service: each refresh brings 4 events from host_feed. */
    static final class HostEventsService implements MarketEventsService {
        private final List<ProviderResult> log = new ArrayList<>();

        private ProviderResult row(String type, int fetched) {
            return new ProviderResult("000000000000" + log.size() + "-000001-abcd", "host_feed", type, "success", fetched,
                    fetched, 0, fetched, 0, 0, "", List.of(), Instant.parse("2026-06-24T00:14:00Z"),
                    Instant.parse("2026-06-24T00:14:30Z"));
        }

        @Override
        public synchronized SyncSummary refresh(EventsRequest request) {
            List<ProviderResult> rows = List.of(row("EARNINGS", 3), row("DIVIDEND", 1));
            log.addAll(rows);
            return new SyncSummary(rows.get(0).syncId(), "success", false, rows);
        }

        @Override
        public SyncSummary preview(EventsRequest request) {
            List<ProviderResult> rows = List.of(row("EARNINGS", 3));
            return new SyncSummary(rows.get(0).syncId(), "success", true, rows);
        }

        @Override
        public synchronized List<ProviderResult> syncLog(int limit) {
            return List.copyOf(log);
        }
    }

    /**
     * An S&P 500 source that holds each fetch until released while armed, so another apply meets the run
     * lock (or a page shows a run in progress); it answers {@link #answer}.
     */
    static final class GateSource implements ConstituentSource {
        volatile CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch release = new CountDownLatch(1);
        final FakeSource answer = FakeSource.returning("sp500", Rows.usTickers(500));

        /** Holds the next fetch again until {@link #release} is counted down. */
        void arm() {
            entered = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }

        @Override
        public String index() {
            return "sp500";
        }

        @Override
        public String defaultUrl() {
            return "gate://sp500";
        }

        @Override
        public SourceResult fetch(SourceContext context) throws SourceException {
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer.fetch(context);
        }
    }

    /** The workspace's runner and its sources, to go on from. */
    record History(MaintenanceRunner runner, FakeSource sti, FakeSource hsi, GateSource sp500) {
    }

    /**
     * Fills the reports: sti applied three times (30, 31, 29 members), a dry run whose hsi source fails, an
     * apply of sti and hsi where hsi fails (partly applied), a dry run whose sti list is too short (validation),
     * an sti apply the lock refuses while an sp500 apply holds it, and two events syncs.
     */
    static History workspaceWithHistory(TempWorkspace ws, MutableClock clock, Instant start) throws Exception {
        FakeSource sti = FakeSource.returning("sti", Rows.sgxCodes(30));
        FakeSource hsi = FakeSource.returning("hsi", Rows.hkexCodes(85));
        GateSource gate = new GateSource();
        MaintenanceRunner runner = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir())
                .reportsDir(ws.reportsDir()).clock(clock).progressListener(m -> { }).discover(false).indexes(BuiltIns.SPECS)
                .source(sti).source(hsi).source(gate).marketEventsService(new HostEventsService())
                .task(new com.twsrobot.maintenance.sources.events.MarketEventsTask()).build();
        RunRequest applySti = RunRequest.builder().task("sti_constituents").apply().build();
        int day = 0;
        for (int members : new int[]{30, 31, 29}) {
            clock.set(start.plus(Duration.ofDays(day += 7)));
            sti.answer(Rows.sgxCodes(members));
            assertThat(runner.run(applySti).status().wireName()).isIn("success", "warning");
        }
        clock.set(start.plus(Duration.ofDays(day += 1)));
        hsi.fail("HKEX answered 502");
        runner.run(RunRequest.dryRun("hsi_constituents"));
        clock.set(start.plus(Duration.ofDays(day += 1)));
        sti.answer(Rows.sgxCodes(29));
        runner.run(RunRequest.builder().task("sti_constituents").task("hsi_constituents").apply().build());
        clock.set(start.plus(Duration.ofDays(day += 1)));
        sti.answer(Rows.sgxCodes(3));
        runner.run(RunRequest.dryRun("sti_constituents"));
        sti.answer(Rows.sgxCodes(29));
        clock.set(start.plus(Duration.ofDays(day += 1)));
        CompletableFuture<RunReport> holder = CompletableFuture.supplyAsync(
                () -> runner.run(RunRequest.builder().task("sp500_constituents").apply().build()));
        assertThat(gate.entered.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(runner.run(applySti).refusedByLock()).isTrue();
        gate.release.countDown();
        holder.get(60, TimeUnit.SECONDS);
        for (int i = 0; i < 2; i++) {
            clock.set(start.plus(Duration.ofDays(day += 1)));
            runner.run(RunRequest.builder().task("market_events").apply().build());
        }
        return new History(runner, sti, hsi, gate);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ReportJson.mapper().readTree(r.body());
    }

    @Test
    void theChartsDataComesFromTheReports() throws Exception {
        MaintenanceRunner runner = workspaceWithHistory(ws, clock, START).runner();
        console = MaintenanceConsole.start(runner, ConsoleOptions.defaults().withPort(0));
        JsonNode charts = get("/api/maintenance/charts");
        assertThat(charts.get("reports_read").asInt()).isEqualTo(runner.recentReports(500).size());

        JsonNode sti = find(charts.get("indexes"), "index", "sti");
        // Three applies plus the partial one's sti part: members after each, and what each added and removed.
        assertThat(sti.get("applies")).extracting(p -> p.get("members").asInt()).containsExactly(30, 31, 29, 29);
        assertThat(sti.get("applies").get(1).get("added").asInt()).isEqualTo(1);
        assertThat(sti.get("applies").get(2).get("removed").asInt()).isEqualTo(2);
        assertThat(sti.get("applies").get(3).get("added").asInt() + sti.get("applies").get(3).get("removed").asInt()).isZero();
        assertThat(sti.get("applies").get(0).get("at").asLong()).isEqualTo(START.plus(Duration.ofDays(7)).getEpochSecond());
        assertThat(find(charts.get("indexes"), "index", "hsi").get("applies")).isEmpty(); // its source always failed
        assertThat(find(charts.get("indexes"), "index", "sp500").get("applies")).hasSize(1);

        JsonNode stiAge = find(charts.get("age"), "index", "sti");
        // The content is from the day-21 apply (the partial one on day 23 found nothing to change); the clock is at day 27.
        assertThat(stiAge.get("content_age_days").asDouble()).isEqualTo(6.0);
        assertThat(find(charts.get("age"), "index", "hsi").get("content_age_days").isNull()).isTrue();

        // Three applies, the partial one and the short preview (the refused apply ran no task).
        assertThat(find(charts.get("durations"), "task", "sti_constituents").get("runs").size()).isEqualTo(5);
        JsonNode feed = find(charts.get("events"), "provider", "host_feed");
        assertThat(feed.get("syncs")).hasSize(2); // its two event types in one sync are added up
        assertThat(feed.get("syncs").get(0).get("fetched").asInt()).isEqualTo(4);

        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port()
                + "/api/maintenance/charts?reports=0")).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theHistoryNamesEachRunsTasksAndTellsTheKindsOfFailureApart() throws Exception {
        console = MaintenanceConsole.start(workspaceWithHistory(ws, clock, START).runner(), ConsoleOptions.defaults().withPort(0));
        JsonNode rows = get("/api/maintenance/reports?limit=50");
        List<String> kinds = new ArrayList<>();
        rows.forEach(r -> kinds.add(r.get("kind").asText() + " " + r.get("tasks")));
        // (The refused apply and the one holding the lock started at the same instant: their order is not the point.)
        // An apply that removes members the fake sources explain with no change record warns (the synthetic sp500
        // list replacing the real one; sti's real list replaced, then 31 → 29); adding a member (30 → 31) does not.
        assertThat(kinds).containsExactlyInAnyOrder(
                "ok [\"market_events\"]", "ok [\"market_events\"]",
                "warning [\"sp500_constituents\"]", "lock_refused []",
                "validation_failed [\"sti_constituents\"]",
                "partly_applied [\"sti_constituents\",\"hsi_constituents\"]",
                "source_failed [\"hsi_constituents\"]",
                "warning [\"sti_constituents\"]", "ok [\"sti_constituents\"]", "warning [\"sti_constituents\"]");
        JsonNode refused = find(rows, "kind", "lock_refused");
        assertThat(refused.get("kind_label").asText()).isEqualTo("refused: run lock held");
        assertThat(refused.get("status").asText()).isEqualTo("failed");
        assertThat(find(rows, "kind", "partly_applied").get("kind_label").asText()).isEqualTo("partly applied");
    }

    private static JsonNode find(JsonNode array, String key, String value) {
        for (JsonNode n : array) {
            if (n.get(key).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + key + " " + value + " in " + array);
    }
}
