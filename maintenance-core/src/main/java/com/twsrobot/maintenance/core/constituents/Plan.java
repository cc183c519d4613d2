package com.twsrobot.maintenance.core.constituents;

import com.twsrobot.maintenance.api.ValidationStatus;

import java.time.Instant;

/**
 * What a dry run of one constituent task proposed, saved so that an apply can write exactly that.
 *
 * @param reportId          the dry run's report id
 * @param task              the task, e.g. {@code ftse100_constituents}
 * @param file              the file it was computed against
 * @param baseSha256        SHA-256 of that file then ("" if it did not exist)
 * @param createdAt         when the preview ran
 * @param validation        how the proposal validated
 * @param allowLargeChange  whether the preview allowed a large count change
 * @param source            where the rows came from
 * @param content           the exact bytes an apply writes, as UTF-8 text
 */
public record Plan(String reportId, String task, String file, String baseSha256, Instant createdAt,
                   ValidationStatus validation, boolean allowLargeChange, String source, String content) {
}
