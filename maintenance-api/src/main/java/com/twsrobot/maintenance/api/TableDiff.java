package com.twsrobot.maintenance.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Symbols added and removed between two tables, each with its company name, sorted by symbol; and for
 * the symbols kept, every field that changed (company name, sector, sub-industry, display symbol).
 */
public record TableDiff(List<SymbolChange> added, List<SymbolChange> removed, List<FieldChange> changed) {

    /** The fields compared for kept symbols, in the order they are listed. */
    static final List<String> FIELDS = List.of(ConstituentTable.SECURITY, ConstituentTable.SECTOR,
            ConstituentTable.SUB_INDUSTRY, ConstituentTable.DISPLAY_SYMBOL);

    /**
     * One changed field of a kept symbol.
     *
     * @param symbol   the symbol
     * @param field    the column, e.g. {@code sector}
     * @param oldValue its value before
     * @param newValue its value after
     */
    public record FieldChange(String symbol, String field, String oldValue, String newValue) {
    }

    /**
     * One task's part of a comparison of two versions.
     *
     * @param task    the constituent task
     * @param diff    the difference, or empty when the task was left out
     * @param skipped why the task was left out ("" when compared)
     */
    public record OfTask(String task, java.util.Optional<TableDiff> diff, String skipped) {
    }

    /**
     * What changed from one table to another.
     *
     * @param before the table before (an empty one for a new file)
     * @param after  the table after
     * @return symbols added and removed, sorted by symbol, and the changed fields of the symbols kept
     */
    public static TableDiff between(ConstituentTable before, ConstituentTable after) {
        Map<String, ConstituentRow> old = before.bySymbol();
        Map<String, ConstituentRow> now = after.bySymbol();
        List<SymbolChange> added = new ArrayList<>();
        now.forEach((symbol, row) -> {
            if (!old.containsKey(symbol)) {
                added.add(new SymbolChange(symbol, row.security()));
            }
        });
        List<SymbolChange> removed = new ArrayList<>();
        old.forEach((symbol, row) -> {
            if (!now.containsKey(symbol)) {
                removed.add(new SymbolChange(symbol, row.security()));
            }
        });
        added.sort(Comparator.comparing(SymbolChange::symbol));
        removed.sort(Comparator.comparing(SymbolChange::symbol));
        List<FieldChange> changed = new ArrayList<>();
        new TreeMap<>(now).forEach((symbol, row) -> {
            ConstituentRow was = old.get(symbol);
            if (was == null) {
                return;
            }
            for (String field : FIELDS) {
                // A column one of the files does not have is not a change of its values.
                if (!before.columns().contains(field) || !after.columns().contains(field)) {
                    continue;
                }
                String a = nullToEmpty(was.value(field));
                String b = nullToEmpty(row.value(field));
                if (!a.equals(b)) {
                    changed.add(new FieldChange(symbol, field, a, b));
                }
            }
        });
        return new TableDiff(added, removed, changed);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
