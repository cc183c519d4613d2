package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.core.report.ChangeView;

import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.SymbolChange;
import com.twsrobot.maintenance.api.TaskResult;

import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
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
            if (r.detail().get("content") instanceof java.util.Map<?, ?> content) {
                s.append("    content: ").append(content.get("as_of") == null ? "date unknown"
                        : "as of " + content.get("as_of") + ", " + content.get("age_days") + " days old")
                        .append(" (").append(content.get("origin")).append(")\n");
            }
            ChangeView view = ChangeView.of(r);
            changes(s, "+", view.withoutRenames(r.added()), view, true);
            changes(s, "-", view.withoutRenames(r.removed()), view, false);
            view.renameLines().forEach(l -> s.append("    ↻ ").append(l).append('\n'));
            fieldChanges(s, r);
            if (r.detail().get("second_opinion") instanceof List<?> opinions) {
                for (Object o : opinions) {
                    java.util.Map<?, ?> op = (java.util.Map<?, ?>) o;
                    int pageOnly = op.get("only_on_page") instanceof List<?> l ? l.size() : 0;
                    int sourceOnly = op.get("only_in_source") instanceof List<?> l ? l.size() : 0;
                    s.append("    second opinion ").append(op.get("source")).append(" (as of ").append(op.get("as_of"))
                            .append("): ").append(op.get("status")).append(op.get("reason") == null ? ""
                                    : " — " + op.get("reason"))
                            .append(op.get("reason") == null ? ", " + pageOnly + " only on the page, " + sourceOnly
                                    + " only in the source" : "").append('\n');
                }
            }
            if (r.detail().get("totals") instanceof java.util.Map<?, ?> totals) {
                s.append("    events: ").append(totals.get("fetched_count")).append(" fetched, ")
                        .append(totals.get("inserted_count")).append(r.dryRun() ? " would be inserted, " : " inserted, ")
                        .append(totals.get("updated_count")).append(" updated, ").append(totals.get("stale_count"))
                        .append(" stale, ").append(totals.get("error_count")).append(" error(s)\n");
                eventChanges(s, r);
            }
            Object message = r.detail().get("message");
            if (message != null) {
                s.append("    ").append(message).append('\n');
            }
            written(s, r);
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
    private static void written(StringBuilder s, TaskResult r) {
        if (r.dryRun() || !Boolean.TRUE.equals(r.detail().get("written"))) {
            return;
        }
        Object file = r.detail().getOrDefault("file", r.detail().get("path"));
        Object backup = r.detail().get("backup_id");
        s.append("    ").append(backup == null ? "created" : "replaced")
                .append(file == null ? "" : " " + file)
                .append(backup == null ? "" : " (previous version kept as backup " + backup + ")").append('\n');
    }

    /** For kept symbols, each changed field as old → new: the first few, then a count. */
    private static void fieldChanges(StringBuilder s, TaskResult r) {
        if (!(r.detail().get("changed_rows") instanceof List<?> rows)) {
            return;
        }
        for (Object o : rows.subList(0, Math.min(rows.size(), SHOWN_CHANGES))) {
            java.util.Map<?, ?> c = (java.util.Map<?, ?>) o;
            s.append("    ~ ").append(c.get("symbol")).append("  ").append(c.get("field")).append(": '")
                    .append(c.get("old")).append("' → '").append(c.get("new")).append("'\n");
        }
        if (rows.size() > SHOWN_CHANGES) {
            s.append("    ~ ... and ").append(rows.size() - SHOWN_CHANGES).append(" more field change(s) (see the report)\n");
        }
    }

    /** Most event changes shown per kind; the report has them all. */
    private static final int SHOWN_EVENT_CHANGES = 20;

    /** The events a market-events run inserted, updated or marked stale (or would), first few per kind. */
    private static void eventChanges(StringBuilder s, TaskResult r) {
        if (!(r.detail().get("changes") instanceof List<?> changes)) {
            return;
        }
        String[][] kinds = {{"insert", r.dryRun() ? "would insert" : "inserted"},
                {"update", r.dryRun() ? "would update" : "updated"}, {"stale", r.dryRun() ? "would mark stale" : "marked stale"}};
        for (String[] kind : kinds) {
            List<java.util.Map<?, ?>> ofKind = changes.stream().<java.util.Map<?, ?>>map(c -> (java.util.Map<?, ?>) c)
                    .filter(c -> kind[0].equals(c.get("kind")))
                    .sorted(java.util.Comparator.comparing((java.util.Map<?, ?> c) -> String.valueOf(c.get("date")))
                            .thenComparing(c -> String.valueOf(c.get("event_id"))))
                    .toList();
            for (java.util.Map<?, ?> c : ofKind.subList(0, Math.min(ofKind.size(), SHOWN_EVENT_CHANGES))) {
                String time = String.valueOf(c.get("time"));
                s.append("    ").append(kind[1]).append(": ").append(c.get("event_type"))
                        .append(String.valueOf(c.get("symbol")).isEmpty() ? "" : " " + c.get("symbol")).append(' ')
                        .append(c.get("date")).append(time.isEmpty() ? "" : " " + time + " " + c.get("zone"))
                        .append("  ").append(c.get("title"));
                String details = com.twsrobot.maintenance.core.report.ReportMarkdown.details(c);
                s.append(details.isEmpty() ? "" : "  (" + details + ")").append(" [").append(c.get("provider"))
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
