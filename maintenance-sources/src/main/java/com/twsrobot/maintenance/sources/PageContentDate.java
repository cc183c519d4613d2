package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.ContentDate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a Wikipedia page's content was current: its footer's "This page was last edited on 25 June 2026,
 * at 14:02" (UTC for a reader who is not logged in), else the answer's {@code Last-Modified} header; and
 * where it came from (a live URL, a {@code file:} URL, a bundled snapshot).
 */
public final class PageContentDate {

    /** The basis named when the page's own footer gave the date. */
    public static final String LAST_EDITED = "the page's last-edited line";
    /** The basis named when the HTTP answer's header gave it. */
    public static final String LAST_MODIFIED = "Last-Modified";
    /** The basis named when only the bundle's recorded date is known. */
    public static final String BUNDLE_DATE = "the date the bundle records";

    /** Prefix of the source URL of a bundled page copy. */
    public static final String SNAPSHOT_PREFIX = "snapshot:";

    private static final Pattern EDITED = Pattern.compile(
            "last edited on (\\d{1,2} [A-Za-z]+ \\d{4}), at (\\d{1,2}:\\d{2})", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private PageContentDate() {
    }

    /** The origin of a source URL: a {@code snapshot:} URL is a bundled copy, else as {@link ContentDate.Origin#ofUrl}. */
    public static ContentDate.Origin origin(String url) {
        return url.startsWith(SNAPSHOT_PREFIX) ? ContentDate.Origin.SNAPSHOT : ContentDate.Origin.ofUrl(url);
    }

    /**
     * The content date of a parsed page.
     *
     * @param doc          the page
     * @param url          where it was read ({@code snapshot:…} for a bundled copy)
     * @param lastModified the HTTP answer's {@code Last-Modified}, if it had one
     * @param bundleDate   for a bundled copy, the date the bundle records (used when the copy has no
     *                     last-edited line)
     */
    public static ContentDate of(Document doc, String url, Optional<Instant> lastModified, Optional<LocalDate> bundleDate) {
        ContentDate.Origin origin = origin(url);
        Optional<Instant> edited = lastEdited(doc);
        if (edited.isPresent()) {
            return new ContentDate(edited, LAST_EDITED, origin);
        }
        if (lastModified.isPresent()) {
            return new ContentDate(lastModified, LAST_MODIFIED, origin);
        }
        if (origin == ContentDate.Origin.SNAPSHOT && bundleDate.isPresent()) {
            return new ContentDate(Optional.of(bundleDate.get().atStartOfDay().toInstant(ZoneOffset.UTC)), BUNDLE_DATE,
                    origin);
        }
        return ContentDate.unknown(origin);
    }

    /** The footer's last-edited time (read as UTC), or empty when the page has no such line. */
    public static Optional<Instant> lastEdited(Document doc) {
        Element footer = doc.getElementById("footer-info-lastmod");
        Optional<Instant> found = footer == null ? Optional.empty() : parse(footer.text());
        return found.isPresent() ? found : parse(doc.text());
    }

    static Optional<Instant> parse(String text) {
        Matcher m = EDITED.matcher(text.replace('\u00A0', ' '));
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(m.group(1), DAY);
            String[] hm = m.group(2).split(":");
            return Optional.of(LocalDateTime.of(day.getYear(), day.getMonth(), day.getDayOfMonth(),
                    Integer.parseInt(hm[0]), Integer.parseInt(hm[1])).toInstant(ZoneOffset.UTC));
        } catch (java.time.DateTimeException e) { // a parse error, or 25:99
            return Optional.empty();
        }
    }
}
