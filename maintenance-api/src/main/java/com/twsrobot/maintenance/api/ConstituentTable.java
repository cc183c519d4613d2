package com.twsrobot.maintenance.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A constituent file's content: its column names in order and its rows as listed (duplicates kept,
 * so that validation can see them).
 */
public record ConstituentTable(List<String> columns, List<ConstituentRow> rows) {

    public static final String SYMBOL = "symbol";
    public static final String DISPLAY_SYMBOL = "display_symbol";
    public static final String SECURITY = "security";
    public static final String SECTOR = "sector";
    public static final String SUB_INDUSTRY = "sub_industry";

    /** The columns every constituent file must have. */
    public static final List<String> REQUIRED_COLUMNS = List.of(SYMBOL, SECURITY, SECTOR, SUB_INDUSTRY);

    public ConstituentTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The canonical column order: {@code symbol, [display_symbol,] security, sector, sub_industry}. */
    public static List<String> canonicalColumns(boolean withDisplaySymbol) {
        return withDisplaySymbol
                ? List.of(SYMBOL, DISPLAY_SYMBOL, SECURITY, SECTOR, SUB_INDUSTRY)
                : REQUIRED_COLUMNS;
    }

    public static ConstituentTable of(boolean withDisplaySymbol, List<ConstituentRow> rows) {
        return new ConstituentTable(canonicalColumns(withDisplaySymbol), rows);
    }

    public int rowCount() {
        return rows.size();
    }

    /** Distinct symbols in first-seen order; counts and thresholds use these, not rows. */
    public Set<String> symbols() {
        Set<String> symbols = new LinkedHashSet<>();
        for (ConstituentRow row : rows) {
            symbols.add(row.symbol());
        }
        return symbols;
    }

    public int symbolCount() {
        return symbols().size();
    }

    /** The first row for each symbol, in first-seen order. */
    public Map<String, ConstituentRow> bySymbol() {
        Map<String, ConstituentRow> map = new LinkedHashMap<>();
        for (ConstituentRow row : rows) {
            map.putIfAbsent(row.symbol(), row);
        }
        return map;
    }

    /** The same columns with other rows. */
    public ConstituentTable withRows(List<ConstituentRow> newRows) {
        return new ConstituentTable(columns, newRows);
    }

    /** One row per symbol (the first), sorted by symbol. */
    public ConstituentTable distinctSortedBySymbol() {
        List<ConstituentRow> distinct = new ArrayList<>(bySymbol().values());
        distinct.sort(java.util.Comparator.comparing(ConstituentRow::symbol));
        return withRows(distinct);
    }
}
