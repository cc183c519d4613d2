package com.twsrobot.maintenance.api.events;

import java.util.List;

/**
 * The host's market-events service, as a port: the library calls it and never builds a parallel
 * event system. A host plugs in its own implementation (runner builder); otherwise the embedded
 * JDBC service from maintenance-sources is used.
 */
public interface MarketEventsService {

    /** Fetches from every provider and writes the events; one provider failing leaves the others' rows. */
    SyncSummary refresh(EventsRequest request);

    /** The same summary computed without writing anything: what would be inserted, updated, marked stale. */
    SyncSummary preview(EventsRequest request);

    /** The newest {@code limit} provider results, newest first. */
    List<ProviderResult> syncLog(int limit);
}
