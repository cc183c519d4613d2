package com.twsrobot.maintenance.examples;

import com.twsrobot.maintenance.api.Backup;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.testkit.MaintenanceExtension;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.RecordingCacheInvalidator;
import com.twsrobot.maintenance.testkit.RecordingTaskContext;
import com.twsrobot.maintenance.testkit.Reports;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another team's task that writes a file through {@code TaskContext.replaceFile}: it gets the built-in
 * tasks' guarantees — a dry run writes nothing, an apply is checked, backed up, recorded, replaced and
 * invalidated, a refused content leaves the file byte for byte, and a rollback restores a backup.
 */
@ExtendWith(MaintenanceExtension.class)
class ScreenerUniverseTaskTest {

    private TempWorkspace ws;
    private MutableClock clock;
    private final RecordingCacheInvalidator caches = new RecordingCacheInvalidator();

    @BeforeEach
    void setUp(TempWorkspace workspace, MutableClock fixedClock) {
        this.ws = workspace.withConstituents(true);
        this.clock = fixedClock;
    }

    private MaintenanceRunner runner() {
        return MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir()).clock(clock)
                .cacheInvalidator(caches).progressListener(m -> { }).build();
    }

    private String universe() throws Exception {
        return Files.readString(ws.dataFile(ScreenerUniverseTask.FILE), StandardCharsets.UTF_8);
    }

    @Test
    void aDryRunChecksAndWritesNothing(RecordingTaskContext context) {
        TaskResult result = new ScreenerUniverseTask().run(context);
        assertThat(result.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(result.afterCount()).isEqualTo(503 + 30 + 85);
        assertThat(result.detail().written()).isFalse();
        assertThat(result.detail().changed()).isTrue();
        assertThat(ws.dataFile(ScreenerUniverseTask.FILE)).doesNotExist();
        assertThat(context.replaces()).isEmpty();
    }

    @Test
    void theRecordingContextWritesAtomicallyAndRecordsTheReplace() throws Exception {
        RecordingTaskContext context = RecordingTaskContext.apply(ws, clock);
        TaskResult result = new ScreenerUniverseTask().run(context);
        assertThat(result.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(universe()).startsWith("symbol,indexes\n").contains("\nAAPL,sp500\n", "\n0005.HK,hsi\n", "\nD05.SI,sti\n");
        assertThat(context.replaces()).singleElement().satisfies(r -> assertThat(r.oldSha256()).isEmpty());
    }

    @Test
    void anApplyThroughTheRunnerIsBackedUpRecordedInvalidatedAndCanBeRolledBack() throws Exception {
        MaintenanceRunner runner = runner();
        assertThat(runner.registry().taskNames()).contains(ScreenerUniverseTask.NAME);
        RunReport first = runner.run(RunRequest.builder().task(ScreenerUniverseTask.NAME).apply().build());
        Reports.assertStatus(first, TaskStatus.SUCCESS);
        String original = universe();
        assertThat(Reports.only(first).detail().written()).isTrue();
        assertThat(Reports.only(first).detail().backupId()).isNull();
        assertThat(caches.invalidated()).containsExactly(ScreenerUniverseTask.NAME);

        // The STI file loses a member; the next apply backs up the universe it replaces.
        List<String> sti = Files.readAllLines(ws.dataFile("sti_constituents.csv"));
        Files.write(ws.dataFile("sti_constituents.csv"), sti.subList(0, sti.size() - 1));
        clock.advance(Duration.ofMinutes(5));
        RunReport second = runner.run(RunRequest.builder().task(ScreenerUniverseTask.NAME).apply().build());
        TaskResult replaced = Reports.assertStatus(second, TaskStatus.SUCCESS).results().get(0);
        String backupId = replaced.detail().backupId();
        assertThat(universe()).isNotEqualTo(original);
        assertThat(runner.backups(Optional.of(ScreenerUniverseTask.NAME))).extracting(Backup::id).containsExactly(backupId);

        clock.advance(Duration.ofMinutes(5));
        RunReport rollback = runner.rollback(ScreenerUniverseTask.NAME, backupId);
        Reports.assertStatus(rollback, TaskStatus.SUCCESS);
        assertThat(universe()).isEqualTo(original);
        assertThat(Reports.only(rollback).source()).isEqualTo("backup:" + backupId);
        assertThat(runner.backups(Optional.of(ScreenerUniverseTask.NAME))).hasSize(2); // the restore backed up too
    }

    @Test
    void theCliAppliesItListsItsBackupsAndRollsItBack() throws Exception {
        ChildCli.Result applied = ChildCli.run(ws, "run", "--task", ScreenerUniverseTask.NAME, "--apply");
        assertThat(applied.exit()).as(applied.err()).isZero();
        String original = universe();
        List<String> sti = Files.readAllLines(ws.dataFile("sti_constituents.csv"));
        Files.write(ws.dataFile("sti_constituents.csv"), sti.subList(0, sti.size() - 1));
        assertThat(ChildCli.run(ws, "run", "--task", ScreenerUniverseTask.NAME, "--apply").exit()).isZero();

        ChildCli.Result backups = ChildCli.run(ws, "backups", "--task", ScreenerUniverseTask.NAME);
        assertThat(backups.exit()).as(backups.err()).isZero();
        assertThat(backups.out()).contains(ScreenerUniverseTask.FILE);
        String backupId = runner().backups(Optional.of(ScreenerUniverseTask.NAME)).get(0).id();

        ChildCli.Result rollback = ChildCli.run(ws, "rollback", "--task", ScreenerUniverseTask.NAME, "--backup", backupId,
                "--apply");
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        assertThat(universe()).isEqualTo(original);
        assertThat(ChildCli.run(ws, "backups", "--task", "watchlist_coverage").err())
                .contains("no task 'watchlist_coverage' that writes files; known: [", ScreenerUniverseTask.NAME);
    }

    @Test
    void contentTheTasksRuleRefusesLeavesTheFileByteForByte() throws Exception {
        MaintenanceRunner runner = runner();
        Reports.assertStatus(runner.run(RunRequest.builder().task(ScreenerUniverseTask.NAME).apply().build()),
                TaskStatus.SUCCESS);
        Map<String, String> before = ws.dataFingerprint();
        // A context whose task hands it content its own rule refuses: nothing is replaced or backed up.
        var refusing = new com.twsrobot.maintenance.api.MaintenanceTask() {
            @Override
            public String name() {
                return "refusing_writer";
            }

            @Override
            public java.util.Set<Capability> capabilities() {
                return java.util.Set.of(Capability.WRITES_FILES);
            }

            @Override
            public TaskResult run(com.twsrobot.maintenance.api.TaskContext context) {
                TaskResult.Builder result = context.newResult(name());
                try {
                    context.replaceFile(name(), ScreenerUniverseTask.FILE, "not,the,header\n".getBytes(StandardCharsets.UTF_8),
                            ScreenerUniverseTask::problems);
                } catch (java.io.IOException e) {
                    result.error(e.getMessage());
                }
                return result.finish(context.clock().instant());
            }
        };
        MaintenanceRunner withRefusing = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).progressListener(m -> { }).task(refusing).build();
        RunReport report = withRefusing.run(RunRequest.builder().task("refusing_writer").apply().build());
        assertThat(Reports.only(report).errors()).singleElement().asString()
                .contains("screener_universe.csv was left unchanged", "the first line must be 'symbol,indexes'");
        Reports.assertDataUnchanged(ws, before);
    }
}
