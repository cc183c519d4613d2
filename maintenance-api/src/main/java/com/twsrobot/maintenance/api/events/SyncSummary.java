package com.twsrobot.maintenance.api.events;

import java.util.List;

/**
 * The result of a refresh or a preview: {@code success} when every provider succeeded,
 * {@code failed} when all failed, else {@code partial_failure}; totals over the providers.
 *
 * @param syncId    the sync's id
 * @param status    {@code success}, {@code partial_failure} or {@code failed}
 * @param preview   whether nothing was written
 * @param providers each provider's part
 * @param notes       what the service did besides the providers that the operator should know (a
 *                    migration of the store, with its backup)
 * @param lockHeldBy  when not empty, nothing ran: another writer holds the store's lock (named here)
 * @param error       when not empty, why the sync as a whole failed before or outside any provider (the
 *                    service could not be reached, refused the login, never finished); "" otherwise
 */
public record SyncSummary(String syncId, String status, boolean preview, List<ProviderResult> providers,
                          List<String> notes, String lockHeldBy, String error) {

    /**
     * A summary without an overall error.
     *
     * @param syncId     the sync's id
     * @param status     {@code success}, {@code partial_failure} or {@code failed}
     * @param preview    whether nothing was written
     * @param providers  each provider's part
     * @param notes      what else the service did
     * @param lockHeldBy the holder of the store's lock when nothing ran, else ""
     */
    public SyncSummary(String syncId, String status, boolean preview, List<ProviderResult> providers,
                       List<String> notes, String lockHeldBy) {
        this(syncId, status, preview, providers, notes, lockHeldBy, "");
    }

    /**
     * A sync that failed as a whole: no provider result, the reason, and what else is worth knowing.
     *
     * @param syncId  the sync's id
     * @param preview whether it was a preview
     * @param error   why it failed
     * @param notes   what else the operator should know (for example what the service showed last)
     * @return a {@code failed} summary
     */
    public static SyncSummary failed(String syncId, boolean preview, String error, List<String> notes) {
        return new SyncSummary(syncId, "failed", preview, List.of(), notes, "", error);
    }

    /**
     * A summary without notes, not refused.
     *
     * @param syncId    the sync's id
     * @param status    {@code success}, {@code partial_failure} or {@code failed}
     * @param preview   whether nothing was written
     * @param providers each provider's part
     */
    public SyncSummary(String syncId, String status, boolean preview, List<ProviderResult> providers) {
        this(syncId, status, preview, providers, List.of(), "");
    }

    /**
     * Copies the lists; null notes become none and a null holder "".
     *
     * @param syncId     the sync's id
     * @param status     {@code success}, {@code partial_failure} or {@code failed}
     * @param preview    whether nothing was written
     * @param providers  each provider's part
     * @param notes      what else the service did
     * @param lockHeldBy the holder of the store's lock when nothing ran, else ""
     * @param error      why the sync failed as a whole, else "" (null becomes "")
     */
    public SyncSummary {
        providers = List.copyOf(providers);
        notes = notes == null ? List.of() : List.copyOf(notes);
        lockHeldBy = lockHeldBy == null ? "" : lockHeldBy;
        error = error == null ? "" : error;
    }

    /**
     * Events read, over the providers.
     *
     * @return the total
     */
    public int fetchedCount() {
        return providers.stream().mapToInt(ProviderResult::fetchedCount).sum();
    }

    /**
     * Rows inserted or updated, over the providers.
     *
     * @return the total
     */
    public int upsertedCount() {
        return providers.stream().mapToInt(ProviderResult::upsertedCount).sum();
    }

    /**
     * Rows marked stale, over the providers.
     *
     * @return the total
     */
    public int staleCount() {
        return providers.stream().mapToInt(ProviderResult::staleCount).sum();
    }

    /**
     * Errors, over the providers.
     *
     * @return the total
     */
    public int errorCount() {
        return providers.stream().mapToInt(ProviderResult::errorCount).sum();
    }

    /**
     * The status of a sync from its providers' statuses.
     *
     * @param providers the providers' results
     * @return {@code failed} when all failed (or there are none), {@code partial_failure} when some did, else {@code success}
     */
    public static String statusOf(List<ProviderResult> providers) {
        if (providers.isEmpty()) {
            return "failed";
        }
        long failed = providers.stream().filter(p -> p.status().equals("failed")).count();
        if (failed == providers.size()) {
            return "failed";
        }
        return failed > 0 || providers.stream().anyMatch(p -> p.status().equals("partial_failure"))
                ? "partial_failure" : "success";
    }
}
