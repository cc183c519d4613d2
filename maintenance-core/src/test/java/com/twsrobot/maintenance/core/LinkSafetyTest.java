package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.invalidation.MarkerFileInvalidator;
import com.twsrobot.maintenance.core.io.RunLock;
import com.twsrobot.maintenance.core.schedule.ScheduledRuns;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our own files replaced by links to something outside the data and reports directories: the run
 * refuses (or replaces the link, never following it), and what is outside stays byte for byte.
 */
class LinkSafetyTest {

    private static final String OUTSIDE_TEXT = "root:x:0:0:root:/root:/bin/bash\nthe outside file, which must stay\n";

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final MutableClock clock = MutableClock.at("2026-06-24T00:15:00Z");
    private final FakeSource source = FakeSource.returning("hsi", Rows.hkexCodes(80));
    private Path outsideFile;
    private Path outsideDir;

    @BeforeEach
    void makeTheOutside() throws IOException {
        outsideFile = ws.root().resolve("outside.txt");
        Files.writeString(outsideFile, OUTSIDE_TEXT);
        outsideDir = Files.createDirectories(ws.root().resolve("outside-dir"));
        Files.writeString(outsideDir.resolve("keep.txt"), OUTSIDE_TEXT);
    }

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    private MaintenanceRunner runner() {
        // Synthetic rows replace the real members wholesale; churn has its own tests (ChurnValidatorTest).
        return MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).progressListener(m -> { }).source(source).invalidateMarker(true).build();
    }

    private RunReport apply() {
        return runner().run(RunRequest.builder().task("hsi_constituents").apply().build());
    }

    /** Every file below the outside folder and the outside file, by content. */
    private Map<String, String> outside() throws IOException {
        Map<String, String> out = new TreeMap<>();
        out.put("outside.txt", Files.readString(outsideFile));
        try (Stream<Path> files = Files.walk(outsideDir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(outsideDir.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    private static String everything(RunReport report) {
        return report.errors() + " " + report.warnings() + " " + report.results();
    }

    @Test
    void aLinkedLockFileIsRefusedAndItsTargetKeepsItsBytes() throws IOException {
        Files.createSymbolicLink(ws.dataFile(RunLock.FILE_NAME), Path.of("..", "outside.txt"));
        Map<String, String> before = outside();
        var data = ws.dataFingerprint();

        RunReport report = apply();

        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.errors()).singleElement().asString().contains(RunLock.FILE_NAME)
                .contains("symbolic link to ../outside.txt").contains("nothing was run");
        assertThat(outside()).isEqualTo(before);
        assertThat(Files.readString(outsideFile)).isEqualTo(OUTSIDE_TEXT);
        assertThat(ws.dataFingerprint()).isEqualTo(data);
        assertThat(Files.isSymbolicLink(ws.dataFile(RunLock.FILE_NAME))).isTrue();
    }

    @Test
    void aLockFileHardLinkedToAnotherFileIsRefusedAndThatFileKeepsItsBytes() throws IOException {
        Files.createLink(ws.dataFile(RunLock.FILE_NAME), outsideFile);

        RunReport report = apply();

        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.errors()).singleElement().asString().contains("other hard links");
        assertThat(Files.readString(outsideFile)).isEqualTo(OUTSIDE_TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"backups", "backups/constituents", "backups/constituents/20260624_001500"})
    void aLinkedBackupFolderIsRefusedAndNothingIsWrittenWhereItPoints(String folder) throws IOException {
        Path link = ws.dataDir().resolve(folder);
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, outsideDir);
        Map<String, String> before = outside();
        byte[] current = ws.readData("hsi_constituents.csv");

        RunReport report = apply();

        assertThat(report.results()).singleElement().extracting(r -> r.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(everything(report)).contains("refusing to use " + link.toAbsolutePath())
                .contains("symbolic link to " + outsideDir);
        assertThat(outside()).isEqualTo(before);
        assertThat(ws.readData("hsi_constituents.csv")).as("no backup, no replace").isEqualTo(current);
    }

    @Test
    void aLinkAtTheNextReportsNameIsNeverWrittenThrough() throws IOException {
        Files.createSymbolicLink(ws.reportsDir().resolve("maintenance_20260624_001500.json"), outsideFile);
        Files.createSymbolicLink(ws.reportsDir().resolve("maintenance_20260624_001500_2.md"), outsideFile);
        Map<String, String> before = outside();

        RunReport report = apply();

        assertThat(report.status()).as(report.toString()).isIn(TaskStatus.SUCCESS, TaskStatus.WARNING);
        assertThat(report.reportId()).as("both taken names are skipped").isEqualTo("maintenance_20260624_001500_3");
        assertThat(ws.reportsDir().resolve(report.reportId() + ".json")).isRegularFile();
        assertThat(outside()).isEqualTo(before);
    }

    @Test
    void aReportReplacedByALinkIsNotReadThroughIt() throws IOException {
        MaintenanceRunner runner = runner();
        RunReport dry = runner.run(RunRequest.dryRun("hsi_constituents"));
        Path json = ws.reportsDir().resolve(dry.reportId() + ".json");
        Files.copy(json, outsideDir.resolve("copy.json"));
        Files.delete(json);
        Files.createSymbolicLink(json, outsideDir.resolve("copy.json"));
        Map<String, String> before = outside();

        assertThat(runner.report(dry.reportId())).as("a linked report is not ours").isEmpty();
        RunReport apply = runner.run(RunRequest.builder().plan(dry.reportId()).apply().build());

        assertThat(apply.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(everything(apply)).contains("symbolic link");
        assertThat(outside()).isEqualTo(before);
    }

    @Test
    void aPlanReplacedByALinkIsRefusedNamingIt() throws IOException {
        MaintenanceRunner runner = runner();
        RunReport dry = runner.run(RunRequest.dryRun("hsi_constituents"));
        Path plan = ws.reportsDir().resolve(dry.reportId() + ".hsi_constituents.plan.json");
        Files.copy(plan, outsideDir.resolve("plan.json"));
        Files.delete(plan);
        Files.createSymbolicLink(plan, outsideDir.resolve("plan.json"));
        Map<String, String> before = outside();
        var data = ws.dataFingerprint();

        RunReport apply = runner.run(RunRequest.builder().plan(dry.reportId()).apply().build());

        assertThat(apply.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(everything(apply)).contains("refusing to use " + plan.toAbsolutePath())
                .contains("symbolic link to " + outsideDir.resolve("plan.json"));
        assertThat(ws.dataFingerprint()).isEqualTo(data);
        assertThat(outside()).isEqualTo(before);
    }

    @Test
    void aLinkedMarkerFileOrFolderIsNotWrittenThrough() throws IOException {
        Files.createDirectories(ws.dataDir().resolve(MarkerFileInvalidator.DIR));
        Files.createSymbolicLink(ws.dataDir().resolve(MarkerFileInvalidator.DIR).resolve("hsi.json"), outsideFile);
        Map<String, String> before = outside();

        RunReport first = apply();

        assertThat(everything(first)).contains("symbolic link to " + outsideFile);
        assertThat(outside()).isEqualTo(before);

        Path dir = ws.dataDir().resolve(MarkerFileInvalidator.DIR);
        Files.delete(dir.resolve("hsi.json"));
        Files.delete(dir);
        Files.createSymbolicLink(dir, outsideDir);
        clock.advance(Duration.ofMinutes(1));
        source.answer(Rows.hkexCodes(79));

        RunReport second = apply();

        assertThat(everything(second)).contains("refusing to use " + dir.toAbsolutePath());
        assertThat(outside()).isEqualTo(before);
    }

    @Test
    void aLinkedScheduleStateFileIsNotRead() throws IOException {
        Files.createSymbolicLink(ws.reportsDir().resolve(ScheduledRuns.STATE_FILE), outsideFile);
        MaintenanceRunner runner = runner();
        var schedule = ScheduledRuns.of(runner, new com.twsrobot.maintenance.core.schedule.ScheduleSettings(
                com.twsrobot.maintenance.core.schedule.Schedule.parse("daily 02:00 UTC").orElseThrow(), false,
                java.util.List.of("hsi_constituents")), request -> java.util.Optional.of(runner.run(request)));

        org.assertj.core.api.Assertions.assertThatThrownBy(schedule::lastRun).hasMessageContaining("symbolic link");
        assertThat(Files.readString(outsideFile)).isEqualTo(OUTSIDE_TEXT);
    }
}
