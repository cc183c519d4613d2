package com.twsrobot.maintenance.api.events;

import java.time.Instant;
import java.util.List;

/**
 * One provider's part of a sync (or of a preview, where the counts say what would happen).
 *
 * @param syncId        shared by the providers of one sync
 * @param provider      the provider's name, e.g. {@code fomc}
 * @param eventType     the types it reports, comma-separated
 * @param status        {@code success}, {@code partial_failure} or {@code failed}
 * @param fetchedCount  events read from the provider
 * @param insertedCount new rows
 * @param updatedCount  rows changed
 * @param upsertedCount inserted + updated
 * @param staleCount    rows marked stale
 * @param errorCount    errors met
 * @param errorMessage  the first error, or ""
 * @param warnings      what the operator should read
 * @param startedAt     when it started
 * @param finishedAt    when it finished
 * @param changes       each event inserted, updated or marked stale (empty where not listed)
 */
public record ProviderResult(String syncId, String provider, String eventType, String status, int fetchedCount,
                             int insertedCount, int updatedCount, int upsertedCount, int staleCount, int errorCount,
                             String errorMessage, List<String> warnings, Instant startedAt, Instant finishedAt,
                             List<EventChange> changes) {

    /**
     * A result without the list of changes (counts only).
     *
     * @param syncId        shared by the providers of one sync
     * @param provider      the provider's name, e.g. {@code fomc}
     * @param eventType     the types it reports, comma-separated
     * @param status        {@code success}, {@code partial_failure} or {@code failed}
     * @param fetchedCount  events read from the provider
     * @param insertedCount new rows
     * @param updatedCount  rows changed
     * @param upsertedCount inserted + updated
     * @param staleCount    rows marked stale
     * @param errorCount    errors met
     * @param errorMessage  the first error, or ""
     * @param warnings      what the operator should read
     * @param startedAt     when it started
     * @param finishedAt    when it finished
     */
    public ProviderResult(String syncId, String provider, String eventType, String status, int fetchedCount,
                          int insertedCount, int updatedCount, int upsertedCount, int staleCount, int errorCount,
                          String errorMessage, List<String> warnings, Instant startedAt, Instant finishedAt) {
        this(syncId, provider, eventType, status, fetchedCount, insertedCount, updatedCount, upsertedCount, staleCount,
                errorCount, errorMessage, warnings, startedAt, finishedAt, List.of());
    }

    /**
     * Copies the lists; a null error message becomes "" and null changes none.
     *
     * @param syncId        shared by the providers of one sync
     * @param provider      the provider's name, e.g. {@code fomc}
     * @param eventType     the types it reports, comma-separated
     * @param status        {@code success}, {@code partial_failure} or {@code failed}
     * @param fetchedCount  events read from the provider
     * @param insertedCount new rows
     * @param updatedCount  rows changed
     * @param upsertedCount inserted + updated
     * @param staleCount    rows marked stale
     * @param errorCount    errors met
     * @param errorMessage  the first error, or ""
     * @param warnings      what the operator should read
     * @param startedAt     when it started
     * @param finishedAt    when it finished
     * @param changes       each event inserted, updated or marked stale (empty where not listed)
     */
    public ProviderResult {
        warnings = List.copyOf(warnings);
        changes = changes == null ? List.of() : List.copyOf(changes);
        errorMessage = errorMessage == null ? "" : errorMessage;
    }
}
