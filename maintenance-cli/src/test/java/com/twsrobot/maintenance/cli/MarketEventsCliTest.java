package com.twsrobot.maintenance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.FixtureServer.Response;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** run --task market_events and events sync-log from the command line, against loopback fixtures. */
class MarketEventsCliTest {


    private final TempWorkspace ws = TempWorkspace.create();
    private final FixtureServer server = FixtureServer.start();

    @AfterEach
    void cleanUp() {
        System.clearProperty("maintenance.clock");
        server.close();
        ws.close();
    }

    private CliRun cli(String... args) {
        return CliRun.in(ws, args);
    }

    private String[] eventsRun(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--task", "market_events", "--symbol", "AAPL", "--symbol",
                "MSFT", "--days", "90", "--source-url", "fomc=" + server.url("/fomc"), "--source-url",
                "yahoo=" + server.url(""), "--source-url", "yahoo-cookie=" + server.url("/cookie")));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private void serve() throws Exception {
        server.page("/fomc", Fixtures.fedPage("fed_fomc_calendars.html"));
        server.script("/cookie", Response.status(404).withHeader("Set-Cookie", "A3=d=abc; Path=/"));
        server.script("/v1/test/getcrumb", Response.of(200, "text/plain", "Xb9CrumbToken1"));
        for (String s : List.of("AAPL", "MSFT")) {
            server.script("/v10/finance/quoteSummary/" + s, Response.of(200, "application/json",
                    Fixtures.yahooAnswer("yahoo_quotesummary_calendarEvents_" + s + ".json")));
        }
        System.setProperty("maintenance.clock", "2026-11-24T12:00:00Z");
    }

    private List<String> rows() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.dataFile("market_events.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT source_event_id, status FROM market_events ORDER BY event_date, id")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    @Test
    void applyFillsTheStoreWithFomcHolidaysAndTheSymbolsEventsAndTheSyncLogShowsEachProvider() throws Exception {
        serve();
        CliRun preview = cli(eventsRun("--json"));
        assertThat(preview.exitCode()).as(preview.out() + preview.err()).isZero();
        JsonNode task = ReportJson.mapper().readTree(preview.out()).get("results").get(0);
        assertThat(task.get("detail").get("mode").asText()).isEqualTo("preview");
        assertThat(task.get("detail").get("totals").get("inserted_count").asInt()).isEqualTo(12);
        assertThat(ws.dataFile("market_events.db")).doesNotExist();

        CliRun applied = cli(eventsRun("--apply", "--json"));
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        JsonNode detail = ReportJson.mapper().readTree(applied.out()).get("results").get(0).get("detail");
        assertThat(detail.get("window").get("from").asText()).isEqualTo("2026-11-24");
        assertThat(detail.get("window").get("to").asText()).isEqualTo("2027-02-22");
        assertThat(detail.get("symbols").toString()).isEqualTo("[\"AAPL\",\"MSFT\"]");
        assertThat(detail.get("providers")).hasSize(3);

        assertThat(rows()).containsExactly(
                "US_MARKET_HOLIDAY:2026-11-26 active",
                "US_MARKET_EARLY_CLOSE:2026-11-27 active",
                "FOMC:2026-12-09 active",
                "US_MARKET_EARLY_CLOSE:2026-12-24 active",
                "US_MARKET_HOLIDAY:2026-12-25 active",
                "US_MARKET_HOLIDAY:2027-01-01 active",
                "US_MARKET_HOLIDAY:2027-01-18 active",
                "FOMC:2027-01-27 active",
                "EARNINGS:MSFT:2027-01-27 active",
                "EARNINGS:AAPL:2027-01-28 active",
                "US_MARKET_HOLIDAY:2027-02-15 active",
                "DIVIDEND:MSFT:2027-02-18 active");

        assertThat(cli(eventsRun("--apply")).exitCode()).isZero();
        assertThat(rows()).hasSize(12);

        // The host's sync-log table, with the host's provider names: yfinance logs EARNINGS and DIVIDEND apart.
        CliRun log = cli("events", "sync-log", "--limit", "4");
        assertThat(log.exitCode()).isZero();
        assertThat(log.out().lines().skip(1)).hasSize(4)
                .anyMatch(l -> l.contains("federalreserve.gov")).anyMatch(l -> l.contains("builtin-us-market-calendar"))
                .anyMatch(l -> l.contains("yfinance") && l.contains("EARNINGS"))
                .anyMatch(l -> l.contains("yfinance") && l.contains("DIVIDEND"));

        CliRun status = cli("status", "--json");
        JsonNode events = ReportJson.mapper().readTree(status.out()).get("market_events");
        assertThat(events.get("available").asBoolean()).isTrue();
        assertThat(events.get("fetched_count").asInt()).isEqualTo(12);
        assertThat(events.get("last_sync_at").asText()).isEqualTo("2026-11-24T12:00:00Z");
    }

    @Test
    void aFailingProviderMakesThePartialFailureExitPartlyAppliedAndTheOthersStillWrite() throws Exception {
        serve();
        server.script("/fomc", Response.status(503));
        CliRun applied = cli(eventsRun("--apply"));
        assertThat(applied.exitCode()).isEqualTo(MaintenanceCli.EXIT_PARTLY_APPLIED);
        assertThat(applied.out()).contains("partial_failure", "fomc failed");
        assertThat(rows()).anyMatch(r -> r.startsWith("EARNINGS:AAPL")).noneMatch(r -> r.startsWith("FOMC"));
    }

    /** The market-events task's options given to a run without that task were ignored without a word. */
    @Test
    void symbolAndDaysWithoutTheMarketEventsTaskAreRefusedNamingTheTask() throws Exception {
        CliRun both = cli("run", "--task", "sti_constituents", "--symbol", "MSFT", "--days", "5");
        assertThat(both.exitCode()).as(both.out() + both.err()).isEqualTo(2);
        assertThat(both.err()).contains("--symbol and --days are options of the market_events task, which this run "
                + "does not include (it runs sti_constituents); add --task market_events or leave them out");
        CliRun days = cli("run", "--task", "sti_constituents", "--days", "5", "--json");
        assertThat(days.exitCode()).isEqualTo(2);
        assertThat(ReportJson.mapper().readTree(days.out()).get("message").asText())
                .contains("--days is an option of the market_events task").doesNotContain("--symbol");
        // Nothing ran: no report, no file.
        assertThat(cli("reports").out()).startsWith("no reports yet");
        assertThat(ws.dataFile("sti_constituents.csv")).doesNotExist();
        // With the task among those run, the same options are taken.
        serve();
        CliRun withTask = cli("run", "--task", "sti_constituents", "--task", "market_events", "--symbol", "MSFT",
                "--days", "5", "--snapshot");
        assertThat(withTask.exitCode()).as(withTask.out() + withTask.err()).isNotEqualTo(2);
    }

    @Test
    void anEventsDbUrlPutsTheStoreElsewhere() throws Exception {
        serve();
        Path elsewhere = ws.root().resolve("events.sqlite");
        assertThat(cli("--events-db", "jdbc:sqlite:" + elsewhere, "run", "--task", "market_events", "--apply",
                "--snapshot").exitCode()).isZero();
        assertThat(elsewhere).exists();
        assertThat(ws.dataFile("market_events.db")).doesNotExist();
    }

    @Test
    void twoProcessesRunningTheSameRefreshAgainstOneStoreTheSecondChangesNothing() throws Exception {
        serve();
        List<JsonNode> totals = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            List<String> command = ChildJvm.java("-Dmaintenance.clock=2026-11-24T12:00:00Z", "-XX:TieredStopAtLevel=1");
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), MaintenanceCli.class.getName(),
                    "--data-dir", ws.dataDir().toString(), "--reports-dir", ws.reportsDir().toString()));
            command.addAll(List.of(eventsRun("--apply", "--json")));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            totals.add(ReportJson.mapper().readTree(out).get("results").get(0).get("detail").get("totals"));
        }
        assertThat(totals.get(0).get("inserted_count").asInt()).isEqualTo(12);
        assertThat(totals.get(1).get("inserted_count").asInt()).isZero();
        assertThat(totals.get(1).get("updated_count").asInt()).as(totals.get(1).toString()).isZero();
    }

    private static List<JsonNode> changes(String json, String kind) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        ReportJson.mapper().readTree(json).get("results").get(0).get("detail").get("changes")
                .forEach(c -> {
                    if (c.get("kind").asText().equals(kind)) {
                        out.add(c);
                    }
                });
        return out;
    }

    @Test
    void aDryRunListsEveryEventItWouldInsertThenTheUpdatesAndStaleRowsAfterAFixtureChanges() throws Exception {
        serve();
        CliRun preview = cli(eventsRun("--json"));
        assertThat(preview.exitCode()).as(preview.err()).isZero();
        List<JsonNode> inserts = changes(preview.out(), "insert");
        assertThat(inserts).hasSize(12).allSatisfy(c -> assertThat(c.get("title").asText()).isNotBlank());
        assertThat(inserts).anySatisfy(c -> {
            assertThat(c.get("provider").asText()).isEqualTo("yahoo_calendar");
            assertThat(c.get("event_type").asText()).isEqualTo("EARNINGS");
            assertThat(c.get("symbol").asText()).isEqualTo("MSFT");
            assertThat(c.get("date").asText()).isEqualTo("2027-01-27");
            assertThat(c.get("time").asText() + " " + c.get("zone").asText()).isEqualTo("AMC America/New_York");
            assertThat(c.get("title").asText()).isEqualTo("MSFT Earnings");
            assertThat(c.get("source_event_id").asText()).isEqualTo("EARNINGS:MSFT:2027-01-27");
            assertThat(c.get("event_id").asText()).isEqualTo("evt_fd54a6b8de2dc683ff2825a6186d5955");
        }).anySatisfy(c -> assertThat(c.get("event_type").asText() + " " + c.get("date").asText() + " "
                + c.get("title").asText()).isEqualTo("FOMC 2026-12-09 FOMC Meeting"));

        String id = ReportJson.mapper().readTree(preview.out()).get("report_id").asText();
        CliRun markdown = cli("report", id, "--markdown");
        assertThat(markdown.out()).contains("### Market events by provider (what an apply would do)",
                "| yahoo_calendar | success | 3 | 3 | 0 | 0 | 0 |", "#### yahoo_calendar (3 changes)",
                "| insert | EARNINGS | MSFT | 2027-01-27 | AMC America/New_York | MSFT Earnings |",
                "| insert | MARKET_HOLIDAY |  | 2026-11-26 |");

        CliRun summary = cli(eventsRun());
        assertThat(summary.out()).contains(
                "would insert: EARNINGS AAPL 2027-01-28 TBD America/New_York  AAPL Earnings [yahoo_calendar]",
                "would insert: DIVIDEND MSFT 2027-02-18  MSFT Ex-Dividend [yahoo_calendar]");

        assertThat(cli(eventsRun("--apply")).exitCode()).isZero();
        // MSFT now reports 25 minutes later and no longer lists its dividend.
        String msft = Fixtures.yahooAnswer("yahoo_quotesummary_calendarEvents_MSFT.json")
                .replace("{\"raw\":1801083900,\"fmt\":\"2027-01-27\"}", "{\"raw\":1801085400,\"fmt\":\"2027-01-27\"}")
                .replaceAll(",\"exDividendDate\":\\{[^}]*\\},\"dividendDate\":\\{[^}]*\\}", "");
        assertThat(msft).doesNotContain("exDividendDate");
        server.script("/v10/finance/quoteSummary/MSFT", Response.of(200, "application/json", msft));
        CliRun again = cli(eventsRun("--json"));
        assertThat(changes(again.out(), "insert")).isEmpty();
        assertThat(changes(again.out(), "update")).singleElement().satisfies(c -> {
            assertThat(c.get("source_event_id").asText()).isEqualTo("EARNINGS:MSFT:2027-01-27");
            assertThat(c.get("fields").toString()).contains("{\"field\":\"event_date\",\"old\":\"2027-01-27 21:05:00.000000\","
                    + "\"new\":\"2027-01-27 21:30:00.000000\"}");
        });
        assertThat(changes(again.out(), "stale")).singleElement().satisfies(c -> {
            assertThat(c.get("source_event_id").asText()).isEqualTo("DIVIDEND:MSFT:2027-02-18");
            assertThat(c.get("reason").asText()).contains("no longer reports it for MSFT");
        });
        CliRun againText = cli(eventsRun());
        assertThat(againText.out()).contains("would update: EARNINGS MSFT 2027-01-27 AMC America/New_York",
                "event_date: 2027-01-27 21:05:00.000000 → 2027-01-27 21:30:00.000000",
                "would mark stale: DIVIDEND MSFT 2027-02-18");
    }
}
