package com.twsrobot.maintenance.api.events;

import java.util.List;

/**
 * The host's market-events service, as a port: the library calls it and never builds a parallel
 * event system. A host plugs in its own implementation (runner builder); otherwise the embedded
 * JDBC service from maintenance-sources is used.
 */
public interface MarketEventsService {

    /**
     * Fetches from every provider and writes the events; one provider failing leaves the others' rows.
     *
     * @param request the window, symbols, URL overrides and deadline
     * @return what each provider did
     */
    SyncSummary refresh(EventsRequest request);

    /**
     * The same summary computed without writing anything: what would be inserted, updated, marked stale.
     *
     * @param request the window, symbols, URL overrides and deadline
     * @return what each provider would do
     */
    SyncSummary preview(EventsRequest request);

    /**
     * The sync log.
     *
     * @param limit how many results at most
     * @return the newest provider results, newest first
     */
    List<ProviderResult> syncLog(int limit);
}
