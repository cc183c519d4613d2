package com.twsrobot.maintenance.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The detail of a market-events sync (a preview or a refresh), as the report writes it under
 * {@code detail}. Null where the sync did not get that far.
 *
 * @param mode          {@code preview} or {@code refresh}
 * @param syncId        the sync's id in the event store's log
 * @param window        the days the sync covered
 * @param symbols       the symbols it read per-symbol events for
 * @param symbolSources which source gave which symbols
 * @param providers     each provider's counts
 * @param totals        the counts of all providers
 * @param changes       every event inserted, updated or marked stale (or that would be)
 * @param lockHeldBy    the holder of the event store's lock that refused the sync, or null
 * @param cause         the exception behind a failure
 */
public record EventSyncDetail(String mode, String syncId, Window window, List<String> symbols,
                              Map<String, List<String>> symbolSources, List<ProviderRun> providers, Totals totals,
                              List<Change> changes, String lockHeldBy, TaskDetail.Cause cause) implements TaskDetail {

    /**
     * Copies the lists and maps; an absent one stays null (the report did not state it, and a rewrite
     * writes it absent again).
     *
     * @param mode          see the record
     * @param syncId        see the record
     * @param window        see the record
     * @param symbols       see the record
     * @param symbolSources see the record
     * @param providers     see the record
     * @param totals        see the record
     * @param changes       see the record
     * @param lockHeldBy    see the record
     * @param cause         see the record
     */
    public EventSyncDetail {
        symbols = symbols == null ? null : List.copyOf(symbols);
        symbolSources = symbolSources == null ? null : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(symbolSources));
        providers = providers == null ? null : List.copyOf(providers);
        changes = changes == null ? null : List.copyOf(changes);
    }

    @Override
    public Optional<EventSyncDetail> asEventSync() {
        return Optional.of(this);
    }

    /**
     * Whether the sync inserted, updated or marked stale any event (or would).
     *
     * @return true when the totals count a change, null without totals
     */
    @Override
    public Boolean changed() {
        return totals == null ? null : totals.insertedCount() + totals.updatedCount() + totals.staleCount() > 0;
    }

    /**
     * The days a sync covered.
     *
     * @param from      the first day
     * @param to        the last day
     * @param daysAhead how many days ahead of the run
     */
    public record Window(String from, String to, Integer daysAhead) {
    }

    /**
     * One provider's part of a sync (the event store's sync-log columns).
     *
     * @param provider      its name
     * @param eventType     the event types it gives
     * @param status        {@code success}, {@code partial_failure}, {@code failed}, …
     * @param fetchedCount  events fetched
     * @param insertedCount events inserted
     * @param updatedCount  events updated
     * @param upsertedCount events inserted or updated
     * @param staleCount    events marked stale
     * @param errorCount    errors
     * @param errorMessage  the error, "" for none
     * @param warnings      its warnings
     * @param startedAt     when it started
     * @param finishedAt    when it finished
     */
    public record ProviderRun(String provider, String eventType, String status, int fetchedCount, int insertedCount,
                              int updatedCount, int upsertedCount, int staleCount, int errorCount, String errorMessage,
                              List<String> warnings, String startedAt, String finishedAt) {
        /**
         * Copies the list; absent stays null (written absent again).
         *
         * @param provider      see the record
         * @param eventType     see the record
         * @param status        see the record
         * @param fetchedCount  see the record
         * @param insertedCount see the record
         * @param updatedCount  see the record
         * @param upsertedCount see the record
         * @param staleCount    see the record
         * @param errorCount    see the record
         * @param errorMessage  see the record
         * @param warnings      see the record
         * @param startedAt     see the record
         * @param finishedAt    see the record
         */
        public ProviderRun {
            warnings = warnings == null ? null : List.copyOf(warnings);
        }
    }

    /**
     * The counts of all providers of a sync.
     *
     * @param fetchedCount  events fetched
     * @param insertedCount events inserted
     * @param updatedCount  events updated
     * @param upsertedCount events inserted or updated
     * @param staleCount    events marked stale
     * @param errorCount    errors
     */
    public record Totals(int fetchedCount, int insertedCount, int updatedCount, int upsertedCount, int staleCount,
                         int errorCount) {
    }

    /**
     * One event inserted, updated or marked stale (or that would be).
     *
     * @param provider      the provider that gave it
     * @param kind          {@code insert}, {@code update} or {@code stale}
     * @param eventId       the event's id
     * @param sourceEventId the provider's id for it
     * @param eventType     e.g. {@code FOMC}
     * @param symbol        the symbol, "" for a market-wide event
     * @param date          its date
     * @param time          its time of day, "" for none
     * @param zone          the time's zone
     * @param title         its title
     * @param fields        for an update, each field changed
     * @param reason        for a stale event, why; else null
     */
    public record Change(String provider, String kind, String eventId, String sourceEventId, String eventType,
                         String symbol, String date, String time, String zone, String title, List<FieldEdit> fields,
                         String reason) {
        /**
         * Copies the list; absent stays null (written absent again).
         *
         * @param provider      see the record
         * @param kind          see the record
         * @param eventId       see the record
         * @param sourceEventId see the record
         * @param eventType     see the record
         * @param symbol        see the record
         * @param date          see the record
         * @param time          see the record
         * @param zone          see the record
         * @param title         see the record
         * @param fields        see the record
         * @param reason        see the record
         */
        public Change {
            fields = fields == null ? null : List.copyOf(fields);
        }
    }

    /**
     * A field an update changed.
     *
     * @param field    its name
     * @param oldValue the value before ({@code old})
     * @param newValue the value after ({@code new})
     */
    public record FieldEdit(String field, String oldValue, String newValue) {
    }
}
