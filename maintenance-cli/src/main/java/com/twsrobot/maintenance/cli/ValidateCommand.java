package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validates the local constituent files only (task metadata_validation); writes no data.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    MaintenanceCli cli;

    @Spec
    CommandSpec spec;


    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MaintenanceRunner runner = cli.runner(spec.commandLine().getErr(), Map.of());
        RunReport report = runner.run(RunRequest.dryRun("metadata_validation"));
        out.print(cli.json ? ReportJson.write(report) : ReportText.summary(report, runner.reportsDir()));
        out.flush();
        return MaintenanceCli.exitCode(report);
    }
}
