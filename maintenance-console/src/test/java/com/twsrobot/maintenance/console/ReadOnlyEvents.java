package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.MarketEventsService;
import com.twsrobot.maintenance.api.events.SyncSummary;

/** A host market-events service for tests that only read its sync log: refreshes and previews are refused. */
abstract class ReadOnlyEvents implements MarketEventsService {

    @Override
    public SyncSummary refresh(EventsRequest request) {
        throw new UnsupportedOperationException("reads only");
    }

    @Override
    public SyncSummary preview(EventsRequest request) {
        throw new UnsupportedOperationException("reads only");
    }
}
