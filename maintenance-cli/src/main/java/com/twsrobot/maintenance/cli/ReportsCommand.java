package com.twsrobot.maintenance.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.twsrobot.maintenance.api.ReportSummary;
import com.twsrobot.maintenance.core.report.ReportFilter;
import com.twsrobot.maintenance.core.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "reports", mixinStandardHelpOptions = true, description = {"Lists the newest reports first, optionally only those of one task, status or mode.",
        "Example: reports --task TASK --status failed --mode apply   (TASK as 'run --help' lists them)"})
final class ReportsCommand implements Callable<Integer> {

    @ParentCommand
    MaintenanceCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0",
            description = "Skip the N newest matching reports (the next page; default: ${DEFAULT-VALUE}).")
    int offset;

    @Option(names = "--task", paramLabel = "NAME", description = "Only reports of runs that ran this task.")
    String task;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only this status (the task's with --task, else the "
            + "run's): success, warning, partial_failure, failed, skipped, in_progress, interrupted.")
    String status;

    @Option(names = "--mode", paramLabel = "MODE", description = "Only dry-run or apply reports.")
    String mode;


    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > ReportFilter.MAX_LIMIT) {
            throw new MaintenanceCli.UsageException("--limit must be from 1 to " + ReportFilter.MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0) {
            throw new MaintenanceCli.UsageException("--offset must be 0 or more, got " + offset);
        }
        PrintWriter out = spec.commandLine().getOut();
        com.twsrobot.maintenance.core.MaintenanceRunner runner = cli.runner(spec.commandLine().getErr(), Map.of());
        ReportFilter filter;
        try {
            filter = ReportFilter.of(task, status, mode, offset, limit, runner.registry().taskNames());
        } catch (IllegalArgumentException e) {
            throw new MaintenanceCli.UsageException("--task/--status/--mode: " + e.getMessage());
        }
        List<ReportSummary> reports = runner.reports(filter);
        if (cli.json) {
            ArrayNode array = ReportJson.mapper().createArrayNode();
            reports.forEach(r -> array.add(ReportJson.toTree(r)));
            out.print(ReportJson.pretty(array));
        } else if (reports.isEmpty()) {
            out.println((task == null && status == null && mode == null && offset == 0 ? "no reports yet in "
                    : "no matching reports in ") + runner.reportsDir().toAbsolutePath());
        } else {
            for (ReportSummary r : reports) {
                out.printf("%-32s %-16s %-8s %s  %d warning(s), %d error(s)%n", r.reportId(), r.status().wireName(),
                        r.mode().title(), ReportJson.timestamp(r.startedAt()), r.warningCount(),
                        r.errorCount());
            }
        }
        out.flush();
        return MaintenanceCli.EXIT_OK;
    }
}
