package com.twsrobot.maintenance.api.events;

import java.util.List;

/**
 * The result of a refresh or a preview: {@code success} when every provider succeeded,
 * {@code failed} when all failed, else {@code partial_failure}; totals over the providers.
 */
public record SyncSummary(String syncId, String status, boolean preview, List<ProviderResult> providers) {

    public SyncSummary {
        providers = List.copyOf(providers);
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
