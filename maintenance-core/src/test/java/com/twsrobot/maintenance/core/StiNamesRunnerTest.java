package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.Reports;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23's name check through the runner, on the real STI file: 3 of 30 company names rewritten pass (each
 * still listed old → new), 4 warn, 11 fail and write nothing.
 */
class StiNamesRunnerTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    // Wednesday 00:15 UTC: NYSE has closed, SGX and HKEX have not opened, so no market-open warning.
    private final MutableClock clock = MutableClock.at("2026-06-24T00:15:00Z");

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    @ParameterizedTest
    @CsvSource({"3,SUCCESS", "4,WARNING", "11,FAILED"})
    void rewrittenNamesAreJudgedByHowMany(int n, TaskStatus expected) throws Exception {
        List<ConstituentRow> rows = new ArrayList<>(ConstituentFileFixtures.currentSti());
        for (int i = 0; i < n; i++) {
            ConstituentRow r = rows.get(i);
            rows.set(i, ConstituentRow.of(r.symbol(), r.displaySymbol(), "Rewritten Name " + i, r.sector(), r.subIndustry()));
        }
        Map<String, String> before = ws.dataFingerprint();
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).progressListener(m -> { }).discover(false).indexes(TestIndexes.ALL)
                .source(FakeSource.returning("sti", rows)).build();

        RunReport report = runner.run(RunRequest.builder().task("sti_constituents").apply().build());

        TaskResult result = report.results().get(0);
        assertThat(result.status()).as(result.toString()).isEqualTo(expected);
        assertThat(result.detail().asConstituent().orElseThrow().changedRows()).hasSize(n);
        if (expected == TaskStatus.SUCCESS) {
            assertThat(Reports.codes(result)).doesNotContain(NoticeCode.NAME_CHANGE);
        } else {
            assertThat(Reports.notice(result, NoticeCode.NAME_CHANGE).message()).contains(n + " of 30 kept members");
        }
        if (expected == TaskStatus.FAILED) {
            assertThat(ws.dataFingerprint()).isEqualTo(before);
        } else {
            assertThat(ws.dataFingerprint()).isNotEqualTo(before);
        }
    }
}
