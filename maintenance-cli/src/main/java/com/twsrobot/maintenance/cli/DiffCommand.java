package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.api.SymbolChange;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.constituents.FileVersions;
import com.twsrobot.maintenance.api.TableDiff;
import com.twsrobot.maintenance.core.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compares two versions of constituent files: symbols added and removed, fields changed. Reads only.",
                "A version is a report id (the list that run proposed, or the file as its apply left it), a backup id",
                "as listed by 'backups', 'latest' (the newest backup) or 'current' (the file now).",
                "Examples: diff maintenance_20260624_001500 maintenance_20260701_001500   (two runs, every index)",
                "          diff --task TASK --backup 20260624_001500          (that backup → the file now)",
                "          diff --task TASK 20260624_001500 20260701_001500",
                "TASK is a constituent task of this runner's indices, as 'run --help' and 'status' list them."})
final class DiffCommand implements Callable<Integer> {

    @ParentCommand
    MaintenanceCli cli;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "VERSION", description = "FROM and TO: report ids, backup ids, latest or current "
            + "(TO defaults to --to).")
    List<String> versions = new ArrayList<>();

    @Option(names = "--task", paramLabel = "NAME", description = "One constituent task ('run --help' lists them) "
            + "(default: every constituent task both versions name).")
    String task;

    @Option(names = "--backup", paramLabel = "ID",
            description = "The version to compare from (same as the first VERSION).")
    String backup;

    @Option(names = "--to", paramLabel = "ID", defaultValue = MaintenanceRunner.CURRENT_VERSION,
            description = "The version to compare to when only one is given (default: ${DEFAULT-VALUE}, the file now).")
    String to;


    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (backup != null && !versions.isEmpty() || backup == null && versions.isEmpty()) {
            throw new MaintenanceCli.UsageException("give the version to compare from, either as --backup ID or as the first "
                    + "VERSION (e.g. diff REPORT_A REPORT_B), not both");
        }
        String from = backup != null ? backup : versions.get(0);
        String until = versions.size() == 2 ? versions.get(1) : to;
        for (String id : List.of(from, until)) {
            if (!FileVersions.isVersionName(id)) {
                throw new MaintenanceCli.UsageException("'" + id + "' is not a report id (maintenance_20260624_001500), a "
                        + "backup id (20260624_001500), latest or current");
            }
        }
        MaintenanceRunner runner = cli.runner(spec.commandLine().getErr(), Map.of());
        List<TableDiff.OfTask> parts;
        try {
            parts = task != null ? List.of(new TableDiff.OfTask(task, Optional.of(runner.compareVersions(task, from, until)), ""))
                    : runner.compareAll(from, until);
        } catch (IllegalArgumentException e) {
            throw new MaintenanceCli.UsageException(e.getMessage());
        }
        if (parts.stream().allMatch(p -> p.diff().isEmpty())) {
            throw new MaintenanceCli.UsageException("nothing to compare: " + parts.stream()
                    .map(p -> p.task() + ": " + p.skipped()).collect(java.util.stream.Collectors.joining("; ")));
        }
        if (cli.json) {
            out.print(ReportJson.pretty(task != null ? ReportJson.toTree(task, from, until, parts.get(0).diff().get())
                    : ReportJson.toTree(from, until, parts)));
        } else {
            for (TableDiff.OfTask part : parts) {
                if (part.diff().isEmpty()) {
                    out.printf("%s: not compared: %s%n", part.task(), part.skipped());
                    continue;
                }
                TableDiff diff = part.diff().get();
                out.printf("%s: %s → %s: +%d / -%d, %d field change(s)%n", part.task(), from, until, diff.added().size(),
                        diff.removed().size(), diff.changed().size());
                diff.added().forEach(c -> out.println("  + " + describe(c)));
                diff.removed().forEach(c -> out.println("  - " + describe(c)));
                diff.changed().forEach(c -> out.println("  ~ " + c.symbol() + "  " + c.field() + ": '" + c.oldValue()
                        + "' → '" + c.newValue() + "'"));
            }
        }
        out.flush();
        return MaintenanceCli.EXIT_OK;
    }

    private static String describe(SymbolChange c) {
        return c.security().isEmpty() ? c.symbol() : c.symbol() + "  " + c.security();
    }
}
