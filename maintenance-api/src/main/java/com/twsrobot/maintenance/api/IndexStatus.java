package com.twsrobot.maintenance.api;

import java.time.Instant;
import java.util.Optional;

/**
 * The state of one constituent file on disk.
 *
 * @param index         index key, e.g. {@code ftse100}
 * @param task          the task that refreshes it
 * @param file          the file's path
 * @param lastModified  when it was last written, if it exists
 * @param rowCount      distinct symbols in it, if it could be read
 * @param source        the URL its source reads by default ("" if no source is registered)
 * @param validation    the file checked against the index's rules as it stands
 * @param title         the index's name for people, e.g. {@code S&P 500}
 * @param content       when the file's content was current and where it came from, as the report that
 *                      wrote the file's current version recorded it; empty when no report says
 * @param contentNote   that for people, e.g. {@code content as of 2026-06-25, 161 days old, from the bundled
 *                      snapshot}; {@code "content date unknown"} when {@code content} is empty
 */
public record IndexStatus(String index, String task, String file, Optional<Instant> lastModified,
                          Optional<Integer> rowCount, String source, ValidationResult validation, String title,
                          Optional<ContentDate> content, String contentNote) {

    /**
     * A status without a content date.
     *
     * @param index        index key
     * @param task         the task that refreshes it
     * @param file         the file's path
     * @param lastModified when it was last written
     * @param rowCount     distinct symbols in it
     * @param source       the URL its source reads by default
     * @param validation   the file checked as it stands
     * @param title        the index's name for people
     */
    public IndexStatus(String index, String task, String file, Optional<Instant> lastModified,
                       Optional<Integer> rowCount, String source, ValidationResult validation, String title) {
        this(index, task, file, lastModified, rowCount, source, validation, title, Optional.empty(),
                "content date unknown");
    }
}
