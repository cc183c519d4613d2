package com.twsrobot.maintenance.api;

/**
 * Fetches the proposed members of one index. Implementations are found with
 * {@link java.util.ServiceLoader} (or given to the runner's builder) and matched to an
 * {@link IndexSpec} by {@link #index()}.
 */
public interface ConstituentSource {

    /** The index key this source serves, e.g. {@code sp500}. */
    String index();

    /** The URL used when no override is configured, for status displays. */
    String defaultUrl();

    /**
     * Fetches and normalises the rows. Never returns an empty or partial table: a page without a
     * plausible table is a {@link SourceException} naming the URL and what was looked for.
     */
    SourceResult fetch(SourceContext context) throws SourceException;
}
