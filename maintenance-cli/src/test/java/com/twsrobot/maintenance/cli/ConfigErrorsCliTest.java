package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

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
