package com.twsrobot.maintenance.api;

import com.twsrobot.maintenance.api.events.LastSync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot for status displays: each index file, the latest report, the latest market-events sync
 * (empty when there is no events service or no sync yet) and the markets in session now.
 */
public record MaintenanceStatus(Instant generatedAt, List<IndexStatus> indexes, Optional<ReportSummary> latestReport,
                                boolean marketEventsAvailable, Optional<LastSync> marketEvents, List<String> marketOpen) {

    public MaintenanceStatus {
        indexes = List.copyOf(indexes);
        marketOpen = List.copyOf(marketOpen);
    }
}
