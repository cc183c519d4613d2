package com.twsrobot.maintenance.testkit;

import com.twsrobot.maintenance.api.Notice;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * The codes of a result's warnings and errors, its validation's included, in order: what a host's test
     * asserts instead of a message's words (which may be reworded).
     */
    public static List<NoticeCode> codes(TaskResult result) {
        List<NoticeCode> codes = new ArrayList<>();
        result.notices().forEach(n -> codes.add(n.code()));
        result.validation().notices().forEach(n -> codes.add(n.code()));
        return codes;
    }

    /** The result's (or its validation's) notice with this code; fails, naming the problems, when there is none. */
    public static Notice notice(TaskResult result, NoticeCode code) {
        return java.util.stream.Stream.concat(result.notices().stream(), result.validation().notices().stream())
                .filter(n -> n.code() == code).findFirst().orElseThrow(() -> new AssertionError(result.task()
                        + " has no " + code.wireName() + " notice; its codes are " + codes(result) + "; errors "
                        + result.errors() + " validation " + result.validation().errors() + " warnings "
                        + result.warnings() + " " + result.validation().warnings()));
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
