package com.twsrobot.maintenance.api.events;

import java.util.List;

/**
 * The result of a refresh or a preview: {@code success} when every provider succeeded,
 * {@code failed} when all failed, else {@code partial_failure}; totals over the providers.
 *
 * @param notes       what the service did besides the providers that the operator should know (a
 *                    migration of the store, with its backup)
 * @param lockHeldBy  when not empty, nothing ran: another writer holds the store's lock (named here)
 */
public record SyncSummary(String syncId, String status, boolean preview, List<ProviderResult> providers,
                          List<String> notes, String lockHeldBy) {

    /** A summary without notes, not refused. */
    public SyncSummary(String syncId, String status, boolean preview, List<ProviderResult> providers) {
        this(syncId, status, preview, providers, List.of(), "");
    }

    public SyncSummary {
        providers = List.copyOf(providers);
        notes = notes == null ? List.of() : List.copyOf(notes);
        lockHeldBy = lockHeldBy == null ? "" : lockHeldBy;
    }

    public int fetchedCount() {
        return providers.stream().mapToInt(ProviderResult::fetchedCount).sum();
    }

    public int upsertedCount() {
        return providers.stream().mapToInt(ProviderResult::upsertedCount).sum();
    }

    public int staleCount() {
        return providers.stream().mapToInt(ProviderResult::staleCount).sum();
    }

    public int errorCount() {
        return providers.stream().mapToInt(ProviderResult::errorCount).sum();
    }

    /** The status of a set of provider statuses. */
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
