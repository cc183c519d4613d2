package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.Backup;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.io.BackupStore;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.RecordingCacheInvalidator;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RollbackAndRetentionTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final MutableClock clock = MutableClock.at("2026-06-24T00:15:00Z");
    private final FakeSource source = FakeSource.returning("hsi", Rows.hkexCodes(80));
    private final RecordingCacheInvalidator caches = new RecordingCacheInvalidator();

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    private MaintenanceRunnerBuilder builder() {
        // Synthetic rows replace the real members wholesale; churn has its own tests (ChurnValidatorTest).
        return MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir()).clock(clock)
                .progressListener(m -> { }).source(source).cacheInvalidator(caches);
    }

    private RunReport apply(MaintenanceRunner runner, int rows) {
        source.answer(Rows.hkexCodes(rows));
        RunReport report = runner.run(RunRequest.builder().task("hsi_constituents").apply().build());
        clock.advance(Duration.ofMinutes(1));
        return report;
    }

    private static TaskResult only(RunReport report) {
        assertThat(report.results()).hasSize(1);
        return report.results().get(0);
    }

    @Test
    void rollbackRestoresTheNewestBackupThroughTheApplyPath() {
        MaintenanceRunner runner = builder().build();
        byte[] original = Fixtures.currentConstituents("hsi_constituents.csv");
        apply(runner, 80);
        byte[] afterFirst = ws.readData("hsi_constituents.csv");
        apply(runner, 78);
        caches.invalidated();

        RunReport preview = runner.previewRollback("hsi_constituents", RunMode.LATEST_BACKUP);
        String newest = runner.backups(Optional.of("hsi_constituents")).get(0).id();
        // The preview pins "latest" to the id it previewed: its report's mode names it.
        assertThat(RunMode.of(preview)).isEqualTo(RunMode.rollbackPreview(newest));
        assertThat(preview.detail().mode()).isEqualTo("dry run of ROLLBACK to backup " + newest);
        RunReport rolledBack = runner.rollback("hsi_constituents", RunMode.LATEST_BACKUP);
        assertThat(rolledBack.detail().mode()).isEqualTo("ROLLBACK to backup " + newest);
        assertThat(only(rolledBack).status()).as(rolledBack.toString()).isIn(TaskStatus.SUCCESS, TaskStatus.WARNING);
        assertThat(ws.readData("hsi_constituents.csv")).isEqualTo(afterFirst);
        assertThat(only(rolledBack).source()).startsWith("backup:");
        assertThat(only(rolledBack).detail().backup()).isNotNull(); // the replaced file was backed up first
        assertThat(caches.invalidated()).last().isEqualTo("hsi");

        List<Backup> backups = runner.backups(Optional.of("hsi_constituents"));
        assertThat(backups).hasSize(3);
        String oldest = backups.get(backups.size() - 1).id();
        RunReport toOriginal = runner.rollback("hsi_constituents", oldest);
        assertThat(only(toOriginal).detail().asConstituent().orElseThrow().restoredBackup()).isEqualTo(oldest);
        assertThat(ws.readData("hsi_constituents.csv")).isEqualTo(original);
    }

    @Test
    void rollbackToLatestRestoresOnlyWhatItsPreviewShowed() {
        MaintenanceRunner runner = builder().build();
        apply(runner, 80);
        var before = ws.dataFingerprint();
        // Never previewed: refused, naming the newest backup and how to restore it by id.
        String first = runner.backups(Optional.of("hsi_constituents")).get(0).id();
        RunReport unseen = runner.rollback("hsi_constituents", RunMode.LATEST_BACKUP);
        assertThat(unseen.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(unseen.results()).isEmpty();
        assertThat(unseen.errors()).singleElement().asString().contains("no rollback preview of hsi_constituents showed "
                + "its newest backup " + first, "rollback --task hsi_constituents --backup " + first + " --apply");
        assertThat(ws.dataFingerprint()).isEqualTo(before);

        RunReport preview = runner.previewRollback("hsi_constituents", RunMode.LATEST_BACKUP);
        assertThat(RunMode.of(preview)).isEqualTo(RunMode.rollbackPreview(first));
        apply(runner, 78); // a newer backup appears after the preview
        String second = runner.backups(Optional.of("hsi_constituents")).get(0).id();
        assertThat(second).isNotEqualTo(first);
        before = ws.dataFingerprint();
        RunReport stale = runner.rollback("hsi_constituents", RunMode.LATEST_BACKUP);
        assertThat(stale.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(stale.errors()).singleElement().asString().contains("the newest backup of hsi_constituents.csv is now "
                + second + ", not backup " + first + " that rollback preview " + preview.reportId() + " showed",
                "--backup " + first + " --apply");
        assertThat(ws.dataFingerprint()).isEqualTo(before);

        // Named by id, the previewed backup is restored.
        RunReport restored = runner.rollback("hsi_constituents", first);
        assertThat(only(restored).detail().asConstituent().orElseThrow().restoredBackup()).isEqualTo(first);
        assertThat(ws.dataFingerprint()).isNotEqualTo(before);
    }

    @Test
    void rollbackToAnUnknownBackupFailsAndChangesNothing() {
        MaintenanceRunner runner = builder().build();
        var before = ws.dataFingerprint();
        RunReport report = runner.rollback("hsi_constituents", "20000101_000000");
        assertThat(only(report).errors()).singleElement().asString().contains("no backup '20000101_000000'");
        assertThat(ws.dataFingerprint()).isEqualTo(before);
    }

    @Test
    void rollbackOfAFileThatFailsValidationIsRefused() throws Exception {
        MaintenanceRunner runner = builder().build();
        apply(runner, 80);
        Backup newest = runner.backups(Optional.of("hsi_constituents")).get(0);
        Files.writeString(newest.path(), "symbol,display_symbol,security,sector,sub_industry\n0005.HK,0005,HSBC,Finance,\n");
        var before = ws.dataFingerprint();
        RunReport report = runner.rollback("hsi_constituents", newest.id());
        assertThat(only(report).validation().errors()).anyMatch(e -> e.contains("below the minimum of 70"));
        assertThat(ws.dataFingerprint()).isEqualTo(before);
    }

    @Test
    void onlyTheNewestBackupsAreKeptAndTheNewestIsNeverRemoved() {
        MaintenanceRunner runner = builder().keepBackups(2).build();
        for (int rows : new int[]{80, 81, 82, 83}) {
            apply(runner, rows);
        }
        List<Backup> backups = runner.backups(Optional.of("hsi_constituents"));
        assertThat(backups).hasSize(2);
        assertThat(backups.get(0).takenAt()).isAfter(backups.get(1).takenAt());
        RunReport last = apply(runner, 84);
        assertThat(only(last).detail().asConstituent().orElseThrow().prunedBackups()).isNotEmpty();
        assertThat(runner.backups(Optional.of("hsi_constituents"))).hasSize(2);
    }

    @Test
    void reportsAndPlansOlderThanTheRetentionArePruned() {
        MaintenanceRunner runner = builder().keepReportsFor(Duration.ofDays(90)).build();
        RunReport old = runner.run(RunRequest.dryRun("hsi_constituents"));
        assertThat(ws.reportsDir().resolve(old.reportId() + ".hsi_constituents.plan.json")).exists();
        clock.advance(Duration.ofDays(91));
        RunReport recent = runner.run(RunRequest.dryRun("hsi_constituents"));
        RunReport applied = apply(runner, 80);

        assertThat(ws.reportsDir().resolve(old.reportId() + ".json")).doesNotExist();
        assertThat(ws.reportsDir().resolve(old.reportId() + ".md")).doesNotExist();
        assertThat(ws.reportsDir().resolve(old.reportId() + ".hsi_constituents.plan.json")).doesNotExist();
        assertThat(ws.reportsDir().resolve(recent.reportId() + ".json")).exists();
        assertThat(applied.detail().prunedReports()).isNotEmpty();
    }
}
