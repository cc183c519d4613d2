package com.twsrobot.maintenance.api;

/**
 * Told after a constituent file was successfully replaced, so the host can drop the screener
 * cache built from it. Found with {@link java.util.ServiceLoader} or given to the runner's builder.
 * Never called after a dry run or a failed apply.
 */
public interface CacheInvalidator {

    /**
     * A short name for reports.
     *
     * @return the class's simple name unless overridden
     */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * The constituents of an index changed on disk; called once per replaced file, after the replace.
     *
     * @param index the index key, e.g. {@code ftse100}
     * @throws Exception when the host could not be told; the report shows a warning and the file stays replaced
     */
    void invalidate(String index) throws Exception;

    /**
     * The same, with what changed: the file, its new SHA-256 and the report of the run that replaced it.
     * Calls {@link #invalidate(String)} unless an invalidator wants the details.
     *
     * @param change the replaced file
     * @throws Exception when the host could not be told; the report shows a warning and the file stays replaced
     */
    default void invalidate(Change change) throws Exception {
        invalidate(change.index());
    }

    /**
     * One replaced constituent file.
     *
     * @param index     the index key, e.g. {@code ftse100}
     * @param file      the file's absolute path
     * @param sha256    SHA-256 of its new content
     * @param reportId  the report of the run that replaced it
     * @param at        when it was replaced
     */
    record Change(String index, String file, String sha256, String reportId, java.time.Instant at) {
    }
}
