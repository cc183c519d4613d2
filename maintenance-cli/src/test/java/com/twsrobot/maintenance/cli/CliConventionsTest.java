package com.twsrobot.maintenance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Command-line conventions scripts rely on: where options go, exit codes, JSON errors, completion, output. */
class CliConventionsTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(false);
    private final FixtureServer server = FixtureServer.start().page("/sti", Fixtures.page("wikipedia_sti.html"))
            .page("/sp500", Fixtures.page("wikipedia_sp500.html"));

    @AfterEach
    void cleanUp() {
        System.clearProperty("maintenance.clock");
        server.close();
        ws.close();
    }

    /** The command line exactly as given: no global options put in front. */
    private static CliRun bare(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = MaintenanceCli.commandLine(args);
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(args);
        return new CliRun(code, o.toString(), e.toString());
    }

    private String sti() {
        return "sti=" + server.url("/sti");
    }

    @Test
    void globalOptionsAreAcceptedAfterTheCommand() throws Exception {
        CliRun run = bare("run", "--data-dir", ws.dataDir().toString(), "--reports-dir", ws.reportsDir().toString(),
                "--task", "sti_constituents", "--source-url", sti(), "--json");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        String reportId = ReportJson.mapper().readTree(run.out()).get("report_id").asText();
        assertThat(ws.reportsDir().resolve(reportId + ".json")).exists();

        // An apply whose run-scoped and global flags are mixed; the marker shows the global one took effect.
        CliRun apply = bare("run", "--apply", "--invalidate-marker", "--task", "sti_constituents", "--source-url", sti(),
                "--data-dir", ws.dataDir().toString(), "--reports-dir", ws.reportsDir().toString());
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(ws.dataDir().resolve(".generation").resolve("sti.json")).exists();

        // Also on a nested command, and for the config file.
        CliRun log = bare("events", "sync-log", "--data-dir", ws.dataDir().toString(), "--json");
        assertThat(log.exitCode()).as(log.err()).isZero();
        assertThat(ReportJson.mapper().readTree(log.out()).isArray()).isTrue();
        java.nio.file.Path config = ws.root().resolve("m.properties");
        Files.writeString(config, "data_dir=" + ws.dataDir() + "\nreports_dir=" + ws.reportsDir() + "\n");
        CliRun status = bare("status", "--config", config.toString(), "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(ReportJson.mapper().readTree(status.out()).get("latest_report").get("dry_run").asBoolean()).isFalse();
    }

    @Test
    void theDetailedExitCodeTellsChangesToReviewFromNone() {
        CliRun changes = CliRun.in(ws, "run", "--task", "sti_constituents", "--source-url", sti(), "--detailed-exitcode");
        assertThat(changes.exitCode()).as(changes.out() + changes.err()).isEqualTo(MaintenanceCli.EXIT_CHANGES).isEqualTo(5);
        // Without the flag the same dry run is a plain success.
        assertThat(CliRun.in(ws, "run", "--task", "sti_constituents", "--source-url", sti()).exitCode()).isZero();

        assertThat(CliRun.in(ws, "run", "--apply", "--task", "sti_constituents", "--source-url", sti()).exitCode()).isZero();
        CliRun none = CliRun.in(ws, "run", "--task", "sti_constituents", "--source-url", sti(), "--detailed-exitcode");
        assertThat(none.exitCode()).as(none.out() + none.err()).isZero();
    }

    @Test
    void aPlanWithOneRefusedTaskExitsPartlyApplied() throws Exception {
        // The review: the STI list is fine; the S&P 500 list fails validation (fewer rows than required): refused.
        java.nio.file.Path config = ws.root().resolve("m.properties");
        Files.writeString(config, "min_rows.sp500=2000\n");
        CliRun preview = CliRun.in(ws, "--config", config.toString(), "run", "--task", "sti_constituents", "--task",
                "sp500_constituents", "--source-url", sti(), "--source-url", "sp500=" + server.url("/sp500"), "--json");
        assertThat(preview.exitCode()).as(preview.out() + preview.err()).isEqualTo(1);
        String plan = ReportJson.mapper().readTree(preview.out()).get("report_id").asText();
        byte[] stiBefore = ws.readData("sti_constituents.csv");
        byte[] sp500Before = ws.readData("sp500_constituents.csv");

        CliRun apply = CliRun.in(ws, "run", "--apply", "--plan", plan, "--json", "--config", config.toString());
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isEqualTo(MaintenanceCli.EXIT_PARTLY_APPLIED)
                .isEqualTo(4);
        JsonNode report = ReportJson.mapper().readTree(apply.out());
        assertThat(report.get("status").asText()).isEqualTo("partial_failure");
        assertThat(ws.readData("sti_constituents.csv")).isNotEqualTo(stiBefore);
        assertThat(ws.readData("sp500_constituents.csv")).isEqualTo(sp500Before);
    }

    @Test
    void aPlanRefusedWholeWroteNothingAndExitsFailed() throws Exception {
        CliRun preview = CliRun.in(ws, "run", "--task", "sti_constituents", "--source-url", sti(), "--json");
        assertThat(preview.exitCode()).as(preview.out() + preview.err()).isZero();
        String plan = ReportJson.mapper().readTree(preview.out()).get("report_id").asText();
        // The file changes after the review: the plan is stale and refused.
        byte[] edited = (new String(ws.readData("sti_constituents.csv")) + "\n").getBytes();
        Files.write(ws.dataFile("sti_constituents.csv"), edited);

        CliRun refused = CliRun.in(ws, "run", "--apply", "--plan", plan);
        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(MaintenanceCli.EXIT_FAILED);
        assertThat(refused.out()).contains("stale plan");
        assertThat(ws.readData("sti_constituents.csv")).isEqualTo(edited);
    }

    @Test
    void withJsonAUsageErrorIsAJsonObjectOnStdoutToo() throws Exception {
        CliRun unknown = bare("--json", "run", "--frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        JsonNode error = ReportJson.mapper().readTree(unknown.out());
        assertThat(error.get("error").asText()).isEqualTo("usage");
        assertThat(error.get("message").asText()).contains("--frobnicate");
        assertThat(error.get("exit_code").asInt()).isEqualTo(2);
        assertThat(unknown.err()).contains("--frobnicate");

        // --json after the command, and an error the command finds (not picocli).
        CliRun days = CliRun.in(ws, "run", "--days", "0", "--json");
        assertThat(days.exitCode()).isEqualTo(2);
        assertThat(ReportJson.mapper().readTree(days.out()).get("message").asText()).contains("--days must be between");
        assertThat(days.err()).contains("error: --days must be between");

        CliRun missing = CliRun.in(ws, "report", "maintenance_19990101_000000", "--json");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(ReportJson.mapper().readTree(missing.out()).get("error").asText()).isEqualTo("failed");

        // Without --json stdout stays empty.
        assertThat(bare("run", "--frobnicate").out()).isEmpty();
    }

    @Test
    void theCompletionScriptCompletesCommandsAndTheirOptions() {
        CliRun completion = bare("generate-completion");
        assertThat(completion.exitCode()).isZero();
        assertThat(completion.out()).contains("complete -F _complete_tws-maintenance", "rollback", "sync-log",
                "--detailed-exitcode", "--data-dir");
        // The file the build writes is the same script (generated from the same command model).
        assertThat(completion.out().strip())
                .isEqualTo(picocli.AutoComplete.bash("tws-maintenance", MaintenanceCli.commandLine()).strip());
    }

    @Test
    void aBrandNewFileIsCreatedAndAnExistingOneReplaced() throws Exception {
        Files.delete(ws.dataFile("sti_constituents.csv"));
        CliRun created = CliRun.in(ws, "run", "--apply", "--task", "sti_constituents", "--source-url", sti());
        assertThat(created.exitCode()).as(created.out() + created.err()).isZero();
        assertThat(created.out()).contains("created " + ws.dataFile("sti_constituents.csv")).doesNotContain("replaced");
        assertThat(created.err()).doesNotContain("replaced");

        Files.write(ws.dataFile("sti_constituents.csv"), Fixtures.previousConstituents("sti_constituents.csv"));
        CliRun replaced = CliRun.in(ws, "run", "--apply", "--task", "sti_constituents", "--source-url", sti());
        assertThat(replaced.exitCode()).as(replaced.out() + replaced.err()).isZero();
        assertThat(replaced.out()).contains("replaced " + ws.dataFile("sti_constituents.csv") + " (previous version kept as backup ");
    }

    @Test
    void aRollbackPreviewWhileAMarketIsOpenWarnsOnce() {
        assertThat(CliRun.in(ws, "run", "--apply", "--task", "sti_constituents", "--source-url", sti()).exitCode()).isZero();
        System.setProperty("maintenance.clock", "2026-11-24T15:30:00Z"); // a Tuesday, 10:30 in New York
        CliRun preview = CliRun.in(ws, "rollback", "--task", "sti_constituents");
        assertThat(preview.exitCode()).as(preview.out() + preview.err()).isZero();
        assertThat(preview.out()).contains("appears open");
        Matcher nyse = Pattern.compile("XNYS appears open|NYSE appears open").matcher(preview.out());
        int count = 0;
        while (nyse.find()) {
            count++;
        }
        assertThat(count).as(preview.out()).isEqualTo(1);
        assertThat(preview.out().lines().filter(l -> l.startsWith("warning") || l.contains(" warning: ")).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void syncLogColumnsAreAsWideAsTheirContents() throws Exception {
        CliRun events = CliRun.in(ws, "run", "--snapshot", "--task", "market_events", "--apply");
        assertThat(events.exitCode()).as(events.out() + events.err()).isIn(0, MaintenanceCli.EXIT_PARTLY_APPLIED);
        String longName = "the-host-s-own-very-long-provider-name.example";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + ws.dataFile("market_events.db"));
             java.sql.Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE market_event_sync_logs SET provider = '" + longName
                    + "' WHERE provider = 'federalreserve.gov'")).isPositive();
        }
        CliRun log = CliRun.in(ws, "events", "sync-log");
        assertThat(log.exitCode()).as(log.err()).isZero();
        java.util.List<String> lines = log.out().lines().toList();
        assertThat(lines).anyMatch(l -> l.contains(longName));
        // Every column starts where its title does: a long value widens its column instead of shifting the rest.
        String header = lines.get(0);
        for (String title : java.util.List.of("status", "event types / error")) {
            int at = header.indexOf(title);
            for (String line : lines.subList(1, lines.size())) {
                assertThat(line.charAt(at - 1)).as("%s%n%s", header, line).isEqualTo(' ');
                assertThat(line.charAt(at)).as("%s%n%s", header, line).isNotEqualTo(' ');
                assertThat(line.substring(at - 2, at)).isEqualTo("  ");
            }
        }
    }
}
