package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.api.IndexStatus;
import com.twsrobot.maintenance.api.MaintenanceStatus;
import com.twsrobot.maintenance.core.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows each constituent file (last refreshed, rows, source, validation) and the latest report.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    MaintenanceCli cli;

    @Spec
    CommandSpec spec;


    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MaintenanceStatus status = cli.runner(spec.commandLine().getErr(), Map.of()).status();
        if (cli.json) {
            out.print(ReportJson.pretty(ReportJson.toTree(status)));
        } else {
            for (IndexStatus i : status.indexes()) {
                out.printf("%-6s %-26s rows: %-5s last refreshed: %-20s validation: %s%n", i.index(),
                        i.file(), i.rowCount().map(String::valueOf).orElse("-"),
                        i.lastModified().map(ReportJson::timestamp).orElse("never"),
                        i.validation().status().wireName());
                out.printf("       source: %s%n", i.source().isEmpty() ? "(none registered)" : i.source());
                out.printf("       %s%n", i.contentNote());
                i.validation().errors().forEach(e -> out.println("       invalid: " + e));
            }
            if (!status.marketEventsAvailable()) {
                out.println("market events: no market-events service");
            } else {
                out.println(status.marketEvents().map(e -> "market events: last sync " + ReportJson.timestamp(e.finishedAt())
                        + " " + e.status() + ", " + e.fetchedCount() + " fetched, " + e.upsertedCount() + " upserted, "
                        + e.staleCount() + " stale, " + e.errorCount() + " error(s)").orElse("market events: no sync yet"));
            }
            status.marketOpen().forEach(m -> out.println("market: " + m));
            status.calendarWarnings().forEach(w -> out.println("warning: " + w));
            out.println(status.latestReport().map(r -> "latest report: " + r.reportId() + " " + r.status().wireName()
                    + " (" + r.mode().title() + ")" + ", " + r.warningCount() + " warning(s), "
                    + r.errorCount() + " error(s)").orElse("latest report: none yet"));
        }
        out.flush();
        return MaintenanceCli.EXIT_OK;
    }
}
