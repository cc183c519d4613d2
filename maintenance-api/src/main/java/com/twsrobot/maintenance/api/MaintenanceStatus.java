package com.twsrobot.maintenance.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A snapshot for status displays: each index file and the latest report. */
public record MaintenanceStatus(Instant generatedAt, List<IndexStatus> indexes, Optional<ReportSummary> latestReport) {

    public MaintenanceStatus {
        indexes = List.copyOf(indexes);
    }
}
