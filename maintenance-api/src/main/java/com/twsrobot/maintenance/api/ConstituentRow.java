package com.twsrobot.maintenance.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One index member. {@code displaySymbol} is empty for markets whose files have no such column;
 * {@code extras} holds any further columns a host's file already carries, in file order.
 */
public record ConstituentRow(String symbol, String displaySymbol, String security, String sector,
                             String subIndustry, Map<String, String> extras) {

    public ConstituentRow {
        symbol = Objects.requireNonNullElse(symbol, "");
        displaySymbol = Objects.requireNonNullElse(displaySymbol, "");
        security = Objects.requireNonNullElse(security, "");
        sector = Objects.requireNonNullElse(sector, "");
        subIndustry = Objects.requireNonNullElse(subIndustry, "");
        extras = extras == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    public static ConstituentRow of(String symbol, String security, String sector, String subIndustry) {
        return new ConstituentRow(symbol, "", security, sector, subIndustry, Map.of());
    }

    public static ConstituentRow of(String symbol, String displaySymbol, String security, String sector,
                                    String subIndustry) {
        return new ConstituentRow(symbol, displaySymbol, security, sector, subIndustry, Map.of());
    }

    /** The value of a column by its CSV name; empty for a column this row does not have. */
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

    public ConstituentRow withClassification(String newSector, String newSubIndustry) {
        return new ConstituentRow(symbol, displaySymbol, security, newSector, newSubIndustry, extras);
    }

    /** This row as a file with {@code columns} would hold it: absent columns read back empty. */
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

    public ConstituentRow withExtras(Map<String, String> newExtras) {
        return new ConstituentRow(symbol, displaySymbol, security, sector, subIndustry, newExtras);
    }
}
