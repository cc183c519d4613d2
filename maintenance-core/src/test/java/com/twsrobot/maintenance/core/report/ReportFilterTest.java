package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.ReportSummary;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Report history filtered by task, status and mode, and paged. */
class ReportFilterTest {

    private static final Set<String> TASKS = Set.of("sp500_constituents", "hsi_constituents");

    private final TempWorkspace ws = TempWorkspace.create();
    private final MutableClock clock = MutableClock.at("2026-06-24T00:15:00Z");

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    @Test
    void filtersByTaskStatusAndModeNewestFirstAndPages() {
        MaintenanceRunner runner = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir())
                .reportsDir(ws.reportsDir()).clock(clock).progressListener(m -> { }).discover(false).indexes(com.twsrobot.maintenance.core.TestIndexes.ALL)
                .source(FakeSource.returning("sp500", Rows.usTickers(500)))
                .source(FakeSource.failing("hsi", "HKEX answered 502"))
                .source(FakeSource.returning("sti", Rows.sgxCodes(30))).build();
        List<String> ids = new ArrayList<>();
        ids.add(run(runner, RunRequest.dryRun("sp500_constituents")));                          // 0 success, dry run
        ids.add(run(runner, RunRequest.dryRun("hsi_constituents")));                            // 1 failed, dry run
        ids.add(run(runner, RunRequest.builder().task("sp500_constituents").apply().build()));  // 2 apply
        ids.add(run(runner, RunRequest.dryRun("sp500_constituents", "hsi_constituents")));      // 3 partial, dry run
        ids.add(run(runner, RunRequest.dryRun("sti_constituents")));                            // 4 success, dry run

        assertThat(list(runner, ReportFilter.newest(10)))
                .containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        assertThat(list(runner, ReportFilter.of("hsi_constituents", null, null, 0, 10, TASKS)))
                .containsExactly(ids.get(3), ids.get(1));
        // With a task, the status is the task's: hsi failed inside the partially failed run too.
        assertThat(list(runner, ReportFilter.of("hsi_constituents", "failed", null, 0, 10, TASKS)))
                .containsExactly(ids.get(3), ids.get(1));
        // Without one, it is the run's.
        assertThat(list(runner, ReportFilter.of(null, "failed", null, 0, 10, TASKS))).containsExactly(ids.get(1));
        assertThat(list(runner, ReportFilter.of(null, "partial_failure", null, 0, 10, TASKS)))
                .containsExactly(ids.get(3));
        assertThat(list(runner, ReportFilter.of("sp500_constituents", null, "apply", 0, 10, TASKS)))
                .containsExactly(ids.get(2));
        assertThat(list(runner, ReportFilter.of("sp500_constituents", null, "dry_run", 0, 10, TASKS)))
                .containsExactly(ids.get(3), ids.get(0));
        // Pages of two, then the rest.
        assertThat(list(runner, ReportFilter.of(null, null, null, 0, 2, TASKS))).containsExactly(ids.get(4), ids.get(3));
        assertThat(list(runner, ReportFilter.of(null, null, null, 2, 2, TASKS))).containsExactly(ids.get(2), ids.get(1));
        assertThat(list(runner, ReportFilter.of(null, null, null, 4, 2, TASKS))).containsExactly(ids.get(0));
        assertThat(list(runner, ReportFilter.of(null, null, "dry-run", 1, 2, TASKS)))
                .containsExactly(ids.get(3), ids.get(1));
    }

    @Test
    void unknownTaskStatusOrModeIsRefusedListingWhatIsAccepted() {
        assertThatThrownBy(() -> ReportFilter.of("hsi", null, null, 0, 10, TASKS))
                .hasMessageContaining("unknown task 'hsi'").hasMessageContaining("hsi_constituents");
        assertThatThrownBy(() -> ReportFilter.of(null, "ok", null, 0, 10, TASKS))
                .hasMessageContaining("unknown status 'ok'").hasMessageContaining("partial_failure");
        assertThatThrownBy(() -> ReportFilter.of(null, null, "live", 0, 10, TASKS))
                .hasMessageContaining("unknown mode 'live' (dry_run or apply)");
        assertThatThrownBy(() -> ReportFilter.of(null, null, null, -1, 10, TASKS)).hasMessageContaining("offset");
        assertThatThrownBy(() -> ReportFilter.of(null, null, null, 0, 501, TASKS)).hasMessageContaining("limit");
    }

    private String run(MaintenanceRunner runner, RunRequest request) {
        RunReport report = runner.run(request);
        clock.set(clock.instant().plusSeconds(60));
        return report.reportId();
    }

    private static List<String> list(MaintenanceRunner runner, ReportFilter filter) {
        return runner.reports(filter).stream().map(ReportSummary::reportId).toList();
    }
}
