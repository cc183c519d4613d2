package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.IndexStatus;
import com.twsrobot.maintenance.api.MaintenanceStatus;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.api.ValidationStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maintenance health for a host's dashboard and its monitoring: per index {@code ok}, {@code warn} or
 * {@code fail} with the reason and the file's age, the market events' last sync, and the worst of
 * them overall. A file that is missing or fails validation, or whose last run failed, fails; a file
 * older than the stale age, a run that warned or was interrupted, or a validation warning warns.
 */
public final class MaintenanceHealth {

    /** How many recent reports are read to find each task's last run. */
    public static final int REPORTS_READ = 50;

    /** The apply (or rollback) that last wrote a file: where its content came from, and its report. */
    public record Applied(String source, String reportId, Instant at) {
    }

    /**
     * One part's health; {@code lastApplied} is empty when no recent report wrote the file;
     * {@code contentAgeSeconds} is the age of the file's content by its content date, empty when unknown.
     */
    public record Part(String name, String task, String state, String reason, Optional<Long> ageSeconds,
                       Optional<Instant> lastSuccess, Optional<Applied> lastApplied, Optional<Long> contentAgeSeconds) {

        /** A part whose content date is unknown. */
        public Part(String name, String task, String state, String reason, Optional<Long> ageSeconds,
                    Optional<Instant> lastSuccess, Optional<Applied> lastApplied) {
            this(name, task, state, reason, ageSeconds, lastSuccess, lastApplied, Optional.empty());
        }
    }

    /** The whole picture. */
    public record Health(Instant generatedAt, String overall, List<Part> parts) {
    }

    private MaintenanceHealth() {
    }

    /** Evaluates the runner's files and recent reports; a file older than the runner's stale age is amber. */
    public static Health of(MaintenanceRunner runner) {
        return of(runner, runner.recentReports(REPORTS_READ));
    }

    /** The same from reports the caller already read, newest first (the metrics scrape reuses them). */
    public static Health of(MaintenanceRunner runner, List<RunReport> recent) {
        Duration staleAfter = runner.staleAfter();
        MaintenanceStatus status = runner.status();
        Instant now = runner.clock().instant();
        Map<String, TaskResult> lastRun = new HashMap<>();
        Map<String, Instant> lastSuccess = new HashMap<>();
        Map<String, Applied> lastApplied = new HashMap<>();
        for (RunReport report : recent) {
            for (TaskResult r : report.results()) {
                lastRun.putIfAbsent(r.task(), r);
                if ((r.status() == TaskStatus.SUCCESS || r.status() == TaskStatus.WARNING)) {
                    lastSuccess.putIfAbsent(r.task(), r.finishedAt());
                    if (!r.dryRun() && Boolean.TRUE.equals(r.detail().changed())) {
                        lastApplied.putIfAbsent(r.task(), new Applied(r.source(), report.reportId(), r.finishedAt()));
                    }
                }
            }
        }
        List<Part> parts = new ArrayList<>();
        for (IndexStatus index : status.indexes()) {
            Optional<Long> age = index.lastModified().map(t -> Duration.between(t, now).toSeconds());
            String state = "ok";
            String reason = "";
            TaskResult last = lastRun.get(index.task());
            if (index.lastModified().isEmpty()) {
                state = "fail";
                reason = "no file yet at " + index.file();
            } else if (index.validation().status() == ValidationStatus.FAILED) {
                state = "fail";
                reason = "the file fails validation: " + String.join("; ", index.validation().errors());
            } else if (last != null && last.status().isFailure()) {
                state = "fail";
                reason = "the last run failed: " + firstError(last);
            } else if (age.isPresent() && age.get() > staleAfter.toSeconds()) {
                state = "warn";
                reason = "the file is " + age.get() / 86_400 + " days old (more than " + staleAfter.toDays() + ")";
            } else if (index.content().flatMap(c -> c.asOf()).filter(t -> t.isBefore(now.minus(staleAfter))).isPresent()) {
                // However fresh the file, content dated long ago is old: a snapshot applied a minute ago.
                state = "warn";
                reason = "the file's " + index.contentNote() + " (more than " + staleAfter.toDays() + " days)";
            } else if (last != null && last.status() == TaskStatus.WARNING) {
                state = "warn";
                reason = "the last run warned: " + firstWarning(last);
            } else if (index.validation().status() == ValidationStatus.WARNING) {
                state = "warn";
                reason = "validation warns: " + String.join("; ", index.validation().warnings());
            }
            parts.add(new Part(index.index(), index.task(), state, reason, age,
                    Optional.ofNullable(lastSuccess.get(index.task())), Optional.ofNullable(lastApplied.get(index.task())),
                    index.content().flatMap(c -> c.asOf()).map(t -> Math.max(0, Duration.between(t, now).toSeconds()))));
        }
        if (status.marketEventsAvailable()) {
            String state = status.marketEvents().map(s -> s.status().equals("success") ? "ok"
                    : s.status().equals("failed") ? "fail" : "warn").orElse("warn");
            String reason = status.marketEvents().map(s -> s.status().equals("success") ? ""
                    : "the last sync was " + s.status().replace('_', ' ')).orElse("no market-events sync yet");
            parts.add(new Part("market_events", "market_events", state, reason,
                    status.marketEvents().map(s -> Duration.between(s.finishedAt(), now).toSeconds()),
                    Optional.ofNullable(lastSuccess.get("market_events")), Optional.empty()));
        }
        String overall = parts.stream().map(Part::state).reduce("ok", MaintenanceHealth::worse);
        return new Health(now, overall, parts);
    }

    static String worse(String a, String b) {
        return rank(a) >= rank(b) ? a : b;
    }

    /** 0 ok, 1 warn, 2 fail (the value monitoring gets). */
    public static int rank(String state) {
        return switch (state) {
            case "fail" -> 2;
            case "warn" -> 1;
            default -> 0;
        };
    }

    private static String firstError(TaskResult r) {
        List<String> all = new ArrayList<>(r.errors());
        all.addAll(r.validation().errors());
        return all.isEmpty() ? r.status().wireName() : all.get(0);
    }

    private static String firstWarning(TaskResult r) {
        List<String> all = new ArrayList<>(r.warnings());
        all.addAll(r.validation().warnings());
        return all.isEmpty() ? "see its report" : all.get(0);
    }
}
