package com.twsrobot.maintenance.api;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the generic constituent refresh task needs to know about one index.
 *
 * @param index             short key used for sources, URLs and caches, e.g. {@code sp500}
 * @param taskName          the task that refreshes it, e.g. {@code sp500_constituents}
 * @param title             human name, e.g. {@code S&P 500}
 * @param fileName          the CSV in the data dir, e.g. {@code sp500_constituents.csv}
 * @param symbolPattern     what a valid symbol looks like in this market
 * @param symbolRule        that rule in words, for error messages
 * @param minimumRows       fewest distinct symbols a refreshed file may hold
 * @param hasDisplaySymbol  whether the file carries a {@code display_symbol} column
 */
public record IndexSpec(String index, String taskName, String title, String fileName, Pattern symbolPattern,
                        String symbolRule, int minimumRows, boolean hasDisplaySymbol) {

    /** The S&amp;P 500: US tickers, at least 450 members. */
    public static final IndexSpec SP500 = new IndexSpec("sp500", "sp500_constituents", "S&P 500",
            "sp500_constituents.csv", Pattern.compile("[A-Z][A-Z0-9]{0,5}(-[A-Z]{1,2})?"),
            "US ticker in upper case with '-' for share classes, e.g. BRK-B", 450, false);

    /** Singapore's Straits Times Index: SGX codes with {@code .SI}, at least 25 members. */
    public static final IndexSpec STI = new IndexSpec("sti", "sti_constituents", "STI",
            "sti_constituents.csv", Pattern.compile("[A-Z0-9]{2,5}\\.SI"),
            "SGX code with .SI suffix, e.g. D05.SI", 25, true);

    /** Hong Kong's Hang Seng Index: HKEX codes with {@code .HK}, at least 70 members. */
    public static final IndexSpec HSI = new IndexSpec("hsi", "hsi_constituents", "HSI",
            "hsi_constituents.csv", Pattern.compile("[0-9]{4,5}\\.HK"),
            "HKEX code zero-padded to four digits with .HK suffix, e.g. 0005.HK", 70, true);

    /** The indexes the library refreshes out of the box. */
    public static final List<IndexSpec> BUILT_IN = List.of(SP500, STI, HSI);

    /**
     * Whether a symbol has this market's form.
     *
     * @param symbol a symbol (null is not valid)
     * @return true when it matches {@link #symbolPattern()}
     */
    public boolean isValidSymbol(String symbol) {
        return symbol != null && symbolPattern.matcher(symbol).matches();
    }

    /**
     * The same index with another minimum (the operator's {@code min_rows.<index>}).
     *
     * @param rows fewest distinct symbols a refreshed file may hold
     * @return a new spec
     */
    public IndexSpec withMinimumRows(int rows) {
        return new IndexSpec(index, taskName, title, fileName, symbolPattern, symbolRule, rows, hasDisplaySymbol);
    }
}
