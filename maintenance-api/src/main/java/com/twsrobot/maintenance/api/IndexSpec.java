package com.twsrobot.maintenance.api;

import java.util.regex.Pattern;

/**
 * What the generic constituent refresh task needs to know about one index; an index plug-in
 * ({@link ConstituentIndex}) brings it.
 *
 * @param index             short key used for sources, URLs and caches, e.g. {@code ftse100}
 * @param taskName          the task that refreshes it, e.g. {@code ftse100_constituents}
 * @param title             human name, e.g. {@code FTSE 100}
 * @param fileName          the CSV in the data dir, e.g. {@code ftse100_constituents.csv}
 * @param symbolPattern     what a valid symbol looks like in this market
 * @param symbolRule        that rule in words, for error messages
 * @param minimumRows       fewest distinct symbols a refreshed file may hold
 * @param hasDisplaySymbol  whether the file carries a {@code display_symbol} column
 * @param exchange          the ISO 10383 code (MIC) of the exchange its members trade on, e.g.
 *                          {@code XNYS}, {@code XSES}, {@code XHKG}: the market-open warning and the
 *                          console's off-peak schedule watch that exchange's sessions; null when no
 *                          exchange matters (or the library has no calendar for it)
 * @param churn             how much membership change per refresh is normal for this index; null for
 *                          the runner's default
 */
public record IndexSpec(String index, String taskName, String title, String fileName, Pattern symbolPattern,
                        String symbolRule, int minimumRows, boolean hasDisplaySymbol, String exchange, Churn churn) {

    /**
     * Checks the parts a runner relies on.
     *
     * @param index short key
     * @param taskName the task that refreshes it
     * @param title human name
     * @param fileName the CSV in the data dir
     * @param symbolPattern what a valid symbol looks like
     * @param symbolRule that rule in words
     * @param minimumRows fewest distinct symbols a refreshed file may hold
     * @param hasDisplaySymbol whether the file carries a {@code display_symbol} column
     * @param exchange the MIC of its exchange, or null
     * @param churn its normal churn, or null for the runner's default
     * @throws ConfigurationException when the key is not lower-case letters, digits and '_', or the task
     *                                name, file name or pattern is missing (a file name that leaves the
     *                                data dir is refused by the run that would write it)
     */
    public IndexSpec {
        if (index == null || !index.matches("[a-z0-9][a-z0-9_]*")) {
            throw new ConfigurationException("index key '" + index + "': use lower-case letters, digits and '_'");
        }
        if (taskName == null || taskName.isBlank() || fileName == null || fileName.isBlank() || symbolPattern == null) {
            throw new ConfigurationException("index '" + index + "': task name, file name and symbol pattern are required");
        }
    }

    /**
     * An index without a known exchange and with the runner's default churn thresholds.
     *
     * @param index            short key
     * @param taskName         the task that refreshes it
     * @param title            human name
     * @param fileName         the CSV in the data dir
     * @param symbolPattern    what a valid symbol looks like
     * @param symbolRule       that rule in words
     * @param minimumRows      fewest distinct symbols a refreshed file may hold
     * @param hasDisplaySymbol whether the file carries a {@code display_symbol} column
     * @throws ConfigurationException as the canonical constructor
     */
    public IndexSpec(String index, String taskName, String title, String fileName, Pattern symbolPattern,
                     String symbolRule, int minimumRows, boolean hasDisplaySymbol) {
        this(index, taskName, title, fileName, symbolPattern, symbolRule, minimumRows, hasDisplaySymbol, null, null);
    }

    /**
     * Membership churn that is normal for an index, as fractions of the current count (symbols replaced =
     * max(added, removed)): a refresh above {@code warn} warns, above {@code fail} fails unless a large
     * change is allowed.
     *
     * @param warn fraction above which a refresh warns, 0–1
     * @param fail fraction above which a refresh fails, {@code warn}–1
     */
    public record Churn(double warn, double fail) {

        /**
         * Checks the range.
         *
         * @param warn fraction above which a refresh warns
         * @param fail fraction above which a refresh fails
         * @throws ConfigurationException unless {@code 0 <= warn <= fail <= 1}
         */
        public Churn {
            if (!(warn >= 0 && warn <= fail && fail <= 1)) {
                throw new ConfigurationException("churn thresholds must satisfy 0 <= warn <= fail <= 1, got warn "
                        + warn + ", fail " + fail);
            }
        }
    }

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
        return new IndexSpec(index, taskName, title, fileName, symbolPattern, symbolRule, rows, hasDisplaySymbol,
                exchange, churn);
    }
}
