package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.core.MaintenanceHealth;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The console's {@code /metrics}: maintenance health for monitoring in Prometheus' text format, kept by
 * Micrometer. Runs are counted from the reports directory, so cron runs of the CLI count as well as the
 * console's own; at start the 50 most recent reports are read.
 * <ul>
 *   <li>{@code tws_maintenance_health{part}}: 0 ok, 1 warn, 2 fail, per index and market events;
 *       {@code part="overall"} is the worst of them</li>
 *   <li>{@code tws_maintenance_last_success_timestamp_seconds{task}}: Unix time of the task's last
 *       successful (or warning) run among the recent reports</li>
 *   <li>{@code tws_maintenance_file_age_seconds{part}}: age of each index file, and of the last events sync</li>
 *   <li>{@code tws_maintenance_task_duration_seconds{task,mode}}: a timer of task durations</li>
 *   <li>{@code tws_maintenance_run_duration_seconds{mode}}: a timer of whole-run durations</li>
 *   <li>{@code tws_maintenance_task_failures_total{task}}: tasks that ended failed, partial or interrupted</li>
 * </ul>
 */
final class ConsoleMetrics {

    private static final String HEALTH_HELP = "Maintenance health: 0 ok, 1 warn, 2 fail";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Double> health = new ConcurrentHashMap<>();
    private final Map<String, Double> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, Double> age = new ConcurrentHashMap<>();
    private final Map<String, Double> contentAge = new ConcurrentHashMap<>();
    /** Scrapes in the order they started; the gauges show the newest one that finished. */
    private final AtomicLong scrapes = new AtomicLong();
    private long gaugesFrom;
    // Concurrent, so scrapes run in parallel: each report is counted by the one scrape that adds it first.
    private final Set<String> counted = ConcurrentHashMap.newKeySet();

    /**
     * Brings the gauges up to date, counts the reports not seen yet, and returns the text exposition.
     * Not synchronized as a whole (it was, and so served one scrape at a time): the registry and the
     * maps are thread-safe, so scrapes and the reading of the reports behind them run in parallel.
     */
    String scrape(MaintenanceRunner runner) {
        long scrape = scrapes.incrementAndGet();
        List<RunReport> recent = runner.recentReports(MaintenanceHealth.REPORTS_READ);
        MaintenanceHealth.Health now = MaintenanceHealth.of(runner, recent);
        setGauges(scrape, now);
        for (RunReport report : recent) {
            if (counted.add(report.reportId())) {
                count(report);
            }
        }
        return registry.scrape();
    }

    /**
     * The gauges from one scrape's health, unless a scrape that started later set them already (its
     * reading is the newer): the lock covers only these map updates, never the reading of reports.
     */
    private synchronized void setGauges(long scrape, MaintenanceHealth.Health now) {
        if (scrape < gaugesFrom) {
            return;
        }
        gaugesFrom = scrape;
        set(health, "tws.maintenance.health", "part", "overall", MaintenanceHealth.rank(now.overall()), null,
                HEALTH_HELP);
        for (MaintenanceHealth.Part part : now.parts()) {
            set(health, "tws.maintenance.health", "part", part.name(), MaintenanceHealth.rank(part.state()), null,
                    HEALTH_HELP);
            set(age, "tws.maintenance.file.age", "part", part.name(),
                    part.ageSeconds().map(Long::doubleValue).orElse(Double.NaN), "seconds",
                    "Age of the index file, or of the last market-events sync; NaN when there is none");
            if (!part.name().equals("market_events")) {
                set(contentAge, "tws.maintenance.content.age", "index", part.name(),
                        part.contentAgeSeconds().map(Long::doubleValue).orElse(Double.NaN), "seconds",
                        "Age of the index file's content by its content date (page last edited, snapshot date); NaN when unknown");
            }
            set(lastSuccess, "tws.maintenance.last.success.timestamp", "task", part.task(),
                    part.lastSuccess().map(t -> t.toEpochMilli() / 1000.0).orElse(Double.NaN), "seconds",
                    "Unix time of the task's last successful run among the 50 newest reports; NaN when none");
        }
    }

    private void count(RunReport report) {
        String mode = report.dryRun() ? "dry_run" : "apply";
        Timer.builder("tws.maintenance.run.duration").description("Duration of maintenance runs")
                .tag("mode", mode).register(registry).record(seconds(report.durationSeconds()));
        for (TaskResult r : report.results()) {
            Timer.builder("tws.maintenance.task.duration").description("Duration of maintenance tasks")
                    .tag("task", r.task()).tag("mode", mode).register(registry).record(seconds(r.durationSeconds()));
            Counter failures = Counter.builder("tws.maintenance.task.failures")
                    .description("Tasks that ended failed, partially failed or interrupted")
                    .tag("task", r.task()).register(registry);
            if (r.status().isFailure()) {
                failures.increment();
            }
        }
    }

    /** A gauge per key, reading the map: registered once, updated on every scrape. */
    private void set(Map<String, Double> values, String name, String tag, String key, double value, String unit,
                     String help) {
        if (values.put(key, value) == null) {
            Gauge.builder(name, values, m -> m.getOrDefault(key, Double.NaN)).tag(tag, key).baseUnit(unit)
                    .description(help)
                    .register(registry);
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.max(0, Math.round(s * 1e9)));
    }
}
