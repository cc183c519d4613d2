package com.twsrobot.maintenance.api;

/**
 * A second opinion on an index's members, independent of its main source: for the S&amp;P 500, the daily
 * holdings an index fund's issuer publishes (a fund that tracks the index holds every member). Off
 * unless its URL key is configured ({@code --source-url KEY=URL}, {@code source_url.KEY}): it never
 * makes a network call by default. An index may have any number of them. Found with
 * {@link java.util.ServiceLoader} or given to the runner's builder.
 */
public interface MembershipSource {

    /**
     * The index it speaks for.
     *
     * @return the index key, e.g. {@code ftse100}
     */
    String index();

    /**
     * Its URL key; also its name in reports.
     *
     * @return e.g. {@code ftse100-fund-holdings}
     */
    String key();

    /**
     * Reads the members from {@code url} ({@code http(s):} or {@code file:}) within the context's deadline.
     *
     * @param url     the holdings file's URL
     * @param context the snapshot flag, clock and deadline
     * @return the members and the date they are as of
     * @throws SourceException naming the URL when it cannot be read or is not a holdings file
     */
    MembershipList fetch(String url, SourceContext context) throws SourceException;
}
