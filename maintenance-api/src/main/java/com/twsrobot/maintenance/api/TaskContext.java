package com.twsrobot.maintenance.api;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What a running task may know and use. The runner supplies one to {@link MaintenanceTask#run} for
 * every task of a run; tests may supply their own.
 */
public interface TaskContext {

    /**
     * Whether the run only previews.
     *
     * @return true unless the request explicitly asked to apply
     */
    boolean dryRun();

    /**
     * The request the run was started with.
     *
     * @return the request, with the runner's default source URLs and deadline filled in
     */
    RunRequest request();

    /**
     * The run's report id, which also names its plans and journal.
     *
     * @return e.g. {@code maintenance_20260624_001500}
     */
    String reportId();

    /**
     * The clock every time in the run comes from (fixed in tests).
     *
     * @return the runner's clock
     */
    Clock clock();

    /**
     * Where the metadata files live.
     *
     * @return the data directory ({@code ./data} by default)
     */
    Path dataDir();

    /**
     * Where reports, plans and journals are written.
     *
     * @return the reports directory ({@code ./reports/maintenance} by default)
     */
    Path reportsDir();

    /**
     * The market-events service (the host's, or the embedded one), if the runner has one.
     *
     * @return the service, or empty
     */
    default java.util.Optional<com.twsrobot.maintenance.api.events.MarketEventsService> marketEvents() {
        return java.util.Optional.empty();
    }

    /**
     * Records in the run's report, before a task replaces {@code file}, which file it replaces and the
     * SHA-256 of the old and new content, so that a replace is never without a record even if the
     * process dies right after it. A task must not replace the file when this throws. The runner's
     * context writes the record; the default does nothing (for contexts outside a runner, such as a test's).
     *
     * @param file      the file about to be replaced
     * @param oldSha256 the SHA-256 of its content now ({@code ""} for a file that does not exist yet)
     * @param newSha256 the SHA-256 of the content about to be written
     * @throws java.io.IOException when the record cannot be written
     */
    default void recordReplace(Path file, String oldSha256, String newSha256) throws java.io.IOException {
    }

    /**
     * Replaces a file in the data dir the way the built-in constituent tasks do, in one call: the content
     * is staged beside the file and read back, {@code check} must find no problem in what was read back,
     * the current version is backed up (listed by {@code backups --task}, restored by {@code rollback}),
     * the run's report records the replace before it happens ({@link #recordReplace}), the staged file is
     * moved into place atomically, the runner's cache invalidators are told (their failures are warnings:
     * the file stays replaced), and old backups beyond the runner's limit are pruned. In a dry run nothing
     * is written: {@code check} sees {@code content} and the answer says what would be replaced. Content
     * equal to the file's is not written again. A task that uses it declares
     * {@link MaintenanceTask.Capability#WRITES_FILES} (so runs that write never overlap) and names the
     * file in {@link MaintenanceTask#files()}. Only the runner's context writes; the default refuses.
     *
     * @param changeKey what the cache invalidators are told changed (the task's name, or the index key for
     *                  an index's file)
     * @param fileName  a plain file name in the data dir, e.g. {@code screener_universe.csv}
     * @param content   the complete new content
     * @param check     the task's rule for the content
     * @return what was done, for {@link FileWrite#reportInto(TaskResult.Builder)}
     * @throws java.io.IOException when anything fails before the file is replaced: the check found a
     *                             problem, the name leaves the data dir, the staged copy did not read back
     *                             the same, the backup or the report's record could not be written. The
     *                             file is then unchanged, and the message says why.
     * @throws UnsupportedOperationException outside a runner (the testkit's recording context writes)
     */
    default FileWrite replaceFile(String changeKey, String fileName, byte[] content, ContentCheck check)
            throws java.io.IOException {
        throw new UnsupportedOperationException("this context cannot write files; run the task in a runner");
    }

    /**
     * Restores a backup of a data-dir file through {@link #replaceFile} (so the version it replaces is
     * backed up too, and the restore is reported and can itself be rolled back): what a task does when
     * {@code request().mode()} is a {@link RunMode.Rollback}.
     *
     * @param changeKey what the cache invalidators are told changed
     * @param fileName  the file's plain name
     * @param backupId  a backup id as {@link #backups(String)} lists it
     * @param check     the task's rule for the content (a backup is checked like new content)
     * @return what was done
     * @throws java.io.IOException when there is no such backup, it cannot be read, or the replace fails;
     *                             the file is then unchanged
     * @throws UnsupportedOperationException outside a runner
     */
    default FileWrite restoreFile(String changeKey, String fileName, String backupId, ContentCheck check)
            throws java.io.IOException {
        throw new UnsupportedOperationException("this context cannot write files; run the task in a runner");
    }

    /**
     * The backups of a data-dir file, newest first.
     *
     * @param fileName the file's plain name
     * @return its backups; empty outside a runner
     */
    default java.util.List<Backup> backups(String fileName) {
        return java.util.List.of();
    }

    /**
     * Sources of event symbols the runner was configured with (the watchlist file, a query, the host's),
     * besides those found with ServiceLoader.
     *
     * @return the sources; empty outside a runner
     */
    default java.util.List<com.twsrobot.maintenance.api.events.EventSymbols> eventSymbols() {
        return java.util.List.of();
    }

    /**
     * Tuning for the sources and providers a task drives, by key (e.g. {@code yahoo.concurrency}),
     * from the runner's settings rather than JVM-wide properties, so two runners in one JVM can differ.
     *
     * @return options by key; empty outside a runner or when none are set
     */
    default java.util.Map<String, String> providerOptions() {
        return java.util.Map.of();
    }

    /**
     * The runner's indices (those its index plug-ins bring and those given to its builder), for a task
     * that reads every constituent file rather than a list of its own.
     *
     * @return the indices, in order; empty outside a runner
     */
    default java.util.List<IndexSpec> indexes() {
        return java.util.List.of();
    }

    /**
     * The runner's network settings, for the sources and providers a task drives.
     *
     * @return the settings; {@link HttpSettings#DEFAULT} outside a runner
     */
    default HttpSettings http() {
        return HttpSettings.DEFAULT;
    }

    /**
     * Reports progress to whoever runs the task (stderr in the CLI, the console's progress view).
     *
     * @param message one line, e.g. {@code ftse100_constituents: fetching FTSE 100 constituents}
     */
    void progress(String message);

    /**
     * A result builder for this task, stamped with its name, the dry-run flag and the start time.
     *
     * @param taskName the task's name
     * @return a new builder
     */
    default TaskResult.Builder newResult(String taskName) {
        return TaskResult.builder(taskName, dryRun(), clock().instant());
    }
}
