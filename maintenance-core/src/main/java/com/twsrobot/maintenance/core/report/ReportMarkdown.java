package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.SymbolChange;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.Trigger;

import java.util.List;
import java.util.Map;
import java.util.Locale;

/** The human-readable report: a per-task table, then each task's source, changes, warnings and errors. */
public final class ReportMarkdown {

    private ReportMarkdown() {
    }

    /** The report's {@code detail.trigger}; manual when absent or unknown (a report from before triggers). */
    private static Trigger triggerOf(RunReport report) {
        try {
            return Trigger.parse(String.valueOf(report.detail().getOrDefault("trigger", "manual")));
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
        Trigger trigger = triggerOf(report);
        if (trigger instanceof Trigger.Schedule) {
            md.append("- Trigger: schedule").append(report.detail().containsKey("schedule_apply")
                    ? " (" + text(report.detail().get("schedule_apply")) + ")" : "").append('\n');
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
        if (report.detail().containsKey(RunReport.LOCK_HELD_BY)) {
            md.append("\nNothing ran: the run lock is held by ").append(text(report.detail().get(RunReport.LOCK_HELD_BY)))
                    .append(".\n");
        }

        for (TaskResult r : report.results()) {
            md.append("\n## ").append(text(r.task())).append(" — ").append(r.status().wireName()).append("\n\n");
            md.append("- Source: ").append(r.source().isEmpty() ? "(none)" : text(r.source())).append('\n');
            md.append("- Duration: ").append(seconds(r.durationSeconds())).append('\n');
            md.append("- Validation: ").append(r.validation().status().wireName()).append('\n');
            if (r.detail().containsKey("message")) {
                md.append("- ").append(text(r.detail().get("message"))).append('\n');
            }
            if (r.detail().containsKey("backup")) {
                md.append("- Backup of the replaced file: ").append(text(r.detail().get("backup"))).append('\n');
            }
            if (r.detail().containsKey("plan_id")) {
                md.append("- Plan: ").append(text(r.detail().get("plan_id")))
                        .append(r.dryRun() ? " (apply exactly this preview with `run --apply --plan "
                                + text(r.detail().get("plan_id")) + "`)" : "").append('\n');
            }
            if (r.detail().containsKey("restored_backup")) {
                md.append("- Restored backup: ").append(text(r.detail().get("restored_backup"))).append('\n');
            }
            ChangeView view = ChangeView.of(r);
            contentDate(md, r);
            changes(md, "Added", view.withoutRenames(r.added()), view, true);
            changes(md, "Removed", view.withoutRenames(r.removed()), view, false);
            if (!view.renameLines().isEmpty()) {
                md.append("\n### Renamed (").append(view.renameLines().size()).append(")\n\n");
                view.renameLines().forEach(l -> md.append("- ").append(text(l)).append('\n'));
            }
            fieldChanges(md, r);
            secondOpinion(md, r);
            eventChanges(md, r);
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
    private static void contentDate(StringBuilder md, TaskResult r) {
        if (r.detail().get("content") instanceof Map<?, ?> c) {
            md.append("- Content: ").append(c.get("as_of") == null ? "date unknown" : "as of " + text(c.get("as_of"))
                    + " (" + text(c.get("basis")) + ", " + text(c.get("age_days")) + " days old)")
                    .append(", origin ").append(text(c.get("origin"))).append('\n');
        }
    }

    /** Most field changes listed; the JSON report has them all. */
    static final int SHOWN_FIELD_CHANGES = 200;

    /** For the symbols kept, each changed field as old → new ({@code detail.changed_rows}). */
    private static void fieldChanges(StringBuilder md, TaskResult r) {
        if (!(r.detail().get("changed_rows") instanceof List<?> rows) || rows.isEmpty()) {
            return;
        }
        md.append("\n### Changed fields (").append(rows.size()).append(")\n\n");
        md.append("| Symbol | Field | Old | New |\n| --- | --- | --- | --- |\n");
        for (Object o : rows.subList(0, Math.min(rows.size(), SHOWN_FIELD_CHANGES))) {
            Map<?, ?> c = (Map<?, ?>) o;
            md.append("| ").append(cell(String.valueOf(c.get("symbol")))).append(" | ").append(text(c.get("field")))
                    .append(" | ").append(cell(String.valueOf(c.get("old")))).append(" | ")
                    .append(cell(String.valueOf(c.get("new")))).append(" |\n");
        }
        if (rows.size() > SHOWN_FIELD_CHANGES) {
            md.append("\n… and ").append(rows.size() - SHOWN_FIELD_CHANGES).append(" more in the JSON report.\n");
        }
    }

    /** Each second source's verdict on the proposal ({@code detail.second_opinion}), next to the diff. */
    private static void secondOpinion(StringBuilder md, TaskResult r) {
        if (!(r.detail().get("second_opinion") instanceof List<?> opinions) || opinions.isEmpty()) {
            return;
        }
        md.append("\n### Second opinion\n\n| Source | As of | Verdict | Only on the page | Only in the source |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (Object o : opinions) {
            Map<?, ?> op = (Map<?, ?>) o;
            md.append("| ").append(text(op.get("source"))).append(" | ").append(text(op.get("as_of"))).append(" | ")
                    .append(text(op.get("status"))).append(op.get("reason") == null ? "" : ": " + cell(String.valueOf(op.get("reason"))))
                    .append(" | ").append(cell(symbols(op.get("only_on_page")))).append(" | ")
                    .append(cell(symbols(op.get("only_in_source")))).append(" |\n");
        }
    }

    private static String symbols(Object list) {
        if (!(list instanceof List<?> items) || items.isEmpty()) {
            return "";
        }
        List<String> out = new java.util.ArrayList<>();
        for (Object o : items) {
            Map<?, ?> m = (Map<?, ?>) o;
            out.add(m.get("symbol") + " (" + m.get("name") + ")");
        }
        return String.join(", ", out);
    }

    /** Most event changes listed per provider and kind; the JSON report has them all. */
    static final int SHOWN_EVENT_CHANGES = 50;

    /**
     * A market-events task's providers (their counts) and, per provider, the events inserted, updated
     * and marked stale (or that would be, in a dry run), from its {@code detail.providers} and
     * {@code detail.changes}.
     */
    private static void eventChanges(StringBuilder md, TaskResult r) {
        if (!(r.detail().get("providers") instanceof List<?> providers) || providers.isEmpty()) {
            return;
        }
        List<?> changes = r.detail().get("changes") instanceof List<?> c ? c : List.of();
        md.append("\n### Market events by provider").append(r.dryRun() ? " (what an apply would do)" : "").append("\n\n");
        md.append("| Provider | Status | Fetched | Inserted | Updated | Stale | Errors |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Object o : providers) {
            Map<?, ?> p = (Map<?, ?>) o;
            md.append("| ").append(text(p.get("provider"))).append(" | ").append(text(p.get("status"))).append(" | ")
                    .append(p.get("fetched_count")).append(" | ").append(p.get("inserted_count")).append(" | ")
                    .append(p.get("updated_count")).append(" | ").append(p.get("stale_count")).append(" | ")
                    .append(p.get("error_count")).append(" |\n");
        }
        for (Object o : providers) {
            Object provider = ((Map<?, ?>) o).get("provider");
            List<Map<?, ?>> mine = changes.stream().<Map<?, ?>>map(c -> (Map<?, ?>) c)
                    .filter(c -> provider.equals(c.get("provider"))).toList();
            if (mine.isEmpty()) {
                continue;
            }
            md.append("\n#### ").append(text(provider)).append(" (").append(mine.size()).append(" change")
                    .append(mine.size() == 1 ? "" : "s").append(")\n\n");
            md.append("| Change | Type | Symbol | Date | Time | Title | Details |\n");
            md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
            for (String kind : List.of("insert", "update", "stale")) {
                List<Map<?, ?>> ofKind = mine.stream().filter(c -> kind.equals(c.get("kind"))).toList();
                for (Map<?, ?> c : ofKind.subList(0, Math.min(ofKind.size(), SHOWN_EVENT_CHANGES))) {
                    md.append("| ").append(kind).append(" | ").append(text(c.get("event_type"))).append(" | ")
                            .append(cell(String.valueOf(c.get("symbol")))).append(" | ").append(text(c.get("date")))
                            .append(" | ").append(cell(timeAndZone(c))).append(" | ")
                            .append(cell(String.valueOf(c.get("title")))).append(" | ").append(cell(details(c)))
                            .append(" |\n");
                }
                if (ofKind.size() > SHOWN_EVENT_CHANGES) {
                    md.append("| ").append(kind).append(" | … and ").append(ofKind.size() - SHOWN_EVENT_CHANGES)
                            .append(" more (see the JSON report) | | | | | |\n");
                }
            }
        }
    }

    private static String timeAndZone(Map<?, ?> change) {
        String time = String.valueOf(change.get("time"));
        return time.isEmpty() ? "" : time + " " + change.get("zone");
    }

    /** "field: old → new; …" for an update, the reason for a stale row. */
    public static String details(Map<?, ?> change) {
        if (change.get("fields") instanceof List<?> fields) {
            StringBuilder d = new StringBuilder();
            for (Object f : fields) {
                Map<?, ?> field = (Map<?, ?>) f;
                if (d.length() > 0) {
                    d.append("; ");
                }
                d.append(field.get("field")).append(": ").append(abbreviate(field.get("old"))).append(" → ")
                        .append(abbreviate(field.get("new")));
            }
            return d.toString();
        }
        return change.get("reason") == null ? "" : String.valueOf(change.get("reason"));
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
