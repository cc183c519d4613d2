package com.twsrobot.maintenance.examples;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A host's own tests, written with the testkit. */
class EmbeddedHostTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final MutableClock clock = MutableClock.at("2026-06-24T00:15:00Z");

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    private MaintenanceRunner runner(FakeSource source) {
        // Synthetic rows replace the real members wholesale; churn has its own tests (ChurnValidatorTest).
        return MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir()).clock(clock)
                .progressListener(m -> { }).source(source).build();
    }

    @Test
    void pluginInvalidatorEvictsTheScreenerCacheOnlyAfterASuccessfulApply() {
        ScreenerCache.load("hsi", Set.of("0005.HK"));
        MaintenanceRunner runner = runner(FakeSource.returning("hsi", Rows.hsi(80)));

        runner.run(RunRequest.dryRun("hsi_constituents"));
        assertThat(ScreenerCache.isLoaded("hsi")).as("a dry run leaves caches alone").isTrue();

        RunReport applied = runner.run(RunRequest.builder().task("hsi_constituents").apply().build());
        assertThat(applied.status()).isIn(TaskStatus.SUCCESS, TaskStatus.WARNING);
        assertThat(ScreenerCache.isLoaded("hsi")).isFalse();
        assertThat(applied.results().get(0).detail().get("caches_invalidated").toString()).contains("screener-cache");
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
        RunReport report = runner(FakeSource.returning("sp500", Rows.sp500(500)))
                .run(RunRequest.dryRun(WatchlistCoverageTask.NAME));
        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(TaskStatus.WARNING);
            assertThat(r.warnings()).containsExactly("watchlist symbol NOPE is in no constituent file");
        });
    }

    @Test
    void pluginTaskIsSkippedWithoutAWatchlist() {
        RunReport report = runner(FakeSource.returning("sp500", Rows.sp500(500))).run(RunRequest.dryRun("hygiene"));
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
