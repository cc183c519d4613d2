package com.twsrobot.maintenance.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.twsrobot.maintenance.api.ReportSummary;
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

@Command(name = "reports", mixinStandardHelpOptions = true, description = "Lists the newest reports first.")
final class ReportsCommand implements Callable<Integer> {

    @ParentCommand
    MaintenanceCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new MaintenanceCli.UsageException("--limit must be at least 1, got " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        com.twsrobot.maintenance.core.MaintenanceRunner runner = cli.runner(spec.commandLine().getErr(), Map.of());
        List<ReportSummary> reports = runner.reports(limit);
        if (json) {
            ArrayNode array = ReportJson.mapper().createArrayNode();
            reports.forEach(r -> array.add(ReportJson.toTree(r)));
            out.print(ReportJson.pretty(array));
        } else if (reports.isEmpty()) {
            out.println("no reports yet in " + runner.reportsDir().toAbsolutePath());
        } else {
            for (ReportSummary r : reports) {
                out.printf("%-32s %-16s %-8s %s  %d warning(s), %d error(s)%n", r.reportId(), r.status().wireName(),
                        r.dryRun() ? "dry run" : "apply", ReportJson.timestamp(r.startedAt()), r.warningCount(),
                        r.errorCount());
            }
        }
        out.flush();
        return MaintenanceCli.EXIT_OK;
    }
}
