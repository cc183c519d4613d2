package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.api.Backup;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "backups", mixinStandardHelpOptions = true,
        description = "Lists the backups that rollback can restore, newest first.")
final class BackupsCommand implements Callable<Integer> {

    @ParentCommand
    MaintenanceCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--task", paramLabel = "NAME", description = "Only this task's files: a constituent task, or a "
            + "plug-in task that writes files.")
    String task;


    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MaintenanceRunner runner = cli.runner(spec.commandLine().getErr(), Map.of());
        List<String> writers = runner.registry().tasks().stream().filter(t -> !t.files().isEmpty()).map(t -> t.name())
                .toList();
        if (task != null && !writers.contains(task)) {
            throw new MaintenanceCli.UsageException("no task '" + task + "' that writes files; known: " + writers);
        }
        List<Backup> backups = runner.backups(Optional.ofNullable(task));
        if (cli.json) {
            ArrayNode array = ReportJson.mapper().createArrayNode();
            for (Backup b : backups) {
                array.addObject().put("backup_id", b.id()).put("file", b.fileName()).put("path", b.path().toString())
                        .put("taken_at", ReportJson.timestamp(b.takenAt())).put("size_bytes", b.size());
            }
            out.print(ReportJson.pretty(array));
        } else if (backups.isEmpty()) {
            out.println("no backups yet" + (task == null ? "" : " for " + task));
        } else {
            for (Backup b : backups) {
                out.printf("%-20s %-26s %s  %d bytes%n", b.id(), b.fileName(), ReportJson.timestamp(b.takenAt()), b.size());
            }
        }
        out.flush();
        return MaintenanceCli.EXIT_OK;
    }
}
