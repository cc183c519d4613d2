package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, description = "Prints one report (JSON, or Markdown).")
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    MaintenanceCli cli;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Report id, e.g. maintenance_20260624_001500.")
    String reportId;

    @Option(names = "--markdown", description = "Print the Markdown report instead of the JSON.")
    boolean markdown;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MaintenanceRunner runner = cli.runner(spec.commandLine().getErr(), Map.of());
        Optional<String> text = markdown ? runner.reportMarkdown(reportId)
                : runner.report(reportId).map(ReportJson::write);
        if (text.isEmpty()) {
            return cli.error(spec.commandLine(), "failed", "no report '" + reportId + "' in " + runner.reportsDir()
                    + " (list them with: reports)", MaintenanceCli.EXIT_FAILED);
        }
        out.print(text.get());
        out.flush();
        return MaintenanceCli.EXIT_OK;
    }
}
