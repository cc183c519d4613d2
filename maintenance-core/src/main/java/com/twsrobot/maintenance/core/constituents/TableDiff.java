package com.twsrobot.maintenance.core.constituents;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.api.SymbolChange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Symbols added and removed between two tables, each with its company name, sorted by symbol. */
public record TableDiff(List<SymbolChange> added, List<SymbolChange> removed) {

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
        return new TableDiff(added, removed);
    }
}
