package com.twsrobot.maintenance.api.events;

import java.time.Instant;

/** The latest market-events sync as a status card shows it: when, how it went, and its counts. */
public record LastSync(String syncId, Instant finishedAt, String status, int fetchedCount, int upsertedCount,
                       int staleCount, int errorCount, int providerCount) {
}
