package com.twsrobot.maintenance.core.constituents;

import com.twsrobot.maintenance.api.TableDiff;
import com.twsrobot.maintenance.api.Backup;
import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.csv.CsvFormatException;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.io.BackupStore;
import com.twsrobot.maintenance.core.report.ReportStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The versions of a constituent file the tool can name, read for comparison:
 * <ul>
 *   <li>{@code current}: the file now;</li>
 *   <li>a backup id (or {@code latest}): the file as an apply found it before replacing it;</li>
 *   <li>a report id: the list that run proposed (a dry run's saved plan, or the plan an apply applied),
 *       or, for an apply or rollback without a plan, the file as that run left it — the first backup
 *       a later run took (by id, so within one second too), else the file now (every change the tool
 *       makes takes a backup first).
 *       Only a task the run carried out ({@code success} or {@code warning}) has a version there: one it
 *       refused, that failed or was skipped is not compared, and the message says so.</li>
 * </ul>
 * Reads only; a version that cannot be named or read is an {@link IllegalArgumentException} saying why.
 */
public final class FileVersions {

    /** The name of the file as it is now. */
    public static final String CURRENT = "current";

    private final Path dataDir;
    private final Path reportsDir;
    private final AtomicFileWriter writer;
    private final long maxFileBytes;

    public FileVersions(Path dataDir, Path reportsDir, AtomicFileWriter writer, long maxFileBytes) {
        this.dataDir = dataDir;
        this.reportsDir = reportsDir;
        this.writer = writer;
        this.maxFileBytes = maxFileBytes;
    }

    /** Whether {@code id} has the shape of a version name (it may still not exist). */
    public static boolean isVersionName(String id) {
        return id.equals(CURRENT) || id.equals("latest") || BackupStore.BACKUP_ID.matcher(id).matches()
                || ReportStore.isReportId(id);
    }

    /**
     * The difference between two versions of one index's file, from {@code from} to {@code to}.
     *
     * @throws IllegalArgumentException for a task no index has, or a version that cannot be named or read
     */
    public TableDiff compare(List<IndexSpec> indexes, String taskName, String from, String to) {
        IndexSpec spec = indexes.stream().filter(i -> i.taskName().equals(taskName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no constituent task '" + taskName + "' (known: "
                        + indexes.stream().map(IndexSpec::taskName).toList() + ")"));
        return TableDiff.between(table(spec, from), table(spec, to));
    }

    /**
     * {@link #compare} for every index: a diff where both versions name a list of its file, else the
     * reason it was left out (e.g. a report that did not run its task).
     */
    public List<TableDiff.OfTask> compareAll(List<IndexSpec> indexes, String from, String to) {
        List<TableDiff.OfTask> out = new java.util.ArrayList<>();
        for (IndexSpec spec : indexes) {
            try {
                out.add(new TableDiff.OfTask(spec.taskName(), Optional.of(compare(indexes, spec.taskName(), from, to)), ""));
            } catch (IllegalArgumentException e) {
                out.add(new TableDiff.OfTask(spec.taskName(), Optional.empty(), e.getMessage()));
            }
        }
        return out;
    }

    /** The rows of {@code spec}'s file in version {@code id}. */
    public ConstituentTable table(IndexSpec spec, String id) {
        if (ReportStore.isReportId(id)) {
            return ofReport(spec, id);
        }
        if (id.equals(CURRENT)) {
            return current(spec);
        }
        Backup backup = new BackupStore(dataDir, writer).find(spec.fileName(), id)
                .orElseThrow(() -> new IllegalArgumentException("no backup '" + id + "' of " + spec.fileName()
                        + " (list them with: backups --task " + spec.taskName() + ")"));
        return read(backup.path());
    }

    private ConstituentTable ofReport(IndexSpec spec, String reportId) {
        String task = spec.taskName();
        RunReport report = new ReportStore(reportsDir, writer).read(reportId)
                .orElseThrow(() -> new IllegalArgumentException("no report '" + reportId + "'"));
        TaskResult result = report.results().stream().filter(r -> r.task().equals(task)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("report " + reportId + " did not run " + task + " (it ran "
                        + report.results().stream().map(TaskResult::task).toList() + ")"));
        // Only what the run changed or proposed: a task it refused, that failed or was skipped left the file as
        // it was and proposed nothing (a refused plan's apply names the plan it did not write).
        if (result.status() != TaskStatus.SUCCESS && result.status() != TaskStatus.WARNING) {
            throw new IllegalArgumentException("report " + reportId + " did not change or propose " + task + ": it "
                    + result.status().wireName() + (result.errors().isEmpty() ? "" : " (" + result.errors().get(0) + ")"));
        }
        Optional<Plan> own = plan(reportId, task);
        if (own.isPresent()) {
            return parse(own.get(), reportId);
        }
        Object planId = com.twsrobot.maintenance.core.report.TaskDetails.toMap(result.detail()).get("plan_id");
        if (planId instanceof String id && !id.equals(reportId)) {
            return parse(plan(id, task).orElseThrow(() -> new IllegalArgumentException("report " + reportId
                    + " applied plan " + id + ", which is no longer kept (plans go with their reports)")), id);
        }
        if (report.dryRun()) {
            throw new IllegalArgumentException("report " + reportId + " has no list of " + task + ": its dry run saved no "
                    + "plan (" + result.status().wireName() + ")");
        }
        // An apply or rollback without a plan: the file as the run left it.
        List<Backup> later = new BackupStore(dataDir, writer).list(spec.fileName()).stream()
                .filter(b -> BackupStore.takenAfter(b, reportId)).toList();
        return later.isEmpty() ? current(spec) : read(later.get(later.size() - 1).path());
    }

    private Optional<Plan> plan(String reportId, String task) {
        try {
            return new PlanStore(reportsDir, writer, PlanStore.capFor(maxFileBytes)).load(reportId, task);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private ConstituentTable parse(Plan plan, String reportId) {
        try {
            return ConstituentFile.parse(plan.content().getBytes(StandardCharsets.UTF_8), "plan of report " + reportId)
                    .table();
        } catch (CsvFormatException e) {
            throw new IllegalArgumentException("the plan of report " + reportId + " cannot be read: " + e.getMessage());
        }
    }

    private ConstituentTable current(IndexSpec spec) {
        Path file = dataDir.resolve(spec.fileName());
        return Files.exists(file) ? read(file) : ConstituentTable.of(spec.hasDisplaySymbol(), List.of());
    }

    private ConstituentTable read(Path file) {
        try {
            return ConstituentFile.read(file, maxFileBytes).table();
        } catch (IOException | CsvFormatException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage());
        }
    }
}
