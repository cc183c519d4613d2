package com.twsrobot.maintenance.api.events;

import java.time.Instant;
import java.util.List;

/**
 * One provider's part of a sync (or of a preview, where the counts say what would happen).
 *
 * @param syncId         shared by the providers of one sync
 * @param eventType      the types it reports, comma-separated
 * @param status         {@code success}, {@code partial_failure} or {@code failed}
 * @param upsertedCount  inserted + updated
 */
public record ProviderResult(String syncId, String provider, String eventType, String status, int fetchedCount,
                             int insertedCount, int updatedCount, int upsertedCount, int staleCount, int errorCount,
                             String errorMessage, List<String> warnings, Instant startedAt, Instant finishedAt) {

    public ProviderResult {
        warnings = List.copyOf(warnings);
        errorMessage = errorMessage == null ? "" : errorMessage;
    }
}
