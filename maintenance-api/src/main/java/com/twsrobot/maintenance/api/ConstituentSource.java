package com.twsrobot.maintenance.api;

/**
 * Fetches the proposed members of one index. Implementations are found with
 * {@link java.util.ServiceLoader} (or given to the runner's builder) and matched to an
 * {@link IndexSpec} by {@link #index()}.
 */
public interface ConstituentSource {

    /**
     * The index this source serves; also the key of its URL override.
     *
     * @return the index key, e.g. {@code ftse100}
     */
    String index();

    /**
     * The URL read when no override is configured (shown in status displays).
     *
     * @return the URL
     */
    String defaultUrl();

    /**
     * Fetches and normalises the rows. Never returns an empty or partial table: a page without a
     * plausible table is a {@link SourceException} naming the URL and what was looked for. Called on
     * its own thread, within the context's deadline.
     *
     * @param context the URL overrides, snapshot flag, clock and deadline
     * @return the rows, where they came from and any warnings
     * @throws SourceException when the page cannot be read or holds no plausible table
     */
    SourceResult fetch(SourceContext context) throws SourceException;
}
