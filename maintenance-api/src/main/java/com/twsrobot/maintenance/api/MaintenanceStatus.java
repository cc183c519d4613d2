package com.twsrobot.maintenance.api;

import com.twsrobot.maintenance.api.events.LastSync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot for status displays: each index file, the latest report, the latest market-events sync
 * (empty when there is no events service or no sync yet), the markets in session now, and the exchange
 * calendars whose known data ends soon (or whose override file is malformed).
 *
 * @param generatedAt           when the snapshot was taken
 * @param indexes               each index file's state
 * @param latestReport          the newest report, if any
 * @param marketEventsAvailable whether the runner has a market-events service
 * @param marketEvents          the latest sync, if any
 * @param marketOpen            a warning per exchange in session now
 * @param calendarWarnings      exchange calendars about to run out, or a malformed override file
 */
public record MaintenanceStatus(Instant generatedAt, List<IndexStatus> indexes, Optional<ReportSummary> latestReport,
                                boolean marketEventsAvailable, Optional<LastSync> marketEvents, List<String> marketOpen,
                                List<String> calendarWarnings) {

    /**
     * A status without calendar warnings.
     *
     * @param generatedAt           when the snapshot was taken
     * @param indexes               each index file's state
     * @param latestReport          the newest report, if any
     * @param marketEventsAvailable whether the runner has a market-events service
     * @param marketEvents          the latest sync, if any
     * @param marketOpen            a warning per exchange in session now
     */
    public MaintenanceStatus(Instant generatedAt, List<IndexStatus> indexes, Optional<ReportSummary> latestReport,
                             boolean marketEventsAvailable, Optional<LastSync> marketEvents, List<String> marketOpen) {
        this(generatedAt, indexes, latestReport, marketEventsAvailable, marketEvents, marketOpen, List.of());
    }

    /**
     * Copies the lists.
     *
     * @param generatedAt           when the snapshot was taken
     * @param indexes               each index file's state
     * @param latestReport          the newest report, if any
     * @param marketEventsAvailable whether the runner has a market-events service
     * @param marketEvents          the latest sync, if any
     * @param marketOpen            a warning per exchange in session now
     * @param calendarWarnings      exchange calendars about to run out (null for none)
     */
    public MaintenanceStatus {
        indexes = List.copyOf(indexes);
        marketOpen = List.copyOf(marketOpen);
        calendarWarnings = calendarWarnings == null ? List.of() : List.copyOf(calendarWarnings);
    }
}
