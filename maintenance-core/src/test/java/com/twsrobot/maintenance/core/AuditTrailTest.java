package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.Backup;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.Sha256;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.io.BackupStore;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Every run has its own record, every plan applies what was reviewed, every backup survives retention. */
class AuditTrailTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final MutableClock clock = MutableClock.at("2026-06-24T00:15:00Z"); // fixed: every run shares a second
    private final FakeSource hsi = FakeSource.returning("hsi", Rows.hkexCodes(80));
    private final FakeSource sti = FakeSource.returning("sti", Rows.sgxCodes(30));

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    private MaintenanceRunnerBuilder builder() {
        // Synthetic rows replace the real members wholesale; churn has its own tests (ChurnValidatorTest).
        return MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir()).clock(clock)
                .progressListener(m -> { }).source(hsi).source(sti).discover(false).indexes(com.twsrobot.maintenance.core.TestIndexes.ALL);
    }

    private static TaskResult only(RunReport report) {
        assertThat(report.results()).as(report.toString()).hasSize(1);
        return report.results().get(0);
    }

    @Test
    void eightRunsInTheSameSecondGetEightReportsNoneReplaced() throws Exception {
        MaintenanceRunner runner = builder().build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RunReport>> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return runner.run(RunRequest.dryRun("hsi_constituents"));
            }));
        }
        start.countDown();
        Set<String> ids = new HashSet<>();
        for (Future<RunReport> run : runs) {
            RunReport report = run.get(30, TimeUnit.SECONDS);
            ids.add(report.reportId());
            assertThat(runner.report(report.reportId())).get().extracting(RunReport::status).isEqualTo(report.status());
        }
        pool.shutdown();
        assertThat(ids).hasSize(8);
        try (var files = Files.list(ws.reportsDir())) {
            assertThat(files.filter(p -> p.toString().endsWith(".plan.json")).count()).isEqualTo(8);
        }
    }

    @Test
    void twoSameSecondPreviewsOfDifferentTasksGiveTwoPlansAndEachAppliesOnlyItsOwnTasks() {
        MaintenanceRunner runner = builder().build();
        RunReport stiPreview = runner.run(RunRequest.dryRun("sti_constituents"));
        RunReport hsiPreview = runner.run(RunRequest.dryRun("hsi_constituents"));
        assertThat(stiPreview.reportId()).isNotEqualTo(hsiPreview.reportId());
        byte[] hsiBefore = ws.readData("hsi_constituents.csv");

        RunReport applied = runner.run(RunRequest.builder().apply().plan(stiPreview.reportId()).build());
        assertThat(applied.results()).extracting(TaskResult::task).containsExactly("sti_constituents");
        assertThat(only(applied).detail().written()).isTrue();
        assertThat(ws.readData("hsi_constituents.csv")).isEqualTo(hsiBefore);
    }

    @Test
    void aPlanAppliesNoTaskItDoesNotCover() {
        MaintenanceRunner runner = builder().build();
        RunReport stiPreview = runner.run(RunRequest.dryRun("sti_constituents"));
        Map<String, String> before = ws.dataFingerprint();
        RunReport applied = runner.run(RunRequest.builder().task("hsi_constituents").apply()
                .plan(stiPreview.reportId()).build());
        assertThat(applied.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(applied.errors()).singleElement().asString()
                .contains("hsi_constituents is not in the plan (it covers [sti_constituents])");
        assertThat(ws.dataFingerprint()).isEqualTo(before);
    }

    @Test
    void aStaleFileForOneTaskRefusesTheWholePlan() throws Exception {
        MaintenanceRunner runner = builder().build();
        RunReport preview = runner.run(RunRequest.dryRun("constituents"));
        Files.writeString(ws.dataFile("hsi_constituents.csv"), "\n", java.nio.file.StandardOpenOption.APPEND);
        Map<String, String> before = ws.dataFingerprint();
        RunReport applied = runner.run(RunRequest.builder().apply().plan(preview.reportId()).build());
        assertThat(applied.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(applied.results()).isEmpty();
        assertThat(applied.errors()).singleElement().asString().contains("hsi_constituents: stale plan");
        assertThat(ws.dataFingerprint()).isEqualTo(before);
    }

    /** Each field of a plan, edited alone, with and without a recomputed checksum. */
    @ParameterizedTest(name = "{0} edited, checksum recomputed: {1}")
    @CsvSource({
            "validation,false", "validation,true",
            "allow_large_change,false", "allow_large_change,true",
            "created_at,false", "created_at,true",
            "content,false", "content,true",
            "source,false", "source,true",
            "base_sha256,false", "base_sha256,true",
            "task,false", "task,true",
            "report_id,false", "report_id,true",
            "extra_field,false", "extra_field,true"})
    void anyEditOfAPlanIsRefusedWithNothingWritten(String field, boolean recompute) throws IOException {
        hsi.answer(Rows.hkexCodes(60)); // fails validation (below 70), so the edit to "passed" is tempting
        MaintenanceRunner runner = builder().build();
        RunReport preview = runner.run(RunRequest.dryRun("hsi_constituents"));
        Path planFile = ws.reportsDir().resolve(preview.reportId() + ".hsi_constituents.plan.json");
        ObjectNode plan = (ObjectNode) ReportJson.mapper().readTree(planFile.toFile());
        switch (field) {
            case "validation" -> plan.put("validation", "passed");
            case "allow_large_change" -> plan.put("allow_large_change", true);
            case "created_at" -> plan.put("created_at", "2026-06-24T00:14:00Z");
            case "content" -> plan.put("content", plan.get("content").asText().replace("Hong Kong Co 1,", "Edited,"));
            case "source" -> plan.put("source", "https://example.invalid/");
            case "base_sha256" -> plan.put("base_sha256", Sha256.hex(new byte[0]));
            case "task" -> plan.put("task", "sti_constituents");
            case "report_id" -> plan.put("report_id", "maintenance_20260624_001500_9");
            default -> plan.put(field, "x");
        }
        if (recompute) {
            plan.remove("checksum");
            if (field.equals("content")) {
                plan.put("content_sha256", Sha256.hex(plan.get("content").asText().getBytes(StandardCharsets.UTF_8)));
            }
            plan.put("checksum", Sha256.hex(ReportJson.pretty(plan).getBytes(StandardCharsets.UTF_8)));
        }
        Files.writeString(planFile, ReportJson.pretty(plan));
        Map<String, String> before = ws.dataFingerprint();

        RunReport applied = runner.run(RunRequest.builder().apply().plan(preview.reportId()).build());
        assertThat(applied.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(applied.errors()).singleElement().asString().contains("refused, nothing was written");
        assertThat(ws.dataFingerprint()).isEqualTo(before);
    }

    @Test
    void retentionKeepsTheNewestThirtyAndEachRollbackRestoresTheVersionBeforeIt() {
        MaintenanceRunner runner = builder().keepBackups(30).build();
        List<byte[]> versions = new ArrayList<>();
        List<String> backupIds = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            versions.add(ws.readData("hsi_constituents.csv"));
            hsi.answer(Rows.hkexCodes(71 + i));
            RunReport applied = runner.run(RunRequest.builder().task("hsi_constituents").apply().build());
            assertThat(only(applied).status()).as(applied.toString()).isIn(TaskStatus.SUCCESS, TaskStatus.WARNING);
            backupIds.add(only(applied).detail().backupId());
        }
        assertThat(new HashSet<>(backupIds)).hasSize(35);
        List<Backup> kept = runner.backups(Optional.of("hsi_constituents"));
        List<String> newestThirty = new ArrayList<>(backupIds.subList(5, 35));
        java.util.Collections.reverse(newestThirty);
        assertThat(kept).extracting(Backup::id).containsExactlyElementsOf(newestThirty);
        for (Backup backup : kept) { // each holds the version its apply replaced
            assertThat(backup.path()).hasBinaryContent(versions.get(backupIds.indexOf(backup.id())));
        }
        RunReport rolledBack = runner.rollback("hsi_constituents", backupIds.get(5)); // the oldest kept
        assertThat(rolledBack.status()).as(rolledBack.toString()).isIn(TaskStatus.SUCCESS, TaskStatus.WARNING);
        assertThat(ws.readData("hsi_constituents.csv")).isEqualTo(versions.get(5));
        assertThat(runner.backups(Optional.of("hsi_constituents")).get(0).id())
                .isEqualTo(only(rolledBack).detail().backupId()); // the rollback's own backup survived
    }

    @Test
    void anUnwritableReportsDirectoryRefusesTheApplyWithDataUntouched() throws Exception {
        Path blocked = ws.root().resolve("not-a-dir");
        Files.writeString(blocked, "a file where the reports directory should be");
        MaintenanceRunner runner = builder().reportsDir(blocked.resolve("reports")).build();
        Map<String, String> before = ws.dataFingerprint();
        RunReport report = runner.run(RunRequest.builder().task("hsi_constituents").apply().build());
        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.results()).isEmpty();
        assertThat(report.errors()).singleElement().asString().contains("cannot be written").contains("no file was changed");
        assertThat(ws.dataFingerprint()).isEqualTo(before);
    }

    @Test
    void aFailureBetweenReplaceAndReportLeavesARecordTheNextRunMarksInterrupted() throws Exception {
        AtomicBoolean replaced = new AtomicBoolean();
        MaintenanceRunner faulty = builder().faultHook((step, path) -> {
            if (step.equals("rename") && path.equals(ws.dataFile("hsi_constituents.csv"))) {
                replaced.set(true);
            } else if (replaced.get() && path.startsWith(ws.reportsDir()) && path.toString().endsWith(".json")) {
                throw new IOException("disk full (injected)");
            }
        }).build();
        byte[] old = ws.readData("hsi_constituents.csv");
        RunReport crashed = faulty.run(RunRequest.builder().task("hsi_constituents").apply().build());
        assertThat(crashed.errors()).anyMatch(e -> e.contains("the report could not be written"));
        byte[] now = ws.readData("hsi_constituents.csv");
        assertThat(now).isNotEqualTo(old);
        RunReport onDisk = faulty.report(crashed.reportId()).orElseThrow();
        assertThat(onDisk.status()).isEqualTo(TaskStatus.IN_PROGRESS);

        MaintenanceRunner next = builder().build();
        RunReport after = next.run(RunRequest.builder().task("hsi_constituents").apply().build());
        assertThat(after.detail().interruptedRuns()).containsExactly(crashed.reportId());
        assertThat(after.warnings()).anyMatch(w -> w.contains(crashed.reportId()) && w.contains("hsi_constituents.csv"));
        RunReport marked = next.report(crashed.reportId()).orElseThrow();
        assertThat(marked.status()).isEqualTo(TaskStatus.INTERRUPTED);
        assertThat(marked.detail().replacedFiles()).singleElement().asString()
                .endsWith("hsi_constituents.csv");
        assertThat(marked.errors()).anyMatch(e -> e.contains("interrupted"));
    }

    @Test
    void aBackupKeepsTheModeOfTheFileItCopies() throws Exception {
        Path file = ws.dataFile("hsi_constituents.csv");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        RunReport applied = builder().build().run(RunRequest.builder().task("hsi_constituents").apply().build());
        Path backup = Path.of(only(applied).detail().backup());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aSymlinkedDataFileIsWrittenThroughAndStaysALink() throws Exception {
        Path elsewhere = Files.createDirectories(ws.root().resolve("shared-data"));
        Path real = elsewhere.resolve("hsi.csv");
        Path link = ws.dataFile("hsi_constituents.csv");
        Files.move(link, real);
        Files.createSymbolicLink(link, real);
        RunReport applied = builder().build().run(RunRequest.builder().task("hsi_constituents").apply().build());
        assertThat(only(applied).detail().written()).isTrue();
        assertThat(only(applied).detail().asConstituent().orElseThrow().writtenThroughLink())
                .isEqualTo(real.toRealPath().toString());
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("Hong Kong Co 1");
        try (var left = Files.list(elsewhere)) {
            assertThat(left).containsExactly(real); // no temp file left beside the target
        }
    }
}
