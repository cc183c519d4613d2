package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.EventSyncDetail;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.MaintenanceHealth;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.report.ReportJson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data behind the dashboard's charts, drawn from the newest reports (oldest first in each series):
 * per index the member count and churn of each apply; each index file's age and its content's age (since
 * the apply that wrote it); each task's run durations; each events provider's counts per sync. Times are
 * Unix seconds, as uPlot takes them.
 */
final class ConsoleCharts {

    private ConsoleCharts() {
    }

    static ObjectNode of(MaintenanceRunner runner, int reportsRead) {
        List<RunReport> reports = new ArrayList<>(runner.recentReports(reportsRead));
        reports.sort(Comparator.comparing(RunReport::startedAt));
        ObjectNode node = ReportJson.mapper().createObjectNode();
        node.put("reports_read", reports.size());
        indexes(runner, reports, node.putArray("indexes"));
        ages(runner, node.putArray("age"));
        durations(reports, node.putArray("durations"));
        events(reports, node.putArray("events"));
        return node;
    }

    private static long at(Instant instant) {
        return instant.getEpochSecond();
    }

    /** Member count and churn after each apply (or restore) that wrote the index's file. */
    private static void indexes(MaintenanceRunner runner, List<RunReport> reports, ArrayNode out) {
        for (IndexSpec index : runner.indexes()) {
            ObjectNode series = out.addObject().put("index", index.index()).put("task", index.taskName())
                    .put("title", index.title());
            ArrayNode applies = series.putArray("applies");
            for (RunReport report : reports) {
                for (TaskResult r : report.results()) {
                    if (r.task().equals(index.taskName()) && !r.dryRun() && written(r) && r.afterCount() != null) {
                        applies.addObject().put("at", at(r.finishedAt())).put("report_id", report.reportId())
                                .put("members", r.afterCount()).put("added", r.added().size())
                                .put("removed", r.removed().size());
                    }
                }
            }
        }
    }

    private static boolean written(TaskResult r) {
        return r.status() == TaskStatus.SUCCESS || r.status() == TaskStatus.WARNING;
    }

    /** Days since each file was written, and since the apply its content came from (null when none on record). */
    private static void ages(MaintenanceRunner runner, ArrayNode out) {
        MaintenanceHealth.Health health = MaintenanceHealth.of(runner);
        Instant now = health.generatedAt();
        Map<String, IndexSpec> byIndex = new LinkedHashMap<>();
        runner.indexes().forEach(i -> byIndex.put(i.index(), i));
        for (MaintenanceHealth.Part part : health.parts()) {
            IndexSpec index = byIndex.get(part.name());
            if (index == null) {
                continue; // market events: their age is the sync's, charted per provider
            }
            ObjectNode a = out.addObject().put("index", index.index()).put("title", index.title());
            if (part.ageSeconds().isPresent()) {
                a.put("file_age_days", days(part.ageSeconds().get()));
            } else {
                a.putNull("file_age_days");
            }
            if (part.contentAgeSeconds().isPresent()) { // by the content's own date (page last edited, snapshot)
                a.put("content_age_days", days(part.contentAgeSeconds().get()));
            } else if (part.lastApplied().isPresent()) {
                a.put("content_age_days", days(Duration.between(part.lastApplied().get().at(), now).toSeconds()));
            } else {
                a.putNull("content_age_days");
            }
        }
    }

    private static double days(long seconds) {
        return Math.round(seconds / 864.0) / 100.0;
    }

    /** Each task's duration in each run that ran it (dry runs and applies alike). */
    private static void durations(List<RunReport> reports, ArrayNode out) {
        Map<String, ArrayNode> byTask = new LinkedHashMap<>();
        for (RunReport report : reports) {
            for (TaskResult r : report.results()) {
                if (r.status() == TaskStatus.SKIPPED) {
                    continue;
                }
                byTask.computeIfAbsent(r.task(), t -> out.addObject().put("task", t).putArray("runs")).addObject()
                        .put("at", at(r.startedAt())).put("seconds", r.durationSeconds())
                        .put("report_id", report.reportId()).put("dry_run", r.dryRun());
            }
        }
    }

    private static final List<String> EVENT_COUNTS = List.of("fetched", "inserted", "updated", "stale", "errors");

    /** Per events provider, what each sync (a market-events refresh) brought, its event types added up. */
    private static void events(List<RunReport> reports, ArrayNode out) {
        Map<String, ArrayNode> byProvider = new LinkedHashMap<>();
        for (RunReport report : reports) {
            for (TaskResult r : report.results()) {
                java.util.Optional<EventSyncDetail> synced = r.detail().asEventSync();
                if (r.dryRun() || synced.isEmpty()) {
                    continue;
                }
                Map<String, long[]> sums = new LinkedHashMap<>();
                for (EventSyncDetail.ProviderRun provider : java.util.Objects.requireNonNullElse(synced.get().providers(), java.util.List.<EventSyncDetail.ProviderRun>of())) {
                    if (provider.provider() != null) {
                        long[] sum = sums.computeIfAbsent(provider.provider(), n -> new long[EVENT_COUNTS.size()]);
                        sum[0] += provider.fetchedCount();
                        sum[1] += provider.insertedCount();
                        sum[2] += provider.updatedCount();
                        sum[3] += provider.staleCount();
                        sum[4] += provider.errorCount();
                    }
                }
                sums.forEach((name, sum) -> {
                    ObjectNode sync = byProvider.computeIfAbsent(name, n -> out.addObject().put("provider", n)
                            .putArray("syncs")).addObject().put("at", at(r.finishedAt())).put("report_id", report.reportId());
                    for (int k = 0; k < sum.length; k++) {
                        sync.put(EVENT_COUNTS.get(k), sum[k]);
                    }
                });
            }
        }
    }
}
