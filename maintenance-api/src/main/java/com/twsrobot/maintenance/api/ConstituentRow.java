package com.twsrobot.maintenance.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One index member. {@code displaySymbol} is empty for markets whose files have no such column;
 * {@code extras} holds any further columns a host's file already carries, in file order.
 *
 * @param symbol        the host's ticker, e.g. {@code D05.SI}
 * @param displaySymbol the exchange's code, e.g. {@code D05} ("" where the file has no such column)
 * @param security      the company's name
 * @param sector        the sector
 * @param subIndustry   the sub-industry ("" where the source has none)
 * @param extras        further columns by name, in file order
 */
public record ConstituentRow(String symbol, String displaySymbol, String security, String sector,
                             String subIndustry, Map<String, String> extras) {

    /**
     * Nulls become empty strings (and an empty map); the extras are copied.
     *
     * @param symbol        the host's ticker
     * @param displaySymbol the exchange's code
     * @param security      the company's name
     * @param sector        the sector
     * @param subIndustry   the sub-industry
     * @param extras        further columns by name
     */
    public ConstituentRow {
        symbol = Objects.requireNonNullElse(symbol, "");
        displaySymbol = Objects.requireNonNullElse(displaySymbol, "");
        security = Objects.requireNonNullElse(security, "");
        sector = Objects.requireNonNullElse(sector, "");
        subIndustry = Objects.requireNonNullElse(subIndustry, "");
        extras = extras == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /**
     * A row without a display symbol or extras.
     *
     * @param symbol      the host's ticker
     * @param security    the company's name
     * @param sector      the sector
     * @param subIndustry the sub-industry
     * @return the row
     */
    public static ConstituentRow of(String symbol, String security, String sector, String subIndustry) {
        return new ConstituentRow(symbol, "", security, sector, subIndustry, Map.of());
    }

    /**
     * A row without extras.
     *
     * @param symbol        the host's ticker
     * @param displaySymbol the exchange's code
     * @param security      the company's name
     * @param sector        the sector
     * @param subIndustry   the sub-industry
     * @return the row
     */
    public static ConstituentRow of(String symbol, String displaySymbol, String security, String sector,
                                    String subIndustry) {
        return new ConstituentRow(symbol, displaySymbol, security, sector, subIndustry, Map.of());
    }

    /**
     * The value of a column by its CSV name.
     *
     * @param column a column name, e.g. {@link ConstituentTable#SECTOR}
     * @return the value; empty for a column this row does not have
     */
    public String value(String column) {
        return switch (column) {
            case ConstituentTable.SYMBOL -> symbol;
            case ConstituentTable.DISPLAY_SYMBOL -> displaySymbol;
            case ConstituentTable.SECURITY -> security;
            case ConstituentTable.SECTOR -> sector;
            case ConstituentTable.SUB_INDUSTRY -> subIndustry;
            default -> extras.getOrDefault(column, "");
        };
    }

    /**
     * The same row with another sector and sub-industry.
     *
     * @param newSector      the sector
     * @param newSubIndustry the sub-industry
     * @return a new row
     */
    public ConstituentRow withClassification(String newSector, String newSubIndustry) {
        return new ConstituentRow(symbol, displaySymbol, security, newSector, newSubIndustry, extras);
    }

    /**
     * This row as a file with {@code columns} would hold it: absent columns read back empty.
     *
     * @param columns the file's columns
     * @return a new row
     */
    public ConstituentRow projectedOnto(java.util.List<String> columns) {
        Map<String, String> kept = new LinkedHashMap<>();
        extras.forEach((k, v) -> {
            if (columns.contains(k)) {
                kept.put(k, v);
            }
        });
        for (String column : columns) {
            if (!ConstituentTable.canonicalColumns(true).contains(column)) {
                kept.putIfAbsent(column, "");
            }
        }
        return new ConstituentRow(columns.contains(ConstituentTable.SYMBOL) ? symbol : "",
                columns.contains(ConstituentTable.DISPLAY_SYMBOL) ? displaySymbol : "",
                columns.contains(ConstituentTable.SECURITY) ? security : "",
                columns.contains(ConstituentTable.SECTOR) ? sector : "",
                columns.contains(ConstituentTable.SUB_INDUSTRY) ? subIndustry : "", kept);
    }

    /**
     * The same row with other extra columns.
     *
     * @param newExtras further columns by name
     * @return a new row
     */
    public ConstituentRow withExtras(Map<String, String> newExtras) {
        return new ConstituentRow(symbol, displaySymbol, security, sector, subIndustry, newExtras);
    }
}
