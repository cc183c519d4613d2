package com.twsrobot.maintenance.api.events;

import java.time.Instant;

/**
 * The latest market-events sync as a status card shows it: when, how it went, and its counts.
 *
 * @param syncId        the sync's id
 * @param finishedAt    when its newest provider finished
 * @param status        {@code success}, {@code partial_failure} or {@code failed}
 * @param fetchedCount  events read, over its providers
 * @param upsertedCount rows inserted or updated
 * @param staleCount    rows marked stale
 * @param errorCount    errors met
 * @param providerCount providers in it
 */
public record LastSync(String syncId, Instant finishedAt, String status, int fetchedCount, int upsertedCount,
                       int staleCount, int errorCount, int providerCount) {

    /**
     * The newest sync in a service's log, summed over its providers.
     *
     * @param service the market-events service
     * @return the newest sync, or empty when the log is empty
     */
    public static java.util.Optional<LastSync> newest(MarketEventsService service) {
        java.util.List<ProviderResult> log = service.syncLog(50);
        if (log.isEmpty()) {
            return java.util.Optional.empty();
        }
        String syncId = log.get(0).syncId();
        java.util.List<ProviderResult> sync = log.stream().filter(p -> p.syncId().equals(syncId)).toList();
        return java.util.Optional.of(new LastSync(syncId, log.get(0).finishedAt(), SyncSummary.statusOf(sync),
                sync.stream().mapToInt(ProviderResult::fetchedCount).sum(),
                sync.stream().mapToInt(ProviderResult::upsertedCount).sum(),
                sync.stream().mapToInt(ProviderResult::staleCount).sum(),
                sync.stream().mapToInt(ProviderResult::errorCount).sum(), sync.size()));
    }
}
