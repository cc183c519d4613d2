package com.twsrobot.maintenance.core.schedule;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.Trigger;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.constituents.ConstituentFile;
import com.twsrobot.maintenance.core.report.ReportFilter;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Scheduled dry runs at a fixed clock: each slot once, a missed one once, and when-clean applies only clean plans. */
class ScheduledRunsTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    // Wednesday 00:15 UTC: NYSE has closed, SGX and HKEX have not opened, so no market-open warning.
    private final MutableClock clock = MutableClock.at("2026-06-24T00:15:00Z");
    private final FakeSource sti = FakeSource.returning("sti", Rows.sgxCodes(30));

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    private MaintenanceRunner runner(double warnChange) {
        // Synthetic rows replace the real members wholesale; churn has its own tests (ChurnValidatorTest).
        return MaintenanceRunner.builder().churnThresholds(null, 1, 1).changeThresholds(warnChange, 0.9)
                .dataDir(ws.dataDir()).reportsDir(ws.reportsDir()).clock(clock).progressListener(m -> { })
                .discover(false).indexes(com.twsrobot.maintenance.core.TestIndexes.ALL).source(sti).build();
    }

    private static ScheduleSettings daily(boolean whenClean) {
        return new ScheduleSettings(Schedule.parse("daily 00:10 UTC").orElseThrow(), whenClean, List.of("sti_constituents"));
    }

    private static ScheduledRuns scheduled(MaintenanceRunner runner, ScheduleSettings settings) {
        return ScheduledRuns.of(runner, settings, request -> Optional.of(runner.run(request)));
    }

    private List<RunReport> reports(MaintenanceRunner runner) {
        return runner.recentReports(100);
    }

    @Test
    void theFirstStartRecordsWhereTheScheduleBeginsThenEachSlotRunsOnceAsADryRun() throws Exception {
        MaintenanceRunner runner = runner(0.1);
        ScheduledRuns runs = scheduled(runner, daily(false));
        Map<String, String> before = ws.dataFingerprint();

        assertThat(runs.runDue()).isEmpty();
        assertThat(runs.lastRun()).hasValue(Instant.parse("2026-06-24T00:10:00Z"));
        assertThat(runs.nextDue()).isEqualTo(Instant.parse("2026-06-25T00:10:00Z"));
        assertThat(runs.runDue()).isEmpty();
        assertThat(reports(runner)).isEmpty();

        clock.set(Instant.parse("2026-06-25T00:10:20Z"));
        ScheduledRuns.Outcome outcome = runs.runDue().orElseThrow();
        assertThat(outcome.slot()).isEqualTo(Instant.parse("2026-06-25T00:10:00Z"));
        RunReport dry = outcome.dryRun().orElseThrow();
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.detail().trigger()).isEqualTo(Trigger.schedule().wireName());
        assertThat(dry.results()).extracting(r -> r.task()).containsExactly("sti_constituents");
        assertThat(outcome.apply()).isEmpty();
        assertThat(outcome.note()).contains("kept for review");
        // The plan is kept for review, the data untouched, and the markdown report names the trigger.
        assertThat(ws.reportsDir().resolve(dry.reportId() + ".sti_constituents.plan.json")).exists();
        assertThat(ws.dataFingerprint()).isEqualTo(before);
        assertThat(runner.reportMarkdown(dry.reportId()).orElseThrow()).contains("- Trigger: schedule");

        assertThat(runs.runDue()).isEmpty();
        clock.set(Instant.parse("2026-06-25T23:00:00Z"));
        assertThat(runs.runDue()).isEmpty();
        assertThat(reports(runner)).hasSize(1);
    }

    @Test
    void slotsMissedWhileTheServerWasDownRunOnceAtTheNextStartNeverInABurst() throws Exception {
        MaintenanceRunner runner = runner(0.1);
        scheduled(runner, daily(false)).runDue(); // Wednesday: the schedule begins
        // The server is down from Wednesday to Saturday: three slots pass.
        clock.set(Instant.parse("2026-06-27T08:00:00Z"));
        ScheduledRuns restarted = scheduled(runner, daily(false));
        ScheduledRuns.Outcome outcome = restarted.runDue().orElseThrow();
        assertThat(outcome.slot()).isEqualTo(Instant.parse("2026-06-27T00:10:00Z"));
        assertThat(restarted.runDue()).isEmpty();
        assertThat(scheduled(runner, daily(false)).runDue()).isEmpty(); // and again after another restart
        assertThat(reports(runner)).hasSize(1);
        assertThat(reports(runner).get(0).detail().trigger()).isEqualTo("schedule");
    }

    @Test
    void whenCleanAppliesAPlanWhoseValidationPassedWithNoWarnings() throws Exception {
        // A clean change: the real members kept and one added (a removal nothing explains would warn).
        List<ConstituentRow> rows = new ArrayList<>(ConstituentFile.parse(
                Fixtures.currentConstituents("sti_constituents.csv"), "sti").table().rows());
        rows.addAll(Rows.sgxCodes(1));
        sti.answer(rows);
        MaintenanceRunner runner = runner(0.1);
        ScheduledRuns runs = scheduled(runner, daily(true));
        runs.runDue();
        byte[] before = ws.readData("sti_constituents.csv");
        clock.set(Instant.parse("2026-06-25T00:10:20Z"));

        ScheduledRuns.Outcome outcome = runs.runDue().orElseThrow();
        RunReport dry = outcome.dryRun().orElseThrow();
        assertThat(dry.status()).as(dry.toString()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(dry.warningCount()).isZero();
        RunReport apply = outcome.apply().orElseThrow();
        assertThat(apply.dryRun()).isFalse();
        assertThat(apply.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(apply.results().get(0).detail().asConstituent().orElseThrow().planId()).isEqualTo(dry.reportId());
        assertThat(apply.detail().trigger()).isEqualTo("schedule");
        assertThat(apply.detail().mode()).isEqualTo("APPLY of plan " + dry.reportId());
        assertThat(apply.detail().scheduleApply()).contains("when-clean", dry.reportId(), "no warnings");
        assertThat(outcome.note()).contains("applied plan " + dry.reportId());
        assertThat(ws.readData("sti_constituents.csv")).isNotEqualTo(before);
        assertThat(new String(ws.readData("sti_constituents.csv")).lines().count()).isEqualTo(32); // header, 30 kept, 1 added
    }

    @Test
    void whenCleanRefusesAPlanWithAWarningAndKeepsItForReview() throws Exception {
        sti.answer(Rows.sgxCodes(26)); // 30 → 26 symbols: a 13 % count change, over the 5 % warning threshold
        MaintenanceRunner runner = runner(0.05);
        ScheduledRuns runs = scheduled(runner, daily(true));
        runs.runDue();
        Map<String, String> before = ws.dataFingerprint();
        clock.set(Instant.parse("2026-06-25T00:10:20Z"));

        ScheduledRuns.Outcome outcome = runs.runDue().orElseThrow();
        RunReport dry = outcome.dryRun().orElseThrow();
        assertThat(dry.warningCount()).isPositive();
        assertThat(outcome.apply()).isEmpty();
        assertThat(outcome.note()).contains("not applied", "warning(s)", "when-clean", dry.reportId());
        assertThat(ws.dataFingerprint()).isEqualTo(before);
        assertThat(ws.reportsDir().resolve(dry.reportId() + ".sti_constituents.plan.json")).exists();
        assertThat(runner.reports(ReportFilter.of(null, null, "apply", 0, 10, runner.registry().taskNames()))).isEmpty();
    }

    @Test
    void aSlotThatFindsAnotherRunUnderWayStaysDueAndRunsAtTheNextTick() throws Exception {
        MaintenanceRunner runner = runner(0.1);
        AtomicBoolean busy = new AtomicBoolean(true);
        ScheduledRuns runs = ScheduledRuns.of(runner, daily(false),
                request -> busy.get() ? Optional.empty() : Optional.of(runner.run(request)));
        runs.runDue();
        clock.set(Instant.parse("2026-06-25T00:10:20Z"));

        ScheduledRuns.Outcome deferred = runs.runDue().orElseThrow();
        assertThat(deferred.dryRun()).isEmpty();
        assertThat(deferred.note()).contains("another run is under way");
        assertThat(runs.lastRun()).hasValue(Instant.parse("2026-06-24T00:10:00Z"));

        busy.set(false);
        clock.set(Instant.parse("2026-06-25T00:10:50Z"));
        assertThat(runs.runDue().orElseThrow().dryRun()).isPresent();
        assertThat(runs.lastRun()).hasValue(Instant.parse("2026-06-25T00:10:00Z"));
    }

    @Test
    void anUnreadableStateFileIsNamedAndNotOverwritten() throws Exception {
        Files.createDirectories(ws.reportsDir());
        Files.writeString(ws.reportsDir().resolve(ScheduledRuns.STATE_FILE), "last_slot=yesterday\n");
        ScheduledRuns runs = scheduled(runner(0.1), daily(false));
        org.assertj.core.api.Assertions.assertThatThrownBy(runs::runDue).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining(ScheduledRuns.STATE_FILE).hasMessageContaining("delete it");
        assertThat(Files.readString(ws.reportsDir().resolve(ScheduledRuns.STATE_FILE))).isEqualTo("last_slot=yesterday\n");
    }
}
