package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.SymbolChange;
import com.twsrobot.maintenance.api.TaskResult;

import java.util.List;
import java.util.Locale;

/** The human-readable report: a per-task table, then each task's source, changes, warnings and errors. */
public final class ReportMarkdown {

    private ReportMarkdown() {
    }

    public static String write(RunReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Maintenance report ").append(report.reportId()).append("\n\n");
        md.append("- Status: **").append(report.status().wireName()).append("**\n");
        md.append("- Mode: ").append(report.dryRun() ? "dry run (nothing written)" : "apply").append('\n');
        md.append("- Started: ").append(ReportJson.timestamp(report.startedAt())).append('\n');
        md.append("- Finished: ").append(ReportJson.timestamp(report.finishedAt())).append('\n');
        md.append("- Duration: ").append(seconds(report.durationSeconds())).append('\n');
        md.append("- Warnings: ").append(report.warningCount()).append(", errors: ").append(report.errorCount())
                .append("\n\n");

        md.append("| Task | Status | Before | After | Added | Removed | Warnings | Errors |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (TaskResult r : report.results()) {
            md.append("| ").append(cell(r.task())).append(" | ").append(r.status().wireName()).append(" | ")
                    .append(count(r.beforeCount())).append(" | ").append(count(r.afterCount())).append(" | ")
                    .append(r.added().size()).append(" | ").append(r.removed().size()).append(" | ")
                    .append(r.warnings().size() + r.validation().warnings().size()).append(" | ")
                    .append(r.errors().size() + r.validation().errors().size()).append(" |\n");
        }
        list(md, "Run warnings", report.warnings());
        list(md, "Run errors", report.errors());
        if (report.detail().containsKey(RunReport.LOCK_HELD_BY)) {
            md.append("\nNothing ran: the run lock is held by ").append(report.detail().get(RunReport.LOCK_HELD_BY))
                    .append(".\n");
        }

        for (TaskResult r : report.results()) {
            md.append("\n## ").append(r.task()).append(" — ").append(r.status().wireName()).append("\n\n");
            md.append("- Source: ").append(r.source().isEmpty() ? "(none)" : r.source()).append('\n');
            md.append("- Duration: ").append(seconds(r.durationSeconds())).append('\n');
            md.append("- Validation: ").append(r.validation().status().wireName()).append('\n');
            if (r.detail().containsKey("message")) {
                md.append("- ").append(r.detail().get("message")).append('\n');
            }
            if (r.detail().containsKey("backup")) {
                md.append("- Backup of the replaced file: ").append(r.detail().get("backup")).append('\n');
            }
            if (r.detail().containsKey("plan_id")) {
                md.append("- Plan: ").append(r.detail().get("plan_id"))
                        .append(r.dryRun() ? " (apply exactly this preview with `run --apply --plan "
                                + r.detail().get("plan_id") + "`)" : "").append('\n');
            }
            if (r.detail().containsKey("restored_backup")) {
                md.append("- Restored backup: ").append(r.detail().get("restored_backup")).append('\n');
            }
            changes(md, "Added", r.added());
            changes(md, "Removed", r.removed());
            list(md, "Validation errors", r.validation().errors());
            list(md, "Validation warnings", r.validation().warnings());
            list(md, "Errors", r.errors());
            list(md, "Warnings", r.warnings());
        }
        return md.toString();
    }

    private static void changes(StringBuilder md, String title, List<SymbolChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        md.append("\n### ").append(title).append(" (").append(changes.size()).append(")\n\n");
        for (SymbolChange c : changes) {
            md.append("- ").append(c.symbol());
            if (!c.security().isEmpty()) {
                md.append(" — ").append(c.security());
            }
            md.append('\n');
        }
    }

    private static void list(StringBuilder md, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        md.append("\n### ").append(title).append("\n\n");
        items.forEach(i -> md.append("- ").append(i).append('\n'));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String count(Integer value) {
        return value == null ? "–" : value.toString();
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f s", value);
    }
}
