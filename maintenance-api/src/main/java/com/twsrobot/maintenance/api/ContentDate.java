package com.twsrobot.maintenance.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When the content a source returned was current, and where it came from — which is not when it was
 * fetched: a page copy bundled months ago, or a page nobody has edited for a year, is old however
 * recently it was read.
 *
 * @param asOf   when the content was last known current (the page's "last edited" line, the HTTP
 *               {@code Last-Modified} header, a holdings file's as-of date, a bundled snapshot's date);
 *               empty when nothing says
 * @param basis  what {@code asOf} was read from, for the operator (e.g. {@code "the page's last-edited line"},
 *               {@code "Last-Modified"}); empty when {@code asOf} is
 * @param origin whether the content came from a live URL, a {@code file:} URL or a bundled snapshot
 */
public record ContentDate(Optional<Instant> asOf, String basis, Origin origin) {

    /** Where content came from. */
    public enum Origin {
        /** Fetched over HTTP(S). */
        LIVE,
        /** Read from a {@code file:} URL the operator gave. */
        FILE,
        /** A page copy bundled with the library. */
        SNAPSHOT;

        /**
         * The origin of {@code url}: {@code file:} → FILE, else LIVE (snapshots say so themselves).
         *
         * @param url the URL read
         * @return its origin
         */
        public static Origin ofUrl(String url) {
            return url != null && url.regionMatches(true, 0, "file:", 0, 5) ? FILE : LIVE;
        }
    }

    /**
     * Checks its fields.
     *
     * @param asOf   when the content was current, if known
     * @param basis  what that was read from
     * @param origin where the content came from
     */
    public ContentDate {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(origin, "origin");
        basis = basis == null ? "" : basis;
    }

    /**
     * Content whose date nothing states.
     *
     * @param origin where it came from
     * @return a content date without {@code asOf}
     */
    public static ContentDate unknown(Origin origin) {
        return new ContentDate(Optional.empty(), "", origin);
    }
}
