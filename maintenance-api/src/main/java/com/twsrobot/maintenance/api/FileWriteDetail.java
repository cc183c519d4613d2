package com.twsrobot.maintenance.api;

import java.util.List;

/**
 * The detail of a plug-in task that wrote (or would write) a file through
 * {@link TaskContext#replaceFile}, as {@link FileWrite#reportInto} records it.
 *
 * @param file              the file
 * @param message           a one-line note, or null
 * @param changed           whether the content differs from the file's
 * @param written           whether the file was replaced or created
 * @param sha256            the checksum of the content
 * @param backup            the path of the backup of the replaced file, or null
 * @param backupId          that backup's id, or null
 * @param cachesInvalidated the cache invalidators that answered
 * @param cacheInvalidation how each invalidator answered
 * @param prunedBackups     backups removed beyond {@code keep_backups}
 * @param cause             the exception behind a failure
 */
public record FileWriteDetail(String file, String message, Boolean changed, Boolean written, String sha256,
                              String backup, String backupId, List<String> cachesInvalidated,
                              List<TaskDetail.CacheOutcome> cacheInvalidation, List<String> prunedBackups,
                              TaskDetail.Cause cause) implements TaskDetail {

    /**
     * Copies the lists; an absent one stays null (the report did not state it, and a rewrite writes it
     * absent again, never as an empty list).
     *
     * @param file              see the record
     * @param message           see the record
     * @param changed           see the record
     * @param written           see the record
     * @param sha256            see the record
     * @param backup            see the record
     * @param backupId          see the record
     * @param cachesInvalidated see the record
     * @param cacheInvalidation see the record
     * @param prunedBackups     see the record
     * @param cause             see the record
     */
    public FileWriteDetail {
        cachesInvalidated = cachesInvalidated == null ? null : List.copyOf(cachesInvalidated);
        cacheInvalidation = cacheInvalidation == null ? null : List.copyOf(cacheInvalidation);
        prunedBackups = prunedBackups == null ? null : List.copyOf(prunedBackups);
    }
}
