package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.api.UnknownTaskException;
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

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Previews, then (with --apply) restores, a backup of a constituent file.",
                "Without --apply nothing is written: the report shows what the restore would change (symbols added "
                + "and removed, field changes), its validation, and whether a market appears open.",
                "With --apply the backup goes through the same path as an apply: validated, the current file backed "
                + "up first, atomic, caches invalidated, reported.",
                "List what can be restored with: backups"})
final class RollbackCommand implements Callable<Integer> {

    @ParentCommand
    MaintenanceCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--task", paramLabel = "NAME", required = true,
            description = "The task whose file to restore: a constituent task, or a plug-in task that writes files ("
                    + "'run --help' lists them).")
    String task;

    @Option(names = "--backup", paramLabel = "ID", defaultValue = RunMode.LATEST_BACKUP,
            description = {"Backup id (YYYYMMDD_HHMMSS, as listed by 'backups'); default: the newest.",
                    "A preview prints the id it previewed. With --apply, 'latest' restores the newest backup only if the "
                    + "task's newest rollback preview showed it: a backup that appeared since refuses the restore "
                    + "(give the previewed id to restore that one)."})
    String backup;

    @Option(names = "--apply", description = "Restore the backup (default: only preview what the restore would change).")
    boolean apply;


    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MaintenanceRunner runner = cli.runner(spec.commandLine().getErr(), Map.of());
        try {
            runner.registry().resolve(List.of(task));
        } catch (UnknownTaskException e) {
            throw new MaintenanceCli.UsageException(e.getMessage());
        }
        RunReport report = apply ? runner.rollback(task, backup) : runner.previewRollback(task, backup);
        out.print(cli.json ? ReportJson.write(report) : ReportText.summary(report, runner.reportsDir()));
        if (!cli.json) {
            // The report already carries the market-open warnings when the run added them: each is printed once.
            java.util.Set<String> printed = ReportText.warnings(report);
            runner.marketOpenWarnings().stream().filter(m -> printed.stream().noneMatch(w -> w.contains(m)))
                    .forEach(m -> out.println("warning: market: " + m));
            // The preview pinned "latest" to an id: the apply suggested restores exactly that backup, whatever
            // backups appear in between (an apply with latest is refused once a newer one has).
            if (!apply && RunMode.of(report) instanceof RunMode.Rollback previewed && !previewed.latest()) {
                out.println("previewed backup " + previewed.backupId() + (backup.equals(RunMode.LATEST_BACKUP)
                        ? " (the newest)" : "") + " of " + task);
                if (!report.status().isFailure()) {
                    out.println("preview only; restore this backup with: rollback --task " + task + " --backup "
                            + previewed.backupId() + " --apply");
                }
            }
        }
        out.flush();
        return MaintenanceCli.exitCode(report);
    }
}
