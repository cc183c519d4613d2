package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Apply exactly what was previewed, or refuse clearly and change nothing. */
class PlanApplyTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final MutableClock clock = MutableClock.at("2026-06-24T00:15:00Z");
    private final FakeSource source = FakeSource.returning("hsi", Rows.hkexCodes(80));
    // Synthetic rows replace the real members wholesale; churn has its own tests (ChurnValidatorTest).
    private final MaintenanceRunner runner = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
            .clock(clock).progressListener(m -> { }).source(source).build();

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    private RunReport preview() {
        RunReport preview = runner.run(RunRequest.dryRun("hsi_constituents"));
        clock.advance(Duration.ofMinutes(5));
        return preview;
    }

    private RunReport applyPlan(String planId) {
        return runner.run(RunRequest.builder().apply().plan(planId).build());
    }

    private static TaskResult only(RunReport report) {
        assertThat(report.results()).hasSize(1);
        return report.results().get(0);
    }

    @Test
    void aDryRunSavesItsPlanNextToTheReport() {
        RunReport preview = preview();
        assertThat(ws.reportsDir().resolve(preview.reportId() + ".hsi_constituents.plan.json")).exists();
        assertThat(only(preview).detail().asConstituent().orElseThrow().planId()).isEqualTo(preview.reportId());
    }

    @Test
    void applyingAPlanWritesExactlyThePreviewWithoutFetchingEvenWhenTheSourceNowSaysOtherwise() {
        RunReport preview = preview();
        source.answer(Rows.hkexCodes(75));
        int fetchesBefore = source.calls();

        RunReport applied = applyPlan(preview.reportId());
        assertThat(applied.status()).as(applied.toString()).isIn(TaskStatus.SUCCESS, TaskStatus.WARNING);
        assertThat(source.calls()).isEqualTo(fetchesBefore);
        assertThat(only(applied).afterCount()).isEqualTo(80);
        assertThat(only(applied).added()).isEqualTo(only(preview).added());
        assertThat(only(applied).removed()).isEqualTo(only(preview).removed());
        assertThat(new String(ws.readData("hsi_constituents.csv")).lines().count()).isEqualTo(81);
    }

    @Test
    void aStalePlanIsRefusedAndChangesNothing() throws Exception {
        RunReport preview = preview();
        Files.writeString(ws.dataFile("hsi_constituents.csv"), Files.readString(ws.dataFile("hsi_constituents.csv")) + "");
        Files.write(ws.dataFile("hsi_constituents.csv"), (new String(ws.readData("hsi_constituents.csv"))
                .replace("HSBC Holdings plc", "HSBC Holdings")).getBytes());
        Map<String, String> before = ws.dataFingerprint();
        RunReport applied = applyPlan(preview.reportId());
        assertThat(applied.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(applied.results()).isEmpty();
        assertThat(applied.errors()).singleElement().asString()
                .contains("hsi_constituents: stale plan: the file changed since the preview");
        assertThat(ws.dataFingerprint()).isEqualTo(before);
    }

    @Test
    void anExpiredPlanIsRefused() {
        RunReport preview = preview();
        clock.advance(Duration.ofHours(25));
        Map<String, String> before = ws.dataFingerprint();
        RunReport applied = applyPlan(preview.reportId());
        assertThat(applied.errors()).singleElement().asString().contains("older than the 24 h allowed");
        assertThat(ws.dataFingerprint()).isEqualTo(before);
    }

    @Test
    void aPlanThatFailedValidationIsRefused() {
        source.answer(Rows.hkexCodes(10));
        RunReport preview = preview();
        assertThat(only(preview).status()).isEqualTo(TaskStatus.FAILED);
        RunReport applied = applyPlan(preview.reportId());
        assertThat(only(applied).errors()).singleElement().asString().contains("failed validation when it was previewed");
    }

    @Test
    void aMissingPlanIsAClearError() {
        RunReport applied = applyPlan("maintenance_20200101_000000");
        assertThat(applied.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(applied.errors()).singleElement().asString().contains("no plan 'maintenance_20200101_000000'");
    }

    @Test
    void anAlteredPlanIsRefused() throws Exception {
        RunReport preview = preview();
        Path plan = ws.reportsDir().resolve(preview.reportId() + ".hsi_constituents.plan.json");
        Files.writeString(plan, Files.readString(plan).replace("Hong Kong Co 1,", "Hong Kong Co 1 (edited),"));
        RunReport applied = applyPlan(preview.reportId());
        assertThat(applied.errors()).singleElement().asString().contains("does not match its checksum");
    }

    @Test
    void aPlanCannotBeAppliedToATaskWithoutPlans() {
        RunReport preview = preview();
        RunReport applied = runner.run(RunRequest.builder().task("metadata_validation").apply().plan(preview.reportId())
                .build());
        assertThat(applied.errors()).singleElement().asString().contains("task metadata_validation has no plans");
    }
}
