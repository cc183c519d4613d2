package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.Backup;
import com.twsrobot.maintenance.api.MaintenanceTask;
import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.core.report.ReportFilter;
import com.twsrobot.maintenance.core.report.ReportStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a rollback to {@code latest} into a rollback to the backup id it means when the run starts, so
 * the report (its {@code detail.mode}) names what was previewed or restored. A rollback <em>apply</em>
 * to {@code latest} restores only what a preview showed: the task's newest rollback preview (among its
 * {@value #MAX_LOOKED} newest dry runs) must have previewed that backup; a newer backup, or none
 * previewed, refuses the run naming the ids (a rollback that names its backup id is never refused here). Called under the
 * run lock for an apply, so no backup can appear between this check and the restore.
 */
final class RollbackPin {

    /** How many reports one look at the history reads at a time. */
    private static final int PAGE = 20;
    /** How many of a task's newest dry runs are searched for its rollback preview. */
    static final int MAX_LOOKED = 100;

    private final ReportStore reports;
    private final Function<String, List<Backup>> backupsOf;

    /** {@code backupsOf} lists a data-dir file's backups, newest first. */
    RollbackPin(ReportStore reports, Function<String, List<Backup>> backupsOf) {
        this.reports = reports;
        this.backupsOf = backupsOf;
    }

    /** A rollback was refused before anything ran; the message says why and what to run instead. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * The request with {@code latest} replaced by the newest backup's id of the tasks' files (when they
     * agree); any other request unchanged.
     *
     * @throws Refused for a rollback apply to {@code latest} that no preview showed
     */
    RunRequest pin(RunRequest request, List<MaintenanceTask> tasks) throws Refused {
        if (!(request.mode() instanceof RunMode.Rollback rollback) || !rollback.latest()) {
            return request;
        }
        Map<String, Backup> newest = new LinkedHashMap<>();
        for (MaintenanceTask task : tasks) {
            Optional<Backup> last = task.files().stream().flatMap(f -> backupsOf.apply(f).stream().limit(1))
                    .max(java.util.Comparator.comparing(Backup::takenAt));
            if (last.isEmpty()) {
                return request; // the task says there is no backup to restore
            }
            newest.put(task.name(), last.get());
        }
        List<String> ids = newest.values().stream().map(Backup::id).distinct().toList();
        if (ids.size() != 1) {
            if (!rollback.apply()) {
                return request; // each task previews its own newest
            }
            throw new Refused("refused: the newest backups of " + newest.keySet() + " differ (" + describe(newest)
                    + "); roll back one task at a time, naming the backup id; nothing was restored");
        }
        String id = ids.get(0);
        if (rollback.apply()) {
            for (Map.Entry<String, Backup> e : newest.entrySet()) {
                checkPreviewed(e.getKey(), e.getValue());
            }
        }
        return request.withMode(rollback.to(id));
    }

    /** The task's newest rollback preview since {@code backup} was taken must have previewed it. */
    private void checkPreviewed(String task, Backup backup) throws Refused {
        Optional<Previewed> seen = newestPreview(task);
        if (seen.isPresent() && seen.get().backupId().equals(backup.id())) {
            return;
        }
        String restoreIt = "rollback --task " + task + " --backup " + backup.id() + " --apply";
        if (seen.isPresent()) {
            throw new Refused("refused: the newest backup of " + backup.fileName() + " is now " + backup.id()
                    + ", not backup " + seen.get().backupId() + " that rollback preview " + seen.get().reportId()
                    + " showed; restore the previewed one with: rollback --task " + task + " --backup "
                    + seen.get().backupId() + " --apply (or preview " + backup.id() + " first, or run: " + restoreIt
                    + "); nothing was restored");
        }
        throw new Refused("refused: no rollback preview of " + task + " showed its newest backup " + backup.id()
                + " (taken " + backup.takenAt() + "); preview it first with: rollback --task " + task
                + ", or name the backup: " + restoreIt + "; nothing was restored");
    }

    /** A rollback preview's report id and the backup it showed. */
    private record Previewed(String reportId, String backupId) {
    }

    /**
     * The task's newest preview of a rollback to a named backup, reading its newest dry runs first; none
     * among the newest {@value #MAX_LOOKED} (a preview older than that is not what the operator just saw).
     */
    private Optional<Previewed> newestPreview(String task) {
        for (int offset = 0; offset < MAX_LOOKED; offset += PAGE) {
            List<RunReport> page = reports.select(new ReportFilter(Optional.of(task), Optional.empty(),
                    Optional.of(true), offset, PAGE));
            for (RunReport report : page) {
                Optional<RunMode> mode = RunMode.parse(report.detail().mode());
                if (mode.isPresent() && mode.get() instanceof RunMode.Rollback r && !r.latest()) {
                    return Optional.of(new Previewed(report.reportId(), r.backupId()));
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String describe(Map<String, Backup> newest) {
        StringBuilder s = new StringBuilder();
        newest.forEach((task, b) -> s.append(s.length() == 0 ? "" : ", ").append(task).append(": ").append(b.id()));
        return s.toString();
    }
}
