package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/tws-maintenance on the shaded jar (so run after package, in the build's integration-test phase): on the
 * newest JDK no command prints the JDK's restricted-method warning (SQLite's driver loads a native library),
 * and on JDK 17 the launcher still starts.
 */
class LauncherTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path LAUNCHER = ROOT.resolve("bin").resolve("tws-maintenance");
    private static final Path JAR = ROOT.resolve("maintenance-cli").resolve("target").resolve("tws-maintenance.jar");

    private record Ran(int exitCode, String out, String err) {
    }

    /** The newest JDK of at least {@code minimum} under /usr/lib/jvm, as its java binary. */
    private static Optional<Path> jdk(int minimum, int maximum) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        Pattern version = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);
        Path best = null;
        int bestVersion = 0;
        try (Stream<Path> homes = Files.list(jvms)) {
            for (Path home : homes.sorted().toList()) {
                Path release = home.resolve("release");
                Path java = home.resolve("bin").resolve("java");
                if (!Files.isRegularFile(release) || !Files.isExecutable(java)) {
                    continue;
                }
                Matcher m = version.matcher(Files.readString(release));
                if (m.find()) {
                    int v = Integer.parseInt(m.group(1));
                    if (v >= minimum && v <= maximum && v > bestVersion) {
                        best = java;
                        bestVersion = v;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Ran run(Path java, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("TWS_MAINTENANCE_JAVA", java.toString());
        pb.environment().remove("TWS_MAINTENANCE_JAVA_OPTS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            // A bound far above a start (a few seconds, the first one recording the start-up cache): never a hang.
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
            return new Ran(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static List<String> launcher(TempWorkspace ws, String... args) {
        List<String> all = new ArrayList<>(List.of(LAUNCHER.toString()));
        all.addAll(List.of(args));
        all.addAll(List.of("--data-dir", ws.dataDir().toString(), "--reports-dir", ws.reportsDir().toString()));
        return all;
    }

    @Test
    void noCommandPrintsTheRestrictedMethodWarningOnTheNewestJdk() throws Exception {
        assertThat(JAR).as("the shaded jar (this test runs after package)").isRegularFile();
        Optional<Path> newest = jdk(24, Integer.MAX_VALUE);
        if (System.getenv("CI") != null) {
            assertThat(newest).as("CI has a JDK 24 or later under /usr/lib/jvm (JDK 25)").isPresent();
        }
        Path java = newest.orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        try (TempWorkspace ws = TempWorkspace.create().withConstituents(true)) {
            List<List<String>> commands = List.of(
                    // Creates the SQLite event store (bundled pages, no network); the later commands open it.
                    launcher(ws, "run", "--snapshot", "--task", "market_events", "--apply"),
                    launcher(ws, "status"),
                    launcher(ws, "events", "sync-log"),
                    launcher(ws, "run", "--snapshot", "--task", "constituents"),
                    launcher(ws, "validate"),
                    launcher(ws, "reports"),
                    launcher(ws, "backups"),
                    launcher(ws, "--help"),
                    launcher(ws, "generate-completion"),
                    // Without the launcher: the jar's manifest grants native access.
                    List.of(java.toString(), "-jar", JAR.toString(), "status", "--data-dir", ws.dataDir().toString(),
                            "--reports-dir", ws.reportsDir().toString()));
            for (List<String> command : commands) {
                Ran ran = run(java, command);
                assertThat(ran.exitCode()).as("%s: %s", command, ran.err()).isZero();
                assertThat(ran.err()).as("stderr of %s on %s", command, java)
                        .doesNotContain("WARNING: A restricted method").doesNotContain("WARNING:");
            }
            assertThat(Files.size(ws.dataFile("market_events.db"))).isPositive();
            if (newest.isPresent()) {
                // The control: the same command without native access granted (class path, no manifest) warns.
                Ran control = run(java, List.of(java.toString(), "-cp", JAR.toString(), MaintenanceCli.class.getName(),
                        "events", "sync-log", "--data-dir", ws.dataDir().toString()));
                assertThat(control.err()).contains("WARNING: A restricted method");
            }
        }
    }

    @Test
    void theLauncherStillStartsOnJdk17() throws Exception {
        assertThat(JAR).as("the shaded jar (this test runs after package)").isRegularFile();
        Optional<Path> jdk17 = jdk(17, 17);
        Path java = jdk17.orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        try (TempWorkspace ws = TempWorkspace.create()) {
            Ran ran = run(java, launcher(ws, "status"));
            assertThat(ran.exitCode()).as(ran.err()).isZero();
            assertThat(ran.out()).contains("latest report: none yet");
            assertThat(ran.err()).doesNotContain("WARNING:").doesNotContain("Unrecognized option");
        }
    }
}
