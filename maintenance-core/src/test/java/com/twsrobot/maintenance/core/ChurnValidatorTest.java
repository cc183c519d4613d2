package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.constituents.ConstituentFile;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Membership churn on the real S&P 500 file: a stale page with the right count no longer sails through. */
class ChurnValidatorTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final MutableClock clock = MutableClock.at("2026-06-30T02:00:00Z");

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    /** The real current members with the first {@code n} replaced by made-up ones: the count stays 503. */
    private static List<ConstituentRow> swapped(int n) throws Exception {
        List<ConstituentRow> rows = new ArrayList<>(ConstituentFile.parse(
                Fixtures.currentConstituents("sp500_constituents.csv"), "fixture").table().rows());
        for (int i = 0; i < n; i++) {
            ConstituentRow old = rows.get(i);
            String symbol = "ZZ" + (char) ('A' + i / 26) + (char) ('A' + i % 26);
            rows.set(i, ConstituentRow.of(symbol, "Made Up Co " + i, old.sector(), old.subIndustry()));
        }
        return rows;
    }

    private RunReport apply(List<ConstituentRow> rows, boolean allowLargeChange) {
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).progressListener(m -> { }).discover(false).indexes(com.twsrobot.maintenance.core.TestIndexes.ALL)
                .source(FakeSource.returning("sp500", rows)).build();
        return runner.run(RunRequest.builder().task("sp500_constituents").apply().allowLargeChange(allowLargeChange)
                .build());
    }

    private static TaskResult only(RunReport report) {
        assertThat(report.results()).hasSize(1);
        return report.results().get(0);
    }

    @Test
    void aStalePageReplacing85Of503FailsNamingTheChurnAndWritesNothing() throws Exception {
        Map<String, String> before = ws.dataFingerprint();
        TaskResult result = only(apply(swapped(85), false));
        assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(result.validation().errors()).anySatisfy(e -> assertThat(e)
                .startsWith("membership churn: 85 of 503 symbols replaced (16.9%: +85 / -85)")
                .contains("added ZZAA, ZZAB", "removed A, AAPL", "above the 10% failure threshold",
                        "--allow-large-change"));
        assertThat(result.validation().errors()).noneMatch(e -> e.startsWith("count changes")); // the count did not move
        assertThat(ws.dataFingerprint()).isEqualTo(before);
    }

    @Test
    void aLargeChangeExplicitlyAllowedOnlyWarns() throws Exception {
        TaskResult result = only(apply(swapped(85), true));
        assertThat(result.status()).isEqualTo(TaskStatus.WARNING);
        assertThat(result.validation().warnings()).anySatisfy(w -> assertThat(w).contains("membership churn: 85 of 503")
                .contains("accepted because a large change was explicitly allowed"));
    }

    @Test
    void threeSwappedSymbolsPassWithTheDiffListedAndTwelveMoreWarn() throws Exception {
        TaskResult three = only(apply(swapped(3), false));
        assertThat(three.status()).as(three.toString()).isIn(TaskStatus.SUCCESS, TaskStatus.WARNING);
        assertThat(three.validation().warnings()).noneMatch(w -> w.contains("churn"));
        assertThat(three.added()).extracting(c -> c.symbol()).containsExactly("ZZAA", "ZZAB", "ZZAC");
        assertThat(three.removed()).hasSize(3);
        assertThat(three.detail().written()).isTrue();

        TaskResult fifteen = only(apply(swapped(15), false)); // against the file just written: 12 more replaced
        assertThat(fifteen.validation().warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("membership churn: 12 of 503 symbols replaced").contains("above the 2% warning threshold"));
        assertThat(fifteen.detail().written()).isTrue();
    }

    @Test
    void aSectorSchemeChangeForMoreThanAFifthOfTheMembersWarns() throws Exception {
        List<ConstituentRow> rows = new ArrayList<>(ConstituentFile.parse(
                Fixtures.currentConstituents("sp500_constituents.csv"), "fixture").table().rows());
        for (int i = 0; i < 150; i++) {
            ConstituentRow r = rows.get(i);
            rows.set(i, ConstituentRow.of(r.symbol(), r.security(), "New Scheme " + (i % 5), r.subIndustry()));
        }
        TaskResult result = only(apply(rows, false));
        assertThat(result.validation().warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("the sector changes for 150 of 503 members"));
        assertThat(result.detail().asConstituent().orElseThrow().changedRows().toString()).contains("field=sector");
    }
}
