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
 * each answer after {@code PAGE_DELAY_MS}. Prints the first run in this fresh JVM, the median of the
 * {@code WARM_RUNS} runs after it, and the median of {@code WARM_RUNS} more after another 10 (the JIT's
 * steady state), in seconds: {@code first 1.234 warm 1.056 steady 1.040}.
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
            double warm = median(runner, warmRuns);
            for (int i = 0; i < STEADY_AFTER; i++) {
                timed(runner); // the JIT finishes compiling the parser and the validators
            }
            double steady = median(runner, warmRuns);
            System.out.printf(java.util.Locale.ROOT, "first %.3f warm %.3f steady %.3f%n", first, warm, steady);
        }
    }

    /** Runs left out between the warm and the steady-state figures. */
    private static final int STEADY_AFTER = 10;

    private static double median(MaintenanceRunner runner, int runs) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(timed(runner));
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
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
