package com.twsrobot.maintenance.api;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What replacing a file through {@link TaskContext#replaceFile(String, String, byte[], ContentCheck)}
 * did: the same record the built-in constituent tasks keep, so that a plug-in task's report, backups
 * and rollback look like theirs.
 *
 * @param file            the file (absolute; a symbolic link's target when the data file is a link)
 * @param previousSha256  SHA-256 of the content it replaced; {@code ""} when the file did not exist
 * @param sha256          SHA-256 of the new content
 * @param replaced        whether the file was replaced (false in a dry run and when the content was
 *                        already there)
 * @param backupId        the backup of the previous content ({@code backups}, {@code rollback}); null
 *                        when nothing was backed up
 * @param backup          where that backup is; null when nothing was backed up
 * @param invalidations   what each cache invalidator answered, in order
 * @param prunedBackups   old backups removed to keep the newest the runner keeps
 * @param warnings        what went wrong after the file was replaced (an invalidator failed, the
 *                        directory could not be synced, old backups could not be pruned)
 */
public record FileWrite(Path file, String previousSha256, String sha256, boolean replaced, String backupId, Path backup,
                        List<Invalidation> invalidations, List<Path> prunedBackups, List<String> warnings) {

    /**
     * Copies the lists.
     *
     * @param file the file
     * @param previousSha256 SHA-256 of the content replaced, or ""
     * @param sha256 SHA-256 of the new content
     * @param replaced whether it was replaced
     * @param backupId the backup's id, or null
     * @param backup the backup's path, or null
     * @param invalidations the invalidators' answers
     * @param prunedBackups old backups removed
     * @param warnings what went wrong after the replace
     */
    public FileWrite {
        invalidations = List.copyOf(invalidations);
        prunedBackups = List.copyOf(prunedBackups);
        warnings = List.copyOf(warnings);
    }

    /**
     * One cache invalidator's answer.
     *
     * @param invalidator its {@link CacheInvalidator#name()}
     * @param ok          whether it succeeded
     * @param message     why it failed; null when it succeeded
     */
    public record Invalidation(String invalidator, boolean ok, String message) {
    }

    /**
     * States a plug-in task's detail as the {@link FileWriteDetail} of this write, and adds its warnings:
     * what a task whose result is the file it wrote reports (a task with more facts of its own gives them
     * with {@link #reportInto} and {@link TaskResult.Builder#detail(String, Object)} instead).
     *
     * @param result  the task's result builder
     * @param file    the task's file as it names it (e.g. under the data directory)
     * @param message a one-line note, or null
     * @return {@code result}
     */
    public TaskResult.Builder report(TaskResult.Builder result, String file, String message) {
        List<TaskDetail.CacheOutcome> outcomes = replaced ? invalidations.stream()
                .map(i -> new TaskDetail.CacheOutcome(i.invalidator(), i.ok() ? "ok" : "failed", i.ok() ? null : i.message()))
                .toList() : null;
        result.detail(new FileWriteDetail(file, message, !previousSha256.equals(sha256), replaced, sha256,
                backupId == null ? null : backup.toString(), backupId, replaced ? cachesInvalidated() : null, outcomes,
                prunedBackups.isEmpty() ? null : prunedBackups.stream().map(Path::toString).toList(), null));
        warnings.forEach(result::warning);
        return result;
    }

    /** The invalidators that answered, in order. */
    private List<String> cachesInvalidated() {
        return invalidations.stream().filter(Invalidation::ok).map(Invalidation::invalidator).toList();
    }

    /**
     * Puts into a task's result what the built-in tasks report of a replace: details {@code written},
     * {@code sha256}, {@code backup}, {@code backup_id}, {@code caches_invalidated},
     * {@code cache_invalidation}, {@code pruned_backups}, and the warnings.
     *
     * @param result the task's result builder
     * @return {@code result}
     */
    public TaskResult.Builder reportInto(TaskResult.Builder result) {
        result.detail("written", replaced);
        result.detail("sha256", sha256);
        if (backupId != null) {
            result.detail("backup", backup.toString());
            result.detail("backup_id", backupId);
        }
        if (replaced) {
            result.detail("caches_invalidated", cachesInvalidated());
            result.detail("cache_invalidation", invalidations.stream().map(i -> {
                Map<String, Object> outcome = new LinkedHashMap<>();
                outcome.put("invalidator", i.invalidator());
                outcome.put("outcome", i.ok() ? "ok" : "failed");
                if (!i.ok()) {
                    outcome.put("message", i.message());
                }
                return outcome;
            }).toList());
        }
        if (!prunedBackups.isEmpty()) {
            result.detail("pruned_backups", prunedBackups.stream().map(Path::toString).toList());
        }
        warnings.forEach(result::warning);
        return result;
    }
}
