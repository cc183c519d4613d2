package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.SourceContext;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.SourceResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.io.RunLock;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RunLockTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final MutableClock clock = MutableClock.at("2026-06-24T00:15:00Z");

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    /** A source that holds the first apply inside the run until the test releases it. */
    private static final class GateSource implements ConstituentSource {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final FakeSource inner = FakeSource.returning("hsi", Rows.hkexCodes(80));

        @Override
        public String index() {
            return "hsi";
        }

        @Override
        public String defaultUrl() {
            return inner.defaultUrl();
        }

        @Override
        public SourceResult fetch(SourceContext context) throws SourceException {
            entered.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return inner.fetch(context);
        }
    }

    @Test
    void aSecondApplyIsRefusedAtOnceNamingTheHolderAndADryRunIsNotBlocked() throws Exception {
        GateSource gate = new GateSource();
        // Synthetic rows replace the real members wholesale; churn has its own tests (ChurnValidatorTest).
        MaintenanceRunner runner = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).progressListener(m -> { }).source(gate)
                .source(FakeSource.returning("sti", Rows.sgxCodes(30))).build();
        CompletableFuture<RunReport> first = CompletableFuture.supplyAsync(
                () -> runner.run(RunRequest.builder().task("hsi_constituents").apply().build()));
        assertThat(gate.entered.await(20, TimeUnit.SECONDS)).isTrue();

        RunReport second = runner.run(RunRequest.builder().task("sti_constituents").apply().build());
        assertThat(second.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(second.refusedByLock()).isTrue();
        assertThat(second.results()).isEmpty();
        assertThat(second.errors()).singleElement().asString()
                .contains("another maintenance run holds").contains(".maintenance.lock")
                .contains("pid " + ProcessHandle.current().pid()).contains("hsi_constituents").contains("since 2026-06-24");

        RunReport preview = runner.run(RunRequest.dryRun("sti_constituents"));
        assertThat(preview.refusedByLock()).isFalse();

        gate.release.countDown();
        assertThat(first.get(20, TimeUnit.SECONDS).status()).isIn(TaskStatus.SUCCESS, TaskStatus.WARNING);
        RunReport third = runner.run(RunRequest.builder().task("sti_constituents").apply().build());
        assertThat(third.refusedByLock()).isFalse();
    }

    @Test
    void aLeftoverLockFileAloneNeverBlocks() throws Exception {
        Files.writeString(ws.dataFile(RunLock.FILE_NAME), "pid 99999 on elsewhere, run of [x], since 2020-01-01T00:00:00Z\n");
        MaintenanceRunner runner = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).progressListener(m -> { }).source(FakeSource.returning("hsi", Rows.hkexCodes(80))).build();
        RunReport report = runner.run(RunRequest.builder().task("hsi_constituents").apply().build());
        assertThat(report.refusedByLock()).isFalse();
        assertThat(report.status()).isIn(TaskStatus.SUCCESS, TaskStatus.WARNING);
    }

    @Test
    void leftoverTempFilesFromACrashAreRemovedAndReported() throws Exception {
        String leftover = ".hsi_constituents.csv.0b7e5d1c-2f3a-4b5c-8d9e-0a1b2c3d4e5f.tmp";
        Files.writeString(ws.dataFile(leftover), "half a file");
        MaintenanceRunner runner = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).progressListener(m -> { }).source(FakeSource.returning("hsi", Rows.hkexCodes(80))).build();
        RunReport report = runner.run(RunRequest.builder().task("hsi_constituents").apply().build());
        assertThat(ws.dataFile(leftover)).doesNotExist();
        assertThat(report.detail().removedTempFiles().toString()).contains(leftover);
        assertThat(report.warnings()).anyMatch(w -> w.contains("left by an interrupted run"));
    }
}
