package com.twsrobot.maintenance.api;

import com.twsrobot.maintenance.api.events.LastSync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot for status displays: each index file, the latest report, the latest market-events sync
 * (empty when there is no events service or no sync yet), the markets in session now, and the exchange
 * calendars whose known data ends soon (or whose override file is malformed).
 */
public record MaintenanceStatus(Instant generatedAt, List<IndexStatus> indexes, Optional<ReportSummary> latestReport,
                                boolean marketEventsAvailable, Optional<LastSync> marketEvents, List<String> marketOpen,
                                List<String> calendarWarnings) {

    /** A status without calendar warnings. */
    public MaintenanceStatus(Instant generatedAt, List<IndexStatus> indexes, Optional<ReportSummary> latestReport,
                             boolean marketEventsAvailable, Optional<LastSync> marketEvents, List<String> marketOpen) {
        this(generatedAt, indexes, latestReport, marketEventsAvailable, marketEvents, marketOpen, List.of());
    }

    public MaintenanceStatus {
        indexes = List.copyOf(indexes);
        marketOpen = List.copyOf(marketOpen);
        calendarWarnings = calendarWarnings == null ? List.of() : List.copyOf(calendarWarnings);
    }
}
