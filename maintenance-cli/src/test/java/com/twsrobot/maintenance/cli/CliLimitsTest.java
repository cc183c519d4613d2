package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Limits that hold and ids that never collide, as an operator meets them on the command line. */
class CliLimitsTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"fail_change_percent,NaN", "warn_change_percent,-1", "fail_change_percent,Infinity",
            "keep_backups,0", "keep_backups,2.5", "source_timeout_seconds,0", "source_timeout_seconds,99999",
            "max_file_mib,-3", "stale_after_days,NaN"})
    void badConfigValuesAreUsageErrorsNamingTheKey(String key, String value) throws Exception {
        Path config = ws.root().resolve("maintenance.properties");
        Files.writeString(config, key + " = " + value + "\n");
        CliRun run = CliRun.in(ws, "--config", config.toString(), "run", "--task", "sti_constituents", "--snapshot");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(key).contains("'" + value + "'").doesNotContain("\tat ");
    }

    @Test
    void anOptionValueThatIsACommandNameIsAnOptionValue() {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = MaintenanceCli.commandLine();
        cl.setOut(new java.io.PrintWriter(out));
        cl.setErr(new java.io.PrintWriter(err));
        // "reports" is also a command; here it is the name of a directory (relative, so status finds none).
        int code = cl.execute("--data-dir", ws.dataDir().toString(), "--reports-dir", "reports", "status");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("sti_constituents");
    }

    @Test
    void aSourceTimeoutOutOfRangeIsAUsageError() {
        CliRun run = CliRun.in(ws, "--source-timeout", "0", "run", "--snapshot", "--task", "sti_constituents");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--source-timeout");
    }

    @Test
    void eightCliDryRunsInTheSameSecondWriteEightReportsNoneReplaced() throws Exception {
        try (FixtureServer server = FixtureServer.start().page("/sti", Fixtures.page("wikipedia_sti.html"))) {
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // ChildJvm: eight JVMs at once is the memory pressure that makes one print a warning before its JSON.
                processes.add(new ProcessBuilder(ChildJvm.command(ChildJvm.java(
                        "-Dmaintenance.clock=2026-11-24T03:00:00Z", "-XX:TieredStopAtLevel=1"),
                        "-cp", System.getProperty("java.class.path"), MaintenanceCli.class.getName(),
                        "--data-dir", ws.dataDir().toString(), "--reports-dir", ws.reportsDir().toString(),
                        "run", "--json", "--task", "sti_constituents", "--source-url", "sti=" + server.url("/sti")))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start());
            }
            Set<String> ids = new HashSet<>();
            for (Process p : processes) {
                String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(json).isZero();
                ids.add(com.twsrobot.maintenance.core.report.ReportJson.mapper().readTree(json).get("report_id").asText());
            }
            assertThat(ids).hasSize(8).allMatch(id -> id.startsWith("maintenance_20261124_030000"));
            try (Stream<Path> files = Files.list(ws.reportsDir())) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                assertThat(names.stream().filter(n -> n.endsWith(".json") && !n.contains(".plan."))).hasSize(8);
                assertThat(names.stream().filter(n -> n.endsWith(".md"))).hasSize(8);
                assertThat(names.stream().filter(n -> n.endsWith(".plan.json"))).hasSize(8);
            }
        }
    }

    @Test
    void aSourceUrlKeyNothingReadsIsAUsageErrorListingTheKnownKeys() throws Exception {
        CliRun run = CliRun.in(ws, "run", "--task", "sti_constituents", "--source-url", "stii=file:///tmp/x.html");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no source or provider reads the key 'stii'", "known keys:", "sti", "sp500", "hsi",
                "fomc", "yahoo", "yahoo-cookie", "sp500-holdings-ivv");
        Path config = ws.root().resolve("typo.properties");
        Files.writeString(config, "source_url.sp5OO = https://example.test/\n");
        CliRun fromConfig = CliRun.in(ws, "--config", config.toString(), "status");
        assertThat(fromConfig.exitCode()).isEqualTo(2);
        assertThat(fromConfig.err()).contains("line 1: source_url.sp5OO = https://example.test/: no source or provider "
                + "reads the key 'sp5OO'; the keys are ").contains("sp500");
    }
}
