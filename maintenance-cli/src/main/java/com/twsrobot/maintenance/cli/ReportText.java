package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.core.report.ChangeView;

import com.twsrobot.maintenance.api.ConstituentDetail;
import com.twsrobot.maintenance.api.EventSyncDetail;
import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.SymbolChange;
import com.twsrobot.maintenance.api.TableDiff;
import com.twsrobot.maintenance.api.TaskDetail;
import com.twsrobot.maintenance.api.TaskResult;

import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The readable run summary the CLI prints when {@code --json} is not given. */
final class ReportText {

    private static final int SHOWN_CHANGES = 20;

    private ReportText() {
    }

    static String summary(RunReport report, Path reportsDir) {
        StringBuilder s = new StringBuilder();
        RunMode mode = RunMode.of(report);
        s.append(mode instanceof RunMode.Rollback r && !r.apply() ? "ROLLBACK PREVIEW of backup " + r.backupId()
                        + " (nothing written)" : mode.dryRun() ? "DRY RUN (nothing written)" : mode.label())
                .append(" — report ").append(report.reportId())
                .append(": ").append(report.status().wireName().toUpperCase(Locale.ROOT)).append('\n');
        for (TaskResult r : report.results()) {
            s.append(String.format(Locale.ROOT, "%n  %-22s %-16s %s -> %s  (+%d / -%d)  %.2fs%n", r.task(),
                    r.status().wireName(), count(r.beforeCount()), count(r.afterCount()), r.added().size(),
                    r.removed().size(), r.durationSeconds()));
            if (!r.source().isEmpty()) {
                s.append("    source: ").append(r.source()).append('\n');
            }
            TaskDetail detail = r.detail();
            Optional<ConstituentDetail> constituent = detail.asConstituent();
            constituent.map(ConstituentDetail::content).ifPresent(content -> s.append("    content: ")
                    .append(content.asOf() == null ? "date unknown"
                            : "as of " + content.asOf() + ", " + content.ageDays() + " days old")
                    .append(" (").append(content.origin()).append(")\n"));
            ChangeView view = ChangeView.of(r);
            changes(s, "+", view.withoutRenames(r.added()), view, true);
            changes(s, "-", view.withoutRenames(r.removed()), view, false);
            view.renameLines().forEach(l -> s.append("    ↻ ").append(l).append('\n'));
            constituent.ifPresent(c -> fieldChanges(s, java.util.Objects.requireNonNullElse(c.changedRows(), java.util.List.of())));
            for (ConstituentDetail.SecondOpinion op : constituent.map(ConstituentDetail::secondOpinion).orElse(List.of())) {
                s.append("    second opinion ").append(op.source()).append(" (as of ").append(op.asOf())
                        .append("): ").append(op.status()).append(op.reason() == null ? "" : " — " + op.reason())
                        .append(op.reason() == null ? ", " + size(op.onlyOnPage()) + " only on the page, "
                                + size(op.onlyInSource()) + " only in the source" : "").append('\n');
            }
            detail.asEventSync().filter(e -> e.totals() != null).ifPresent(e -> {
                EventSyncDetail.Totals totals = e.totals();
                s.append("    events: ").append(totals.fetchedCount()).append(" fetched, ")
                        .append(totals.insertedCount()).append(r.dryRun() ? " would be inserted, " : " inserted, ")
                        .append(totals.updatedCount()).append(" updated, ").append(totals.staleCount())
                        .append(" stale, ").append(totals.errorCount()).append(" error(s)\n");
                eventChanges(s, r, java.util.Objects.requireNonNullElse(e.changes(), java.util.List.of()));
            });
            if (detail.message() != null) {
                s.append("    ").append(detail.message()).append('\n');
            }
            written(s, r, detail);
            // A message can reach a task's validation and its own list both: each is printed once.
            new LinkedHashSet<>(r.validation().errors()).forEach(e -> s.append("    invalid: ").append(e).append('\n'));
            new LinkedHashSet<>(r.errors()).forEach(e -> s.append("    error: ").append(e).append('\n'));
            taskWarnings(r).forEach(w -> s.append("    warning: ").append(w).append('\n'));
        }
        new LinkedHashSet<>(report.errors()).forEach(e -> s.append("error: ").append(e).append('\n'));
        runWarnings(report).forEach(w -> s.append("warning: ").append(w).append('\n'));
        s.append("\nReport: ").append(reportsDir.toAbsolutePath().normalize().resolve(report.reportId() + ".md"))
                .append(" (and .json)\n");
        return s.toString();
    }

    /** Every warning the summary prints, run and task ones. */
    static Set<String> warnings(RunReport report) {
        Set<String> all = new LinkedHashSet<>(runWarnings(report));
        report.results().forEach(r -> all.addAll(taskWarnings(r)));
        return all;
    }

    private static Set<String> taskWarnings(TaskResult r) {
        Set<String> warnings = new LinkedHashSet<>(r.validation().warnings());
        warnings.addAll(r.warnings());
        return warnings;
    }

    /** The run's own warnings, less those a task already gave (printed under the task). */
    private static Set<String> runWarnings(RunReport report) {
        Set<String> warnings = new LinkedHashSet<>(report.warnings());
        report.results().forEach(r -> warnings.removeAll(taskWarnings(r)));
        return warnings;
    }

    /** What an apply did to the file: "created" for a file that did not exist, else "replaced" (with its backup). */
    private static void written(StringBuilder s, TaskResult r, TaskDetail detail) {
        if (r.dryRun() || !Boolean.TRUE.equals(detail.written())) {
            return;
        }
        String file = detail.file();
        String backup = detail.backupId();
        s.append("    ").append(backup == null ? "created" : "replaced")
                .append(file == null ? "" : " " + file)
                .append(backup == null ? "" : " (previous version kept as backup " + backup + ")").append('\n');
    }

    /** For kept symbols, each changed field as old → new: the first few, then a count. */
    private static void fieldChanges(StringBuilder s, List<TableDiff.FieldChange> rows) {
        for (TableDiff.FieldChange c : rows.subList(0, Math.min(rows.size(), SHOWN_CHANGES))) {
            s.append("    ~ ").append(c.symbol()).append("  ").append(c.field()).append(": '")
                    .append(c.oldValue()).append("' → '").append(c.newValue()).append("'\n");
        }
        if (rows.size() > SHOWN_CHANGES) {
            s.append("    ~ ... and ").append(rows.size() - SHOWN_CHANGES).append(" more field change(s) (see the report)\n");
        }
    }

    /** Most event changes shown per kind; the report has them all. */
    private static final int SHOWN_EVENT_CHANGES = 20;

    /** The events a market-events run inserted, updated or marked stale (or would), first few per kind. */
    /** A list's size, 0 for a list the report did not state. */
    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    private static void eventChanges(StringBuilder s, TaskResult r, List<EventSyncDetail.Change> changes) {
        String[][] kinds = {{"insert", r.dryRun() ? "would insert" : "inserted"},
                {"update", r.dryRun() ? "would update" : "updated"}, {"stale", r.dryRun() ? "would mark stale" : "marked stale"}};
        for (String[] kind : kinds) {
            List<EventSyncDetail.Change> ofKind = changes.stream().filter(c -> kind[0].equals(c.kind()))
                    .sorted(java.util.Comparator.comparing((EventSyncDetail.Change c) -> String.valueOf(c.date()))
                            .thenComparing(c -> String.valueOf(c.eventId())))
                    .toList();
            for (EventSyncDetail.Change c : ofKind.subList(0, Math.min(ofKind.size(), SHOWN_EVENT_CHANGES))) {
                String time = String.valueOf(c.time());
                s.append("    ").append(kind[1]).append(": ").append(c.eventType())
                        .append(String.valueOf(c.symbol()).isEmpty() ? "" : " " + c.symbol()).append(' ')
                        .append(c.date()).append(time.isEmpty() ? "" : " " + time + " " + c.zone())
                        .append("  ").append(c.title());
                String details = com.twsrobot.maintenance.core.report.ReportMarkdown.details(c);
                s.append(details.isEmpty() ? "" : "  (" + details + ")").append(" [").append(c.provider())
                        .append("]\n");
            }
            if (ofKind.size() > SHOWN_EVENT_CHANGES) {
                s.append("    ").append(kind[1]).append(": ... and ").append(ofKind.size() - SHOWN_EVENT_CHANGES)
                        .append(" more (see the report)\n");
            }
        }
    }

    private static void changes(StringBuilder s, String sign, List<SymbolChange> changes, ChangeView view,
                                boolean added) {
        for (int i = 0; i < Math.min(changes.size(), SHOWN_CHANGES); i++) {
            SymbolChange c = changes.get(i);
            s.append("    ").append(sign).append(' ').append(c.symbol());
            if (!c.security().isEmpty()) {
                s.append("  ").append(c.security());
            }
            String note = view.note(c, added);
            if (!note.isEmpty()) {
                s.append("  [").append(note).append(']');
            }
            s.append('\n');
        }
        if (changes.size() > SHOWN_CHANGES) {
            s.append("    ").append(sign).append(" ... and ").append(changes.size() - SHOWN_CHANGES)
                    .append(" more (see the report)\n");
        }
    }

    private static String count(Integer value) {
        return value == null ? "-" : value.toString();
    }
}
