package com.twsrobot.maintenance.examples;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.MaintenanceExtension;
import com.twsrobot.maintenance.testkit.RecordingTaskContext;
import com.twsrobot.maintenance.testkit.Reports;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A host's own tests, written with the testkit: its JUnit 5 extension supplies the workspace and clock. */
@ExtendWith(MaintenanceExtension.class)
class EmbeddedHostTest {

    private TempWorkspace ws;
    private MutableClock clock;

    @BeforeEach
    void setUp(TempWorkspace workspace, MutableClock fixedClock) {
        this.ws = workspace.withConstituents(true);
        this.clock = fixedClock;
    }

    @Test
    void theCoverageTaskTestedDirectlyWithTheRecordingContext(RecordingTaskContext context) throws Exception {
        Files.writeString(ws.dataFile("watchlist.txt"), "AAPL\n0005.HK\nZZZZ\n");
        TaskResult result = new WatchlistCoverageTask().run(context);
        assertThat(result.status()).isEqualTo(TaskStatus.WARNING);
        assertThat(result.warnings()).containsExactly("watchlist symbol ZZZZ is in no constituent file");
        assertThat(result.notices()).singleElement().satisfies(n -> assertThat(n.symbol()).isEqualTo("ZZZZ"));
        assertThat(result.dryRun()).isTrue();
        assertThat(result.finishedAt()).isEqualTo(clock.instant());
        assertThat(context.replaces()).isEmpty(); // it reads only
    }

    private MaintenanceRunner runner(FakeSource source) {
        // Synthetic rows replace the real members wholesale; churn has its own tests (ChurnValidatorTest).
        return MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir()).clock(clock)
                .progressListener(m -> { }).source(source).build();
    }

    @Test
    void pluginInvalidatorEvictsTheScreenerCacheOnlyAfterASuccessfulApply() {
        ScreenerCache.load("hsi", Set.of("0005.HK"));
        MaintenanceRunner runner = runner(FakeSource.returning("hsi", Rows.hkexCodes(80)));

        runner.run(RunRequest.dryRun("hsi_constituents"));
        assertThat(ScreenerCache.isLoaded("hsi")).as("a dry run leaves caches alone").isTrue();

        RunReport applied = Reports.assertStatus(runner.run(RunRequest.builder().task("hsi_constituents").apply().build()),
                TaskStatus.SUCCESS, TaskStatus.WARNING);
        assertThat(ScreenerCache.isLoaded("hsi")).isFalse();
        assertThat(com.twsrobot.maintenance.core.report.TaskDetails.toMap(applied.results().get(0).detail()).get("caches_invalidated").toString()).contains("screener-cache");
    }

    @Test
    void pluginInvalidatorIsNotCalledWhenTheSourceFails() {
        ScreenerCache.load("sti", Set.of("D05.SI"));
        runner(FakeSource.failing("sti", "offline")).run(RunRequest.builder().task("sti_constituents").apply().build());
        assertThat(ScreenerCache.isLoaded("sti")).isTrue();
    }

    @Test
    void pluginTaskIsDiscoveredAndWarnsAboutUncoveredWatchlistSymbols() throws Exception {
        Files.writeString(ws.dataFile("watchlist.txt"), "AAPL\nD05.SI\nNOPE\n");
        RunReport report = runner(FakeSource.returning("sp500", Rows.usTickers(500)))
                .run(RunRequest.dryRun(WatchlistCoverageTask.NAME));
        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(TaskStatus.WARNING);
            assertThat(r.warnings()).containsExactly("watchlist symbol NOPE is in no constituent file");
        });
    }

    @Test
    void pluginTaskIsSkippedWithoutAWatchlist() {
        RunReport report = runner(FakeSource.returning("sp500", Rows.usTickers(500))).run(RunRequest.dryRun("hygiene"));
        assertThat(report.status()).isEqualTo(TaskStatus.SKIPPED);
    }

    @Test
    void embeddedHostMainRunsADryRunAgainstTheSnapshots() {
        var before = ws.dataFingerprint();
        EmbeddedHost.main(new String[]{ws.dataDir().toString(), ws.reportsDir().toString()});
        assertThat(ws.dataFingerprint()).isEqualTo(before);
        assertThat(ws.reportsDir().toFile().list()).anyMatch(n -> n.endsWith(".json"));
    }
}
