package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.api.SymbolChange;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.constituents.TableDiff;
import com.twsrobot.maintenance.core.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compares two versions of a constituent file: symbols added and removed, fields changed. Reads only.",
                "Example: diff --task hsi_constituents --backup 20260624_001500   (that backup → the file now)",
                "         diff --task hsi_constituents --backup 20260624_001500 --to 20260701_001500"})
final class DiffCommand implements Callable<Integer> {

    @ParentCommand
    MaintenanceCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--task", paramLabel = "NAME", required = true, description = "The constituent task, e.g. hsi_constituents.")
    String task;

    @Option(names = "--backup", paramLabel = "ID", required = true,
            description = "The version to compare from: a backup id as listed by 'backups', or 'latest'.")
    String from;

    @Option(names = "--to", paramLabel = "ID", defaultValue = MaintenanceRunner.CURRENT_VERSION,
            description = "The version to compare to: a backup id, 'latest', or 'current' (default: ${DEFAULT-VALUE}, the file now).")
    String to;

    @Option(names = "--json", description = "Print the difference as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MaintenanceRunner runner = cli.runner(spec.commandLine().getErr(), Map.of());
        TableDiff diff;
        try {
            diff = runner.compareVersions(task, from, to);
        } catch (IllegalArgumentException e) {
            throw new MaintenanceCli.UsageException(e.getMessage());
        }
        if (json) {
            out.print(ReportJson.pretty(ReportJson.toTree(task, from, to, diff)));
        } else {
            out.printf("%s: %s → %s: +%d / -%d, %d field change(s)%n", task, from, to, diff.added().size(),
                    diff.removed().size(), diff.changed().size());
            diff.added().forEach(c -> out.println("  + " + describe(c)));
            diff.removed().forEach(c -> out.println("  - " + describe(c)));
            diff.changed().forEach(c -> out.println("  ~ " + c.symbol() + "  " + c.field() + ": '" + c.oldValue() + "' → '"
                    + c.newValue() + "'"));
        }
        out.flush();
        return MaintenanceCli.EXIT_OK;
    }

    private static String describe(SymbolChange c) {
        return c.security().isEmpty() ? c.symbol() : c.symbol() + "  " + c.security();
    }
}
