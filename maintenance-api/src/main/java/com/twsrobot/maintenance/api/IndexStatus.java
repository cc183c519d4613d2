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
 */
public record IndexStatus(String index, String task, String file, Optional<Instant> lastModified,
                          Optional<Integer> rowCount, String source, ValidationResult validation, String title) {
}
