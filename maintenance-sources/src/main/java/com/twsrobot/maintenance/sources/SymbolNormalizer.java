package com.twsrobot.maintenance.sources;

import java.util.Locale;

/**
 * The cleaning every page's ticker cell needs before an index's own symbol rule reads it (each index
 * source brings that rule: {@code Sp500Source.symbol}, {@code StiSource.code}, {@code HsiSource.code}).
 */
public final class SymbolNormalizer {

    private SymbolNormalizer() {
    }

    /** No-break spaces to spaces, trimmed, upper case, runs of white space to one space. */
    public static String clean(String cell) {
        return cell.replace('\u00A0', ' ').trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
