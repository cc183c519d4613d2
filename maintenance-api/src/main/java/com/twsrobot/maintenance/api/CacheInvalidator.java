package com.twsrobot.maintenance.api;

/**
 * Told after a constituent file was successfully replaced, so the host can drop the screener
 * cache built from it. Found with {@link java.util.ServiceLoader} or given to the runner's builder.
 * Never called after a dry run or a failed apply.
 */
public interface CacheInvalidator {

    /** Short name for reports. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** The constituents of {@code index} (e.g. {@code hsi}) changed on disk. */
    void invalidate(String index) throws Exception;
}
