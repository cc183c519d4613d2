package com.twsrobot.maintenance.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/operations.md runs as written: its systemd unit and timer pass {@code systemd-analyze verify} with no
 * message, and its cron wrapper handles each exit code as the page says. The blocks are read from the page
 * itself (a fenced block whose first comment names the installed file), so the page cannot drift.
 */
class OperationsDocsTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    /** Where the page installs things; the tests put the checkout (or a stand-in) there. */
    private static final String PREFIX = "/opt/tws-maintenance";
    private static final Pattern BLOCK = Pattern.compile("(?s)```(\\w+)\\n(.*?)```");
    private static final Pattern NAMED = Pattern.compile("(?m)^# (/etc/systemd/system|/opt/tws-maintenance)/(\\S+)$");

    private static Map<String, String> files;

    private record Ran(int exitCode, String output) {
    }

    @BeforeAll
    static void readThePage() throws IOException {
        files = new LinkedHashMap<>();
        Matcher block = BLOCK.matcher(Files.readString(ROOT.resolve("docs").resolve("operations.md")));
        while (block.find()) {
            Matcher name = NAMED.matcher(block.group(2));
            if (name.find()) {
                files.put(name.group(2), block.group(2));
            }
        }
        assertThat(files).containsKeys("tws-maintenance-dry-run.service", "tws-maintenance-dry-run.timer",
                "tws-alert@.service", "nightly-dry-run.sh");
    }

    private static Ran run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s ended", List.of(command)).isTrue();
        return new Ran(p.exitValue(), out);
    }

    /** The tool, which must be there: .ci/run installs Debian's systemd package when it is missing. */
    private static String systemdAnalyze() {
        Path tool = Path.of("/usr/bin/systemd-analyze");
        assertThat(tool).as("systemd-analyze is needed to check the documented units: apt-get install systemd "
                + "(.ci/run installs it)").isExecutable();
        return tool.toString();
    }

    private static Ran verify(Path dir, Map<String, String> units) throws Exception {
        List<String> command = new ArrayList<>(List.of(systemdAnalyze(), "verify"));
        for (Map.Entry<String, String> unit : units.entrySet()) {
            Path file = dir.resolve(unit.getKey());
            // ExecStart names the installed launcher: here the checkout's own bin/tws-maintenance.
            Files.writeString(file, unit.getValue().replace(PREFIX, ROOT.toString()));
            command.add(file.toString());
        }
        return run(dir, Map.of("SYSTEMD_LOG_COLOR", "0"), command.toArray(String[]::new));
    }

    @Test
    void theSystemdUnitTimerAndAlertPassSystemdAnalyzeVerifyWithNoMessage(@TempDir Path dir) throws Exception {
        Map<String, String> units = new LinkedHashMap<>();
        for (String name : List.of("tws-maintenance-dry-run.service", "tws-maintenance-dry-run.timer", "tws-alert@.service")) {
            units.put(name, files.get(name));
        }
        Ran verified = verify(dir, units);
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).as("systemd-analyze verify says nothing of a correct unit").isBlank();

        // The control: the old page's mistake (OnFailure= under [Service]) is what the check reports.
        String service = files.get("tws-maintenance-dry-run.service");
        String misplaced = service.replace("OnFailure=tws-alert@%n.service\n", "")
                .replace("[Service]\n", "[Service]\nOnFailure=tws-alert@%n.service\n");
        Path other = Files.createDirectory(dir.resolve("misplaced"));
        Ran wrong = verify(other, Map.of("tws-maintenance-dry-run.service", misplaced));
        assertThat(wrong.output()).contains("Unknown key 'OnFailure' in section [Service]");
    }

    @ParameterizedTest(name = "CLI exits {0} -> wrapper exits {1} after {2} run(s), logs: {3}")
    @CsvSource(delimiter = '|', value = {
            "0      | 0 | 1 | ''",
            "5      | 0 | 1 | user.notice tws-maintenance nightly dry run: changes to review",
            "1      | 1 | 1 | user.err tws-maintenance nightly dry run exited 1",
            "2      | 2 | 1 | user.err tws-maintenance nightly dry run exited 2",
            "3 3 0  | 0 | 3 | ''",
            "3 5    | 0 | 2 | user.notice",
            "3 3 3  | 3 | 3 | user.err tws-maintenance nightly dry run exited 3",
            "4      | 4 | 1 | user.err tws-maintenance nightly dry run exited 4"})
    void theCronWrapperHandlesEachExitCodeAsThePageSays(String codes, int expectedExit, int expectedRuns, String logged,
                                                        @TempDir Path dir) throws Exception {
        // A stand-in CLI under the prefix answering the given codes in turn, and stand-ins for sleep and logger.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fakes = Files.createDirectories(dir.resolve("fakes"));
        Files.writeString(dir.resolve("codes"), String.join("\n", codes.trim().split("\\s+")) + "\n");
        script(bin.resolve("tws-maintenance"), "echo \"$* config=$TWS_MAINTENANCE_CONFIG\" >> '" + dir + "/runs'\n"
                + "code=$(head -n 1 '" + dir + "/codes'); sed -i 1d '" + dir + "/codes'\nexit \"$code\"\n");
        script(fakes.resolve("sleep"), "echo \"$*\" >> '" + dir + "/slept'\n");
        script(fakes.resolve("logger"), "echo \"$*\" >> '" + dir + "/logged'\n");
        Path wrapper = dir.resolve("nightly-dry-run.sh");
        script(wrapper, files.get("nightly-dry-run.sh").replace(PREFIX, dir.toString()));

        Ran ran = run(dir, Map.of("PATH", fakes + ":" + System.getenv("PATH")), "sh", wrapper.toString());

        assertThat(ran.exitCode()).as(ran.output()).isEqualTo(expectedExit);
        List<String> runs = lines(dir.resolve("runs"));
        assertThat(runs).hasSize(expectedRuns).allMatch(r -> r.equals("run --task all --detailed-exitcode config="
                + "/etc/tws-maintenance/maintenance.properties"));
        // A wait between busy tries, none after the last.
        long busyRetries = Math.min(expectedRuns, 3) - 1;
        assertThat(lines(dir.resolve("slept"))).hasSize((int) busyRetries).allMatch("900"::equals);
        List<String> logs = lines(dir.resolve("logged"));
        if (logged.isEmpty()) {
            assertThat(logs).isEmpty();
        } else {
            assertThat(logs).singleElement().satisfies(l -> assertThat(l.replace("-p ", "")).startsWith(logged));
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, body.startsWith("#!") ? body : "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
