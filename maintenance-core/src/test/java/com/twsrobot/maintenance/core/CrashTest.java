package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills (SIGKILL) a child JVM that is applying at random moments, 50 times. After each kill the
 * target is byte for byte the old or a new version, every backup is a whole version, and the next
 * run succeeds and removes what the crash left behind.
 */
class CrashTest {

    private static final int KILLS = 50;

    static List<ConstituentRow> versionA() {
        return Rows.hkexCodes(80);
    }

    static List<ConstituentRow> versionB() {
        return Rows.hkexCodes(78);
    }

    @Test
    void aKilledApplyLeavesTheOldOrTheNewFileNeverAMix() throws Exception {
        byte[] original = Fixtures.currentConstituents("hsi_constituents.csv");
        byte[][] versions = expectedVersions(original);
        try (TempWorkspace ws = TempWorkspace.create().withConstituents(true)) {
            Random random = new Random(20261124L);
            for (int kill = 0; kill < KILLS; kill++) {
                Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        // The JVM's own warnings (class data sharing refused under memory pressure) to stderr: the test reads stdout.
                        "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr",
                        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                        ApplyChild.class.getName(), ws.dataDir().toString(), ws.reportsDir().toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    int applies = random.nextInt(4);
                    for (int i = 0; i < applies; i++) {
                        assertThat(out.readLine()).as("child output").startsWith("applied");
                    }
                    Thread.sleep(applies == 0 ? 150 + random.nextInt(600) : random.nextInt(40));
                    child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no finally blocks
                }
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

                byte[] now = ws.readData("hsi_constituents.csv");
                assertThat(isOneOf(now, original, versions[0], versions[1])).as("target after kill " + kill).isTrue();
                try (Stream<Path> files = Files.walk(ws.dataDir().resolve("backups"))) {
                    for (Path backup : files.filter(Files::isRegularFile).toList()) {
                        if (!backup.getFileName().toString().endsWith(".tmp")) {
                            assertThat(isOneOf(Files.readAllBytes(backup), original, versions[0], versions[1]))
                                    .as("backup " + backup).isTrue();
                        }
                    }
                } catch (java.nio.file.NoSuchFileException noBackupsYet) {
                    // killed before the first backup was written
                }
            }

            // Synthetic rows replace the real members wholesale; churn has its own tests (ChurnValidatorTest).
            MaintenanceRunner runner = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                    .progressListener(m -> { }).discover(false).indexes(com.twsrobot.maintenance.core.TestIndexes.ALL).source(FakeSource.returning("hsi", Rows.hkexCodes(79))).build();
            RunReport next = runner.run(RunRequest.builder().task("hsi_constituents").apply().build());
            assertThat(next.status()).as(next.toString()).isIn(TaskStatus.SUCCESS, TaskStatus.WARNING);
            assertThat(new String(ws.readData("hsi_constituents.csv"), StandardCharsets.UTF_8)).contains("Hong Kong Co 79");
            assertThat(tempFiles(ws.dataDir())).as("temp files left in the data directory").isEmpty();
            // In the reports directory dry runs write without the lock, so only temp files an hour old are swept.
            try (Stream<Path> files = Files.walk(ws.reportsDir())) {
                for (Path tmp : files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                    Files.setLastModifiedTime(tmp, java.nio.file.attribute.FileTime.from(
                            java.time.Instant.now().minus(java.time.Duration.ofHours(2))));
                }
            }
            runner.run(RunRequest.builder().task("hsi_constituents").apply().build());
            assertThat(tempFiles(ws.root())).as("temp files left after the second run").isEmpty();
        }
    }

    /** The temp files below {@code dir}, relative to it (only these, so a failure names them). */
    private static List<String> tempFiles(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).map(p -> dir.relativize(p).toString())
                    .toList();
        }
    }

    /** The exact bytes of versions A and B as an apply writes them over the original file. */
    private static byte[][] expectedVersions(byte[] original) {
        byte[][] out = new byte[2][];
        try (TempWorkspace ws = TempWorkspace.create().writeData("hsi_constituents.csv", original)) {
            FakeSource source = FakeSource.returning("hsi", versionA());
            MaintenanceRunner runner = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                    .progressListener(m -> { }).discover(false).indexes(com.twsrobot.maintenance.core.TestIndexes.ALL).source(source).build();
            runner.run(RunRequest.builder().task("hsi_constituents").apply().build());
            out[0] = ws.readData("hsi_constituents.csv");
            source.answer(versionB());
            runner.run(RunRequest.builder().task("hsi_constituents").apply().build());
            out[1] = ws.readData("hsi_constituents.csv");
        }
        assertThat(out[0]).isNotEqualTo(out[1]).isNotEqualTo(original);
        return out;
    }

    private static boolean isOneOf(byte[] actual, byte[]... candidates) {
        return Arrays.stream(candidates).anyMatch(c -> Arrays.equals(c, actual));
    }
}
