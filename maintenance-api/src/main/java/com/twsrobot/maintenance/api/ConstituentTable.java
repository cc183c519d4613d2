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
 *
 * @param columns the column names in file order
 * @param rows    the rows as listed
 */
public record ConstituentTable(List<String> columns, List<ConstituentRow> rows) {

    /** The symbol column: the host application's ticker, e.g. {@code BRK-B}, {@code D05.SI}. */
    public static final String SYMBOL = "symbol";
    /** The exchange's own code where it differs from the symbol, e.g. {@code D05} for {@code D05.SI}. */
    public static final String DISPLAY_SYMBOL = "display_symbol";
    /** The company's name. */
    public static final String SECURITY = "security";
    /** The sector, e.g. GICS for the S&amp;P 500. */
    public static final String SECTOR = "sector";
    /** The sub-industry, where the source gives one. */
    public static final String SUB_INDUSTRY = "sub_industry";

    /** The columns every constituent file must have. */
    public static final List<String> REQUIRED_COLUMNS = List.of(SYMBOL, SECURITY, SECTOR, SUB_INDUSTRY);

    /**
     * Copies the lists.
     *
     * @param columns the column names in file order
     * @param rows    the rows as listed
     */
    public ConstituentTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * The canonical column order: {@code symbol, [display_symbol,] security, sector, sub_industry}.
     *
     * @param withDisplaySymbol whether the index's files carry {@code display_symbol}
     * @return the column names
     */
    public static List<String> canonicalColumns(boolean withDisplaySymbol) {
        return withDisplaySymbol
                ? List.of(SYMBOL, DISPLAY_SYMBOL, SECURITY, SECTOR, SUB_INDUSTRY)
                : REQUIRED_COLUMNS;
    }

    /**
     * A table with the canonical columns.
     *
     * @param withDisplaySymbol whether the index's files carry {@code display_symbol}
     * @param rows              the rows
     * @return the table
     */
    public static ConstituentTable of(boolean withDisplaySymbol, List<ConstituentRow> rows) {
        return new ConstituentTable(canonicalColumns(withDisplaySymbol), rows);
    }

    /**
     * How many rows, duplicates included.
     *
     * @return the row count
     */
    public int rowCount() {
        return rows.size();
    }

    /**
     * Distinct symbols in first-seen order; counts and thresholds use these, not rows.
     *
     * @return the symbols
     */
    public Set<String> symbols() {
        Set<String> symbols = new LinkedHashSet<>();
        for (ConstituentRow row : rows) {
            symbols.add(row.symbol());
        }
        return symbols;
    }

    /**
     * How many distinct symbols.
     *
     * @return the count
     */
    public int symbolCount() {
        return symbols().size();
    }

    /**
     * The first row for each symbol, in first-seen order.
     *
     * @return rows by symbol
     */
    public Map<String, ConstituentRow> bySymbol() {
        Map<String, ConstituentRow> map = new LinkedHashMap<>();
        for (ConstituentRow row : rows) {
            map.putIfAbsent(row.symbol(), row);
        }
        return map;
    }

    /**
     * The same columns with other rows.
     *
     * @param newRows the rows
     * @return a new table
     */
    public ConstituentTable withRows(List<ConstituentRow> newRows) {
        return new ConstituentTable(columns, newRows);
    }

    /**
     * One row per symbol (the first), sorted by symbol: the order files are written in.
     *
     * @return a new table
     */
    public ConstituentTable distinctSortedBySymbol() {
        List<ConstituentRow> distinct = new ArrayList<>(bySymbol().values());
        distinct.sort(java.util.Comparator.comparing(ConstituentRow::symbol));
        return withRows(distinct);
    }
}
