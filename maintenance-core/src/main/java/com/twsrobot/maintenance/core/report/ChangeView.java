package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.SymbolChange;
import com.twsrobot.maintenance.api.TaskResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How each added, removed and renamed symbol of a constituent result reads in a text view (Markdown,
 * the CLI summary): from {@code detail.change_classification} and {@code detail.renames}, so every
 * view says the same. A renamed symbol is shown once, as {@code OLD → NEW}, not as a removal and an addition.
 */
public final class ChangeView {

    private final Map<String, String> addedNotes = new HashMap<>();
    private final Map<String, String> removedNotes = new HashMap<>();
    private final Set<String> renamed = new HashSet<>();
    private final List<String> renameLines = new ArrayList<>();

    private ChangeView() {
    }

    /** The view of a result; no notes unless change records judged it ({@code judged}). */
    public static ChangeView of(TaskResult r) {
        ChangeView v = new ChangeView();
        if (r.detail().get("change_classification") instanceof Map<?, ?> c && Boolean.TRUE.equals(c.get("judged"))) {
            notes(c.get("added"), v.addedNotes);
            notes(c.get("removed"), v.removedNotes);
        }
        if (r.detail().get("renames") instanceof List<?> renames) {
            for (Object o : renames) {
                if (o instanceof Map<?, ?> m) {
                    v.renamed.add(String.valueOf(m.get("old")));
                    v.renamed.add(String.valueOf(m.get("new")));
                    v.renameLines.add(m.get("old") + " → " + m.get("new") + "  " + m.get("old_name") + " → "
                            + m.get("new_name") + "  [rename: " + m.get("basis") + "; " + note(m) + "]");
                }
            }
        }
        return v;
    }

    /** The changes less the symbols that are one side of a rename. */
    public List<SymbolChange> withoutRenames(List<SymbolChange> changes) {
        return changes.stream().filter(c -> !renamed.contains(c.symbol())).toList();
    }

    /** e.g. {@code explained (2026-06-22: Market capitalization change.)}, or "" when not classified. */
    public String note(SymbolChange c, boolean added) {
        return (added ? addedNotes : removedNotes).getOrDefault(c.symbol(), "");
    }

    /** One line per rename: {@code SATS → ECHO  EchoStar Corporation → EchoStar  [rename: …]}. */
    public List<String> renameLines() {
        return List.copyOf(renameLines);
    }

    private static void notes(Object entries, Map<String, String> into) {
        if (entries instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    into.put(String.valueOf(m.get("symbol")), note(m));
                }
            }
        }
    }

    private static String note(Map<?, ?> m) {
        Object kind = m.get("classification");
        if (m.get("effective") == null) {
            return String.valueOf(kind);
        }
        String reason = String.valueOf(m.get("reason")).isBlank() ? "" : ": " + m.get("reason");
        return "pending".equals(kind) ? "pending, effective " + m.get("effective") + reason
                : kind + " (" + m.get("effective") + reason + ")";
    }
}
