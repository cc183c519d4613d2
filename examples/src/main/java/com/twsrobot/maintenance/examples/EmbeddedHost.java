package com.twsrobot.maintenance.examples;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.core.MaintenanceRunner;

import java.nio.file.Path;

/**
 * How a host embeds the runner in-process: build it once, then call {@code run} with a request.
 * Sources, the plug-in task and the cache invalidator on the class path are found automatically.
 *
 * <p>Run: {@code java -cp ... com.twsrobot.maintenance.examples.EmbeddedHost [DATA_DIR] [REPORTS_DIR]} —
 * a dry run of the constituent tasks against the bundled page snapshots.
 */
public final class EmbeddedHost {

    private EmbeddedHost() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        Path reports = Path.of(args.length > 1 ? args[1] : "reports/maintenance");
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(data).reportsDir(reports).build();

        RunReport report = runner.run(RunRequest.builder().task("constituents").snapshot(true).build());
        System.out.println("report " + report.reportId() + ": " + report.status().wireName());
        for (TaskResult r : report.results()) {
            System.out.println("  " + r.task() + " " + r.status().wireName() + " " + r.beforeCount() + " -> "
                    + r.afterCount() + " (+" + r.added().size() + " / -" + r.removed().size() + ")");
        }
    }
}
