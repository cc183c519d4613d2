package com.twsrobot.maintenance.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.api.RunDetail;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskStatus;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.io.RunLock;
import com.twsrobot.maintenance.core.report.ReportStore;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.core.report.RunJournal;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liveness known, not guessed; every replace keeps its record; every read of our files capped; empty
 * reserved report files cleaned up.
 */
class RecordKeepingTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final MutableClock clock = MutableClock.at("2026-06-24T00:15:00Z");
    private final FakeSource source = FakeSource.returning("hsi", Rows.hkexCodes(80));

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    private MaintenanceRunnerBuilder builder() {
        // Synthetic rows replace the real members wholesale; churn has its own tests (ChurnValidatorTest).
        return MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).progressListener(m -> { }).source(source);
    }

    private RunReport apply(MaintenanceRunner runner, int rows) {
        source.answer(Rows.hkexCodes(rows));
        RunReport report = runner.run(RunRequest.builder().task("hsi_constituents").apply().build());
        clock.advance(Duration.ofMinutes(1));
        return report;
    }

    private JsonNode onDisk(String reportId) throws Exception {
        return ReportJson.mapper().readTree(Files.readString(ws.reportsDir().resolve(reportId + ".json")));
    }

    @Test
    void aRunRefusedByTheLockSaysSoAndIsNeverInProgressNorLaterInterrupted() throws Exception {
        MaintenanceRunner runner = builder().build();
        RunReport refused;
        try (RunLock held = RunLock.acquire(ws.dataDir(), "a test holding the lock", clock.instant())) {
            refused = apply(runner, 80);
            assertThat(onDisk(refused.reportId()).path("status").asText()).as("on disk while the lock is held")
                    .isEqualTo("failed");
        }
        assertThat(refused.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(refused.detail().lockHeldBy()).contains("a test holding the lock");
        assertThat(refused.errors()).singleElement().asString().contains("holds").contains("nothing was run");

        RunReport next = apply(runner, 80);

        assertThat(next.detail().interruptedRuns()).isNull();
        assertThat(onDisk(refused.reportId()).path("status").asText()).isEqualTo("failed");
        assertThat(onDisk(refused.reportId()).path("detail").path(RunReport.LOCK_HELD_BY).asText())
                .contains("a test holding the lock");
    }

    @Test
    void aDryRunWhosePidNowBelongsToAnotherProcessIsInterruptedAndALiveOneIsNot() throws Exception {
        MaintenanceRunner runner = builder().build();
        // Two dry runs under way, as their journals write them: one of this very process, one of an
        // earlier process that had the same pid (its recorded start time differs).
        ReportStore store = new ReportStore(ws.reportsDir(), AtomicFileWriter.DEFAULT);
        RunJournal live = RunJournal.reserve(store, AtomicFileWriter.DEFAULT, true, clock.instant(), RunDetail.none());
        live.begin();
        RunJournal reused = RunJournal.reserve(store, AtomicFileWriter.DEFAULT, true, clock.instant(), RunDetail.none());
        reused.begin();
        Path file = ws.reportsDir().resolve(reused.reportId() + ".json");
        ObjectNode node = (ObjectNode) ReportJson.mapper().readTree(Files.readString(file));
        assertThat(node.path("detail").path(RunJournal.PROCESS_STARTED_AT).asText()).isNotEmpty();
        ((ObjectNode) node.path("detail")).put(RunJournal.PROCESS_STARTED_AT, "2001-01-01T00:00:00Z");
        Files.writeString(file, ReportJson.pretty(node));
        clock.advance(Duration.ofMinutes(1));

        RunReport writer = apply(runner, 80);

        assertThat(writer.detail().interruptedRuns()).containsExactly(reused.reportId());
        assertThat(onDisk(live.reportId()).path("status").asText()).isEqualTo("in_progress");
        assertThat(onDisk(reused.reportId()).path("status").asText()).isEqualTo("interrupted");
    }

    @Test
    void aKilledApplyKeepsTheReportNamingTheReplacedFileThroughARunAHundredDaysLater() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The JVM's own warnings (class data sharing refused under memory pressure) to stderr: the test reads stdout.
                "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                KilledApplyChild.class.getName(), ws.dataDir().toString(), ws.reportsDir().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("replaced");
        } finally {
            child.destroyForcibly(); // SIGKILL: the run never writes its final report
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String killed;
        try (var files = Files.list(ws.reportsDir())) {
            killed = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).findFirst().orElseThrow();
        }
        assertThat(onDisk(killed).path("status").asText()).isEqualTo("in_progress");
        String file = ws.dataFile("hsi_constituents.csv").toAbsolutePath().normalize().toString();

        clock.set(Instant.now().plus(Duration.ofDays(100)));
        MaintenanceRunner later = builder().keepReportsFor(Duration.ofDays(90)).build();
        RunReport recovery = apply(later, 81); // replaces the file again, then prunes reports older than 90 days

        assertThat(recovery.detail().interruptedRuns()).containsExactly(killed);
        assertThat(ws.reportsDir().resolve(killed + ".json")).as("kept by the run that marked it").exists();
        JsonNode record = onDisk(killed);
        assertThat(record.path("status").asText()).isEqualTo("interrupted");
        assertThat(record.path("detail").path("replaced_files").toString()).contains(file);
    }

    @Test
    void retentionKeepsTheReportThatProducedAFilesCurrentVersion() {
        MaintenanceRunner runner = builder().keepReportsFor(Duration.ofDays(90)).build();
        RunReport superseded = apply(runner, 79);
        RunReport producer = apply(runner, 80);
        assertThat(producer.detail().replacements()).singleElement().extracting(RunDetail.Replacement::file).asString()
                .endsWith("hsi_constituents.csv");
        clock.advance(Duration.ofDays(100));

        RunReport unchanged = apply(runner, 80); // same rows: writes nothing, prunes

        assertThat(unchanged.detail().prunedReports()).isNotEmpty();
        assertThat(ws.reportsDir().resolve(superseded.reportId() + ".json")).doesNotExist();
        assertThat(ws.reportsDir().resolve(producer.reportId() + ".json")).exists();
        assertThat(ws.reportsDir().resolve(producer.reportId() + ".md")).exists();
    }

    @Test
    void aThreeHundredMegabytePlanIsRefusedNamingTheCapWithoutReadingIt() throws Exception {
        MaintenanceRunner runner = builder().build();
        RunReport dry = runner.run(RunRequest.dryRun("hsi_constituents"));
        Path plan = ws.reportsDir().resolve(dry.reportId() + ".hsi_constituents.plan.json");
        try (RandomAccessFile sparse = new RandomAccessFile(plan.toFile(), "rw")) {
            sparse.setLength(300L * 1000 * 1000); // sparse: no 300 MB on disk or in memory
        }
        var before = ws.dataFingerprint();

        RunReport apply = runner.run(RunRequest.builder().plan(dry.reportId()).apply().build());

        assertThat(apply.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(apply.errors()).singleElement().asString().contains(plan.toAbsolutePath().toString())
                .contains("300000000 bytes").contains("268435456-byte cap for a plan (4 x max_file_mib)")
                .contains("nothing was written");
        assertThat(ws.dataFingerprint()).isEqualTo(before);
    }

    @Test
    void anOversizedReportIsNotLoaded() throws Exception {
        MaintenanceRunner runner = builder().build();
        RunReport dry = runner.run(RunRequest.dryRun("hsi_constituents"));
        try (RandomAccessFile sparse = new RandomAccessFile(ws.reportsDir().resolve(dry.reportId() + ".json").toFile(),
                "rw")) {
            sparse.setLength(40L * 1024 * 1024);
        }
        assertThat(runner.report(dry.reportId())).isEmpty();
    }

    @Test
    void emptyReservedReportFilesAreRemovedByTheNextWritingRunOnceAnHourOld() throws Exception {
        // Ages are measured on the runner's clock, as every time in a run is.
        Path old = Files.createFile(ws.reportsDir().resolve("maintenance_20260624_000000.json"));
        Files.setLastModifiedTime(old, FileTime.from(clock.instant().minus(Duration.ofHours(2))));
        Path young = Files.createFile(ws.reportsDir().resolve("maintenance_20260624_000001.json"));
        Files.setLastModifiedTime(young, FileTime.from(clock.instant().minus(Duration.ofMinutes(5))));
        MaintenanceRunner runner = builder().build();

        RunReport applied = apply(runner, 80);

        assertThat(old).doesNotExist();
        assertThat(young).as("may belong to a run about to write it").exists();
        assertThat(applied.detail().removedTempFiles()).containsExactly(old.toString());
        assertThat(applied.warnings()).anyMatch(w -> w.contains("removed 1 temp file"));
        assertThat(List.of(applied.status())).containsAnyOf(TaskStatus.SUCCESS, TaskStatus.WARNING);
    }
}
