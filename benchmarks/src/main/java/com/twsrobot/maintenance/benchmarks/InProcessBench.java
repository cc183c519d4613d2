package com.twsrobot.maintenance.benchmarks;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.FixtureServer.Response;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.TempWorkspace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A host's runner in-process: a dry run of the three constituent tasks against loopback sources that
 * each answer after {@code PAGE_DELAY_MS}. Prints the first run in this fresh JVM and the median of
 * {@code WARM_RUNS} runs after it, in seconds: {@code first 1.234 warm 1.056}.
 *
 * <p>Usage: {@code InProcessBench PAGE_DELAY_MS WARM_RUNS}
 */
public final class InProcessBench {

    private InProcessBench() {
    }

    public static void main(String[] args) throws Exception {
        Duration delay = Duration.ofMillis(Long.parseLong(args[0]));
        int warmRuns = Integer.parseInt(args[1]);
        try (TempWorkspace ws = TempWorkspace.create().withConstituents(true); FixtureServer server = FixtureServer.start()) {
            for (String index : new String[]{"sp500", "sti", "hsi"}) {
                server.script("/" + index, Response.html(Fixtures.page("wikipedia_" + index + ".html")).delayed(delay));
            }
            MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                    .progressListener(m -> { }).sourceUrl("sp500", server.url("/sp500")).sourceUrl("sti", server.url("/sti"))
                    .sourceUrl("hsi", server.url("/hsi")).build();
            double first = timed(runner);
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < warmRuns; i++) {
                warm.add(timed(runner));
            }
            Collections.sort(warm);
            System.out.printf(java.util.Locale.ROOT, "first %.3f warm %.3f%n", first, warm.get(warm.size() / 2));
        }
    }

    private static double timed(MaintenanceRunner runner) {
        long t0 = System.nanoTime();
        RunReport report = runner.run(RunRequest.dryRun("constituents"));
        if (report.status().isFailure()) {
            throw new IllegalStateException("the benchmark run failed: " + report.errors() + " " + report.results());
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
