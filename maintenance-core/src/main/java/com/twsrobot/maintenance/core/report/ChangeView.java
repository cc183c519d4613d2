package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.ConstituentDetail;
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
        r.detail().asConstituent().ifPresent(d -> {
            ConstituentDetail.ChangeClassification c = d.changeClassification();
            if (c != null && Boolean.TRUE.equals(c.judged())) {
                java.util.Objects.requireNonNullElse(c.added(), List.<ConstituentDetail.Classified>of()).forEach(e -> v.addedNotes.put(e.symbol(), note(e.classification(), e.effective(), e.reason())));
                java.util.Objects.requireNonNullElse(c.removed(), List.<ConstituentDetail.Classified>of()).forEach(e -> v.removedNotes.put(e.symbol(), note(e.classification(), e.effective(), e.reason())));
            }
            for (ConstituentDetail.Rename m : java.util.Objects.requireNonNullElse(d.renames(), List.<ConstituentDetail.Rename>of())) {
                v.renamed.add(m.oldSymbol());
                v.renamed.add(m.newSymbol());
                v.renameLines.add(m.oldSymbol() + " → " + m.newSymbol() + "  " + m.oldName() + " → " + m.newName()
                        + "  [rename: " + m.basis() + "; " + note(m.classification(), m.effective(), m.reason()) + "]");
            }
        });
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

    private static String note(String kind, String effective, String reason) {
        if (effective == null) {
            return String.valueOf(kind);
        }
        String because = String.valueOf(reason).isBlank() ? "" : ": " + reason;
        return "pending".equals(kind) ? "pending, effective " + effective + because
                : kind + " (" + effective + because + ")";
    }
}
