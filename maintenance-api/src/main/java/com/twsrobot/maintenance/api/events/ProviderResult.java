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
 * @param changes        each event inserted, updated or marked stale (or that would be, in a preview);
 *                       empty where the service does not list them (the sync log keeps counts only)
 */
public record ProviderResult(String syncId, String provider, String eventType, String status, int fetchedCount,
                             int insertedCount, int updatedCount, int upsertedCount, int staleCount, int errorCount,
                             String errorMessage, List<String> warnings, Instant startedAt, Instant finishedAt,
                             List<EventChange> changes) {

    /** A result without the list of changes (counts only). */
    public ProviderResult(String syncId, String provider, String eventType, String status, int fetchedCount,
                          int insertedCount, int updatedCount, int upsertedCount, int staleCount, int errorCount,
                          String errorMessage, List<String> warnings, Instant startedAt, Instant finishedAt) {
        this(syncId, provider, eventType, status, fetchedCount, insertedCount, updatedCount, upsertedCount, staleCount,
                errorCount, errorMessage, warnings, startedAt, finishedAt, List.of());
    }

    public ProviderResult {
        warnings = List.copyOf(warnings);
        changes = changes == null ? List.of() : List.copyOf(changes);
        errorMessage = errorMessage == null ? "" : errorMessage;
    }
}
