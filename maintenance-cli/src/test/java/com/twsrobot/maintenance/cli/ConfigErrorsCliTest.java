package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A config file with several mistakes gets one usage error (exit 2) naming every one, through the real CLI. */
class ConfigErrorsCliTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    @Test
    void threeErrorsInOneFileAreOneExit2MessageNamingAllThree() throws Exception {
        Path config = ws.root().resolve("maintenance.properties");
        Files.writeString(config, String.join("\n",
                "# three mistakes",
                "keep_backup = 12",
                "min_rows.sti = 31",
                "stale_after_days = soon",
                "http.attempts = 11",
                ""));
        java.util.Map<String, String> before = ws.dataFingerprint();
        CliRun run = CliRun.in(ws, "--config", config.toString(), "run", "--task", "sti_constituents", "--snapshot");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().filter(l -> l.startsWith("error: "))).as(run.err())
                .containsExactly("error: " + config + ": 3 problems");
        assertThat(run.err()).contains(
                "  line 2: unknown setting 'keep_backup'; did you mean 'keep_backups'?",
                "  line 4: stale_after_days must be a whole number from 1 to 3650, got 'soon'",
                "  line 5: http.attempts must be a whole number from 1 to 10, got '11'")
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(ws.dataFingerprint()).isEqualTo(before);
        assertThat(ws.reportsDir().toFile().list()).isEmpty();
    }

    @Test
    void aRangeASourceKeyAndAnIndexNoPluginHasAreOneExit2MessageFromTheRealCli() throws Exception {
        // The reviewer's file: before, the first run named only line 1, the next a source key without its line,
        // and min_rows.st1 (a typo of sti) was silently ignored.
        Path config = ws.root().resolve("maintenance.properties");
        Files.writeString(config, "keep_backups = 0\nsource_url.nosuch = http://x/\nmin_rows.st1 = 25\n");
        java.util.Map<String, String> before = ws.dataFingerprint();
        List<String> command = ChildJvm.java("-XX:TieredStopAtLevel=1");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MaintenanceCli.class.getName(),
                "--data-dir", ws.dataDir().toString(), "--reports-dir", ws.reportsDir().toString(),
                "--config", config.toString(), "status"));
        Path out = ws.root().resolve("out.txt");
        Path err = ws.root().resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err);
        assertThat(p.exitValue()).as(stderr).isEqualTo(2);
        assertThat(stderr.lines().filter(l -> l.startsWith("error: "))).as(stderr)
                .containsExactly("error: " + config + ": 3 problems");
        assertThat(stderr).contains(
                "  line 1: keep_backups must be a whole number from 1 to 100000, got '0'",
                "  line 2: source_url.nosuch = http://x/: no source or provider reads the key 'nosuch'; the keys are ",
                "  line 3: min_rows.st1 = 25: no index 'st1'; the indices are sp500, sti, hsi; did you mean 'min_rows.sti'?")
                .doesNotContain("ignored").doesNotContain("WARN").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(Files.readString(out)).isEmpty();
        assertThat(ws.dataFingerprint()).isEqualTo(before);
        assertThat(ws.reportsDir().toFile().list()).isEmpty();
    }

    @Test
    void anUnknownScheduleTaskIsRefusedOnRunToo() throws Exception {
        // schedule.tasks is read only by serve, but the file is judged as a whole whatever the command.
        Path config = ws.root().resolve("maintenance.properties");
        Files.writeString(config, "schedule.dry_run = off-peak\nschedule.tasks = constituents, nosuch\n");
        CliRun run = CliRun.in(ws, "--config", config.toString(), "run", "--task", "sti_constituents", "--snapshot");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().filter(l -> l.startsWith("error: "))).as(run.err()).singleElement().asString()
                .startsWith("error: " + config + ": line 2: schedule.tasks = constituents, nosuch: no task or group 'nosuch'; "
                        + "the tasks are sp500_constituents, sti_constituents, hsi_constituents, ")
                .contains("; the groups are ", "all", "constituents");
        assertThat(ws.reportsDir().toFile().list()).isEmpty();
    }

    @Test
    void aFamilyMemberOfAnIndexThePluginsAddIsAccepted() throws Exception {
        // The indices come from the plug-ins the runner discovers (maintenance-sources brings these three).
        Path config = ws.root().resolve("maintenance.properties");
        Files.writeString(config, "min_rows.hsi = 60\nchurn_warn_percent.sp500 = 3\nsource_url.fomc = https://example.test/"
                + "\nschedule.dry_run = off-peak\nschedule.tasks = constituents, market_events\n");
        CliRun run = CliRun.in(ws, "--config", config.toString(), "status");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void withJsonTheMessageIsOneUsageErrorObject() throws Exception {
        Path config = ws.root().resolve("maintenance.properties");
        Files.writeString(config, "keep_backups = 0\nkeep_backups = 1\nmax_file_mib = lots\n");
        CliRun run = CliRun.in(ws, "--config", config.toString(), "status", "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        com.fasterxml.jackson.databind.JsonNode error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(error.get("exit_code").asInt()).isEqualTo(2);
        assertThat(error.get("message").asText()).contains("3 problems", "line 1: keep_backups must be a whole number",
                "line 2: keep_backups is set twice", "line 3: max_file_mib must be a whole number");
    }

    @Test
    void aPluginsDeclaredOptionIsCheckedWhenTheFileIsRead() throws Exception {
        Path config = ws.root().resolve("maintenance.properties");
        Files.writeString(config, "provider_option.yahoo.concurrency = 0\nprovider_option.yahoo.concurency = 8\n");
        CliRun run = CliRun.in(ws, "--config", config.toString(), "status");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(
                "line 1: provider_option.yahoo.concurrency must be a whole number from 1 to 256, got '0'",
                "line 2: unknown setting 'provider_option.yahoo.concurency'; did you mean "
                        + "'provider_option.yahoo.concurrency'?");
    }
}
