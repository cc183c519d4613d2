package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.ConstituentDetail;
import com.twsrobot.maintenance.api.EventSyncDetail;
import com.twsrobot.maintenance.api.RunDetail;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.SymbolChange;
import com.twsrobot.maintenance.api.TableDiff;
import com.twsrobot.maintenance.api.TaskDetail;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.Trigger;

import java.util.List;
import java.util.Optional;
import java.util.Locale;

/** The human-readable report: a per-task table, then each task's source, changes, warnings and errors. */
public final class ReportMarkdown {

    private ReportMarkdown() {
    }

    /** The report's {@code detail.trigger}; manual when absent or unknown (a report from before triggers). */
    private static Trigger triggerOf(RunDetail run) {
        try {
            return Trigger.parse(run.trigger() == null ? "manual" : run.trigger());
        } catch (IllegalArgumentException e) {
            return Trigger.manual();
        }
    }

    public static String write(RunReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Maintenance report ").append(text(report.reportId())).append("\n\n");
        md.append("- Status: **").append(report.status().wireName()).append("**\n");
        md.append("- Mode: ").append(RunMode.of(report) instanceof RunMode.Rollback r ? text(r.title())
                + (r.apply() ? "" : " (nothing written)") : report.dryRun() ? "dry run (nothing written)" : "apply").append('\n');
        RunDetail run = report.detail();
        Trigger trigger = triggerOf(run);
        if (trigger instanceof Trigger.Schedule) {
            md.append("- Trigger: schedule").append(run.scheduleApply() != null
                    ? " (" + text(run.scheduleApply()) + ")" : "").append('\n');
        } else if (trigger instanceof Trigger.ApiToken token) {
            md.append("- Trigger: the console's API token ").append(text(token.label())).append('\n');
        }
        md.append("- Started: ").append(ReportJson.timestamp(report.startedAt())).append('\n');
        md.append("- Finished: ").append(ReportJson.timestamp(report.finishedAt())).append('\n');
        md.append("- Duration: ").append(seconds(report.durationSeconds())).append('\n');
        md.append("- Warnings: ").append(report.warningCount()).append(", errors: ").append(report.errorCount())
                .append("\n\n");

        md.append("| Task | Status | Before | After | Added | Removed | Warnings | Errors |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (TaskResult r : report.results()) {
            md.append("| ").append(text(r.task())).append(" | ").append(r.status().wireName()).append(" | ")
                    .append(count(r.beforeCount())).append(" | ").append(count(r.afterCount())).append(" | ")
                    .append(r.added().size()).append(" | ").append(r.removed().size()).append(" | ")
                    .append(r.warnings().size() + r.validation().warnings().size()).append(" | ")
                    .append(r.errors().size() + r.validation().errors().size()).append(" |\n");
        }
        list(md, "Run warnings", report.warnings());
        list(md, "Run errors", report.errors());
        if (run.lockHeldBy() != null) {
            md.append("\nNothing ran: the run lock is held by ").append(text(run.lockHeldBy()))
                    .append(".\n");
        }

        for (TaskResult r : report.results()) {
            md.append("\n## ").append(text(r.task())).append(" — ").append(r.status().wireName()).append("\n\n");
            md.append("- Source: ").append(r.source().isEmpty() ? "(none)" : text(r.source())).append('\n');
            md.append("- Duration: ").append(seconds(r.durationSeconds())).append('\n');
            md.append("- Validation: ").append(r.validation().status().wireName()).append('\n');
            TaskDetail detail = r.detail();
            Optional<ConstituentDetail> constituent = detail.asConstituent();
            if (detail.message() != null) {
                md.append("- ").append(text(detail.message())).append('\n');
            }
            if (detail.backup() != null) {
                md.append("- Backup of the replaced file: ").append(text(detail.backup())).append('\n');
            }
            constituent.map(ConstituentDetail::planId).ifPresent(planId -> md.append("- Plan: ").append(text(planId))
                    .append(r.dryRun() ? " (apply exactly this preview with `run --apply --plan " + text(planId) + "`)" : "")
                    .append('\n'));
            // A rollback's preview restores nothing: it says what its apply would restore.
            constituent.map(ConstituentDetail::restoredBackup).ifPresent(id -> md.append(r.dryRun()
                    ? "- Would restore backup: " : "- Restored backup: ").append(text(id)).append('\n'));
            ChangeView view = ChangeView.of(r);
            constituent.map(ConstituentDetail::content).ifPresent(c -> contentDate(md, c));
            changes(md, "Added", view.withoutRenames(r.added()), view, true);
            changes(md, "Removed", view.withoutRenames(r.removed()), view, false);
            if (!view.renameLines().isEmpty()) {
                md.append("\n### Renamed (").append(view.renameLines().size()).append(")\n\n");
                view.renameLines().forEach(l -> md.append("- ").append(text(l)).append('\n'));
            }
            constituent.ifPresent(c -> {
                fieldChanges(md, java.util.Objects.requireNonNullElse(c.changedRows(), java.util.List.of()));
                secondOpinion(md, java.util.Objects.requireNonNullElse(c.secondOpinion(), java.util.List.of()));
            });
            detail.asEventSync().ifPresent(e -> eventChanges(md, r, e));
            list(md, "Validation errors", r.validation().errors());
            list(md, "Validation warnings", r.validation().warnings());
            list(md, "Errors", r.errors());
            list(md, "Warnings", r.warnings());
        }
        return md.toString();
    }

    private static void changes(StringBuilder md, String title, List<SymbolChange> changes, ChangeView view,
                                boolean added) {
        if (changes.isEmpty()) {
            return;
        }
        md.append("\n### ").append(title).append(" (").append(changes.size()).append(")\n\n");
        for (SymbolChange c : changes) {
            md.append("- ").append(text(c.symbol()));
            if (!c.security().isEmpty()) {
                md.append(" — ").append(text(c.security()));
            }
            String note = view.note(c, added);
            if (!note.isEmpty()) {
                md.append(" — ").append(text(note));
            }
            md.append('\n');
        }
    }

    /** The content's own date ({@code detail.content}): when the page was current, not when it was read. */
    private static void contentDate(StringBuilder md, ConstituentDetail.ContentInfo c) {
        md.append("- Content: ").append(c.asOf() == null ? "date unknown" : "as of " + text(c.asOf())
                + " (" + text(c.basis()) + ", " + text(c.ageDays()) + " days old)")
                .append(", origin ").append(text(c.origin())).append('\n');
    }

    /** Most field changes listed; the JSON report has them all. */
    static final int SHOWN_FIELD_CHANGES = 200;

    /** For the symbols kept, each changed field as old → new ({@code detail.changed_rows}). */
    private static void fieldChanges(StringBuilder md, List<TableDiff.FieldChange> rows) {
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n### Changed fields (").append(rows.size()).append(")\n\n");
        md.append("| Symbol | Field | Old | New |\n| --- | --- | --- | --- |\n");
        for (TableDiff.FieldChange c : rows.subList(0, Math.min(rows.size(), SHOWN_FIELD_CHANGES))) {
            md.append("| ").append(cell(String.valueOf(c.symbol()))).append(" | ").append(text(c.field()))
                    .append(" | ").append(cell(String.valueOf(c.oldValue()))).append(" | ")
                    .append(cell(String.valueOf(c.newValue()))).append(" |\n");
        }
        if (rows.size() > SHOWN_FIELD_CHANGES) {
            md.append("\n… and ").append(rows.size() - SHOWN_FIELD_CHANGES).append(" more in the JSON report.\n");
        }
    }

    /** Each second source's verdict on the proposal ({@code detail.second_opinion}), next to the diff. */
    private static void secondOpinion(StringBuilder md, List<ConstituentDetail.SecondOpinion> opinions) {
        if (opinions.isEmpty()) {
            return;
        }
        md.append("\n### Second opinion\n\n| Source | As of | Verdict | Only on the page | Only in the source |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (ConstituentDetail.SecondOpinion op : opinions) {
            md.append("| ").append(text(op.source())).append(" | ").append(text(op.asOf())).append(" | ")
                    .append(text(op.status())).append(op.reason() == null ? "" : ": " + cell(op.reason()))
                    .append(" | ").append(cell(symbols(op.onlyOnPage()))).append(" | ")
                    .append(cell(symbols(op.onlyInSource()))).append(" |\n");
        }
    }

    private static String symbols(List<ConstituentDetail.Member> members) {
        if (members == null) {
            return "";
        }
        return String.join(", ", members.stream().map(m -> m.symbol() + " (" + m.name() + ")").toList());
    }

    /** Most event changes listed per provider and kind; the JSON report has them all. */
    static final int SHOWN_EVENT_CHANGES = 50;

    /**
     * A market-events task's providers (their counts) and, per provider, the events inserted, updated
     * and marked stale (or that would be, in a dry run), from its {@code detail.providers} and
     * {@code detail.changes}.
     */
    private static void eventChanges(StringBuilder md, TaskResult r, EventSyncDetail sync) {
        List<EventSyncDetail.ProviderRun> providers = java.util.Objects.requireNonNullElse(sync.providers(), java.util.List.of());
        List<EventSyncDetail.Change> changes = java.util.Objects.requireNonNullElse(sync.changes(), java.util.List.of());
        if (providers.isEmpty()) {
            return;
        }
        md.append("\n### Market events by provider").append(r.dryRun() ? " (what an apply would do)" : "").append("\n\n");
        md.append("| Provider | Status | Fetched | Inserted | Updated | Stale | Errors |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (EventSyncDetail.ProviderRun p : providers) {
            md.append("| ").append(text(p.provider())).append(" | ").append(text(p.status())).append(" | ")
                    .append(p.fetchedCount()).append(" | ").append(p.insertedCount()).append(" | ")
                    .append(p.updatedCount()).append(" | ").append(p.staleCount()).append(" | ")
                    .append(p.errorCount()).append(" |\n");
        }
        for (EventSyncDetail.ProviderRun p : providers) {
            List<EventSyncDetail.Change> mine = changes.stream().filter(c -> p.provider().equals(c.provider())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            md.append("\n#### ").append(text(p.provider())).append(" (").append(mine.size()).append(" change")
                    .append(mine.size() == 1 ? "" : "s").append(")\n\n");
            md.append("| Change | Type | Symbol | Date | Time | Title | Details |\n");
            md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
            for (String kind : List.of("insert", "update", "stale")) {
                List<EventSyncDetail.Change> ofKind = mine.stream().filter(c -> kind.equals(c.kind())).toList();
                for (EventSyncDetail.Change c : ofKind.subList(0, Math.min(ofKind.size(), SHOWN_EVENT_CHANGES))) {
                    md.append("| ").append(kind).append(" | ").append(text(c.eventType())).append(" | ")
                            .append(cell(String.valueOf(c.symbol()))).append(" | ").append(text(c.date()))
                            .append(" | ").append(cell(timeAndZone(c))).append(" | ")
                            .append(cell(String.valueOf(c.title()))).append(" | ").append(cell(details(c)))
                            .append(" |\n");
                }
                if (ofKind.size() > SHOWN_EVENT_CHANGES) {
                    md.append("| ").append(kind).append(" | … and ").append(ofKind.size() - SHOWN_EVENT_CHANGES)
                            .append(" more (see the JSON report) | | | | | |\n");
                }
            }
        }
    }

    private static String timeAndZone(EventSyncDetail.Change change) {
        String time = String.valueOf(change.time());
        return time.isEmpty() ? "" : time + " " + change.zone();
    }

    /** "field: old → new; …" for an update, the reason for a stale row. */
    public static String details(EventSyncDetail.Change change) {
        if (change.fields() != null && !change.fields().isEmpty()) {
            StringBuilder d = new StringBuilder();
            for (EventSyncDetail.FieldEdit field : change.fields()) {
                if (d.length() > 0) {
                    d.append("; ");
                }
                d.append(field.field()).append(": ").append(abbreviate(field.oldValue())).append(" → ")
                        .append(abbreviate(field.newValue()));
            }
            return d.toString();
        }
        return change.reason() == null ? "" : change.reason();
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static void list(StringBuilder md, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        md.append("\n### ").append(title).append("\n\n");
        items.forEach(i -> md.append("- ").append(text(i)).append('\n'));
    }

    private static String cell(String value) {
        return text(value);
    }

    /**
     * A value made safe for the report: HTML's special characters as entities (so a name such as
     * {@code <img src=x onerror=…>} is shown, never run, by a Markdown viewer), {@code |} as
     * {@code &#124;} (it never splits a table cell) and line breaks as spaces (they never end a row or
     * list item). Applied to every value the report shows.
     */
    static String text(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '|' -> out.append("&#124;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String count(Integer value) {
        return value == null ? "–" : value.toString();
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f s", value);
    }
}
