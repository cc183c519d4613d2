package com.twsrobot.maintenance.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's warning logs reach the operator's terminal through the CLI's binding (stderr), so for an
 * expected failure they name no Java class either: neither the logger's name nor the exception's type.
 * Run as a separate process, since the binding reads its settings once per JVM.
 */
class CliLogLinesTest {

    /** A qualified class name or an exception's simple name, as a logger or {@code toString()} prints them. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*\\b|\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b");

    @TempDir
    Path dir;

    @Test
    void aReportsDirectoryThatIsAFileIsRefusedInWordsInTheLogToo() throws Exception {
        Path reports = Files.writeString(dir.resolve("reports"), "not a directory");
        String out = cli("--data-dir", dir.resolve("data").toString(), "--reports-dir", reports.toString(),
                "run", "--task", "sti_constituents", "--snapshot");
        assertThat(out).contains("run refused: the reports directory").contains("already exists");
        assertThat(CLASS_NAME.matcher(out).results().map(m -> m.group()).toList()).as(out).isEmpty();
    }

    @Test
    void aHostSyncLogThatCannotBeReadIsAWarningWithoutTheLoggersClassName() throws Exception {
        Path config = Files.writeString(dir.resolve("maintenance.properties"), String.join("\n",
                "events_service = host-http", "host.url = http://127.0.0.1:9", "host.username = admin",
                "host.password_file = " + dir.resolve("missing.password"), ""));
        String out = cli("--config", config.toString(), "--data-dir", dir.resolve("data").toString(),
                "--reports-dir", dir.resolve("reports").toString(), "status");
        assertThat(out).contains("cannot read the host's sync log");
        assertThat(out).doesNotContain("com.twsrobot").doesNotContain("HostMarketEventsService");
    }

    /** The CLI's output (stdout and stderr) as a process of its own, bounded. */
    private String cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), MaintenanceCli.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the CLI ended").isTrue();
        return out;
    }
}
