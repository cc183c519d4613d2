package com.twsrobot.maintenance.testkit;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;

import java.util.Map;

/** Assertions on run reports for hosts' tests; each failure message shows the report's problems. */
public final class Reports {

    private Reports() {
    }

    /** The result of {@code task} in the report; fails when the run did not run it. */
    public static TaskResult result(RunReport report, String task) {
        return report.results().stream().filter(r -> r.task().equals(task)).findFirst().orElseThrow(() ->
                new AssertionError("report " + report.reportId() + " has no result for " + task + "; it ran "
                        + report.results().stream().map(TaskResult::task).toList() + describe(report)));
    }

    /** The report's only result; fails when it has none or several. */
    public static TaskResult only(RunReport report) {
        if (report.results().size() != 1) {
            throw new AssertionError("expected one task result in " + report.reportId() + ", got "
                    + report.results().stream().map(TaskResult::task).toList() + describe(report));
        }
        return report.results().get(0);
    }

    /** Fails unless the run ended with one of these statuses, naming its warnings and errors. */
    public static RunReport assertStatus(RunReport report, TaskStatus... expected) {
        for (TaskStatus status : expected) {
            if (report.status() == status) {
                return report;
            }
        }
        throw new AssertionError("report " + report.reportId() + " ended " + report.status().wireName() + ", expected "
                + java.util.Arrays.toString(expected) + describe(report));
    }

    /** Fails unless the workspace's data files are exactly as {@code before} (a {@code dataFingerprint()}). */
    public static void assertDataUnchanged(TempWorkspace workspace, Map<String, String> before) {
        Map<String, String> now = workspace.dataFingerprint();
        if (!now.equals(before)) {
            throw new AssertionError("data files changed: before " + before + ", now " + now);
        }
    }

    private static String describe(RunReport report) {
        StringBuilder out = new StringBuilder();
        out.append("; run errors ").append(report.errors()).append(", run warnings ").append(report.warnings());
        for (TaskResult r : report.results()) {
            out.append("; ").append(r.task()).append(' ').append(r.status().wireName()).append(" errors ")
                    .append(r.errors()).append(" validation ").append(r.validation().errors());
        }
        return out.toString();
    }
}
