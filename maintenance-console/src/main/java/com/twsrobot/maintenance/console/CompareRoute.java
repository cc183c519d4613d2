package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.constituents.FileVersions;
import com.twsrobot.maintenance.core.report.ReportJson;

import java.util.List;
import java.util.Optional;

/**
 * Two versions of constituent files compared: {@code ?from=…&to=…[&task=…]}, each version a backup id,
 * {@code latest}, {@code current} or a report id; without a task, every constituent task both name.
 */
final class CompareRoute implements ConsoleRoute {

    private final String path;

    CompareRoute(String path) {
        this.path = path;
    }

    @Override
    public RouteSpec spec() {
        return RouteSpec.get(path);
    }

    @Override
    public ConsoleResponse handle(RouteCall call) {
        MaintenanceRunner runner = call.console().runner();
        Optional<String> task = call.query().get("task");
        Optional<String> from = call.query().get("from");
        String to = call.query().getOrDefault("to", MaintenanceRunner.CURRENT_VERSION);
        if (from.isEmpty()) {
            return Answers.error(400, "from is required, e.g. ?task=" + call.console().exampleTask()
                    + "&from=20260624_001500&to=current or ?from=REPORT_ID&to=REPORT_ID");
        }
        for (String id : List.of(from.get(), to)) {
            if (!FileVersions.isVersionName(id)) {
                return Answers.error(400, "'" + id + "' is not a backup id (20260624_001500), a report id, latest or current");
            }
        }
        if (task.isEmpty()) {
            return Answers.json(200, ReportJson.toTree(from.get(), to, runner.compareAll(from.get(), to)));
        }
        try {
            return Answers.json(200, ReportJson.toTree(task.get(), from.get(), to,
                    runner.compareVersions(task.get(), from.get(), to)));
        } catch (IllegalArgumentException e) { // the runner's way of saying it has no such task or version
            return Answers.error(404, e.getMessage());
        }
    }
}
