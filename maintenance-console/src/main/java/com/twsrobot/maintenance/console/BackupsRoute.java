package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.api.Backup;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.constituents.ConstituentFile;
import com.twsrobot.maintenance.core.csv.CsvFormatException;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.core.report.ReportStore;

import java.io.IOException;
import java.util.Optional;

/** {@code GET /api/maintenance/backups[?task=]}: the backups an operator can restore, with what each holds. */
final class BackupsRoute implements ConsoleRoute {

    @Override
    public RouteSpec spec() {
        return RouteSpec.get("/api/maintenance/backups");
    }

    @Override
    public ConsoleResponse handle(RouteCall call) {
        Optional<String> task = call.query().get("task");
        Outcome<Optional<String>> checked = task.isEmpty() ? Outcome.of(task)
                : call.console().constituentTask(task.get()).map(Optional::of);
        return checked.respond(t -> Answers.json(200, rows(call.console().runner(), t)));
    }

    private static ArrayNode rows(MaintenanceRunner runner, Optional<String> task) {
        ArrayNode array = ReportJson.mapper().createArrayNode();
        for (Backup b : runner.backups(task)) {
            String taskName = runner.indexes().stream().filter(i -> i.fileName().equals(b.fileName()))
                    .map(IndexSpec::taskName).findFirst().orElse("");
            ObjectNode row = array.addObject().put("backup_id", b.id()).put("task", taskName).put("file", b.fileName())
                    .put("taken_at", ReportJson.timestamp(b.takenAt())).put("size_bytes", b.size());
            // What the operator restores to: how many rows the backup holds, and the apply that took it.
            try {
                row.put("row_count", ConstituentFile.read(b.path()).table().rowCount());
            } catch (IOException | CsvFormatException e) {
                row.putNull("row_count");
                row.put("row_count_problem", com.twsrobot.maintenance.api.CauseFormatter.describe(e));
            }
            String reportId = "maintenance_" + b.id(); // an apply's backups are named after its report (BackupStore.idFor)
            row.put("report_id", ReportStore.isReportId(reportId) && runner.report(reportId).isPresent() ? reportId : null);
        }
        return array;
    }
}
