package com.twsrobot.maintenance.examples;

import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.core.MaintenanceRunner;

import java.nio.file.Path;
import java.time.Clock;

/** The README's embedding snippet ("Embedding the runner in a host"), compiled and run by the build. */
public final class ReadmeEmbedding {

    private ReadmeEmbedding() {
    }

    /** A runner over the host's data; after each replaced file the screener drops its cached universe. */
    public static MaintenanceRunner runner(Path dataDir, Path reportsDir) {
        return MaintenanceRunner.builder()
                .dataDir(dataDir)                                  // the constituent CSVs, backups, event store
                .reportsDir(reportsDir)                            // a JSON and a Markdown report per run
                .clock(Clock.systemUTC())
                .cacheInvalidator(index -> ScreenerCache.evict(index))  // or register one via META-INF/services
                .build();
    }

    /** Previews, then applies exactly what the preview proposed (its plan); a failed preview writes nothing. */
    public static RunReport previewThenApply(MaintenanceRunner runner, RunRequest preview) {
        RunReport dryRun = runner.run(preview);                    // e.g. RunRequest.dryRun("constituents")
        if (dryRun.status().isFailure()) {
            return dryRun;                                         // read dryRun.reportId()'s report; nothing changed
        }
        return runner.run(RunRequest.builder().mode(RunMode.applyPlan(dryRun.reportId())).build());
    }
}
