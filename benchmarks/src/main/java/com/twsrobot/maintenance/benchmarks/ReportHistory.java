package com.twsrobot.maintenance.benchmarks;

import com.twsrobot.maintenance.api.RunDetail;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.report.ReportJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated history: {@code COUNT} reports of the three constituent tasks and market events, one
 * every {@code SPACING} going back from {@code NEWEST}, as a deployment's schedule leaves them — mostly
 * dry runs, every 25th an apply naming the files it replaced, some warnings and failures, a few
 * interrupted runs, and every 5,000th report a run left {@code in_progress} by a dead dry run. Written
 * straight to disk (JSON and a short Markdown each, no index), as a history from before the index
 * would be: the first command that reads it builds the index.
 *
 * <p>Usage: {@code ReportHistory REPORTS_DIR COUNT [SPACING_SECONDS]}; prints the seconds it took.
 */
public final class ReportHistory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    /** The constituent tasks of the bundled indices, and the events task. */
    public static final List<String> TASKS = List.of("sp500_constituents", "sti_constituents", "hsi_constituents",
            "market_events");
    /** One report a minute: 100,000 reports span 69 days, inside the default 90-day retention. */
    public static final Duration DEFAULT_SPACING = Duration.ofMinutes(1);

    private ReportHistory() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Duration spacing = args.length > 2 ? Duration.ofSeconds(Long.parseLong(args[2])) : DEFAULT_SPACING;
        long t0 = System.nanoTime();
        generate(dir, count, Instant.now().minus(Duration.ofHours(1)), spacing);
        System.out.printf(java.util.Locale.ROOT, "%.1f%n", (System.nanoTime() - t0) / 1e9);
    }

    /** Writes {@code count} reports into {@code dir}, the newest started at {@code newest}; returns their ids, newest first. */
    public static List<String> generate(Path dir, int count, Instant newest, Duration spacing) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(count);
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant started = newest.minus(spacing.multipliedBy(i));
            String id = "maintenance_" + STAMP.format(started);
            RunReport report = report(id, i, started, random);
            Files.write(dir.resolve(id + ".json"), ReportJson.write(report).getBytes(StandardCharsets.UTF_8));
            Files.write(dir.resolve(id + ".md"), ("# Maintenance report " + id + "\n\nstatus: "
                    + report.status().wireName() + "\n").getBytes(StandardCharsets.UTF_8));
            ids.add(id);
        }
        return ids;
    }

    private static RunReport report(String id, int i, Instant started, Random random) {
        boolean apply = i % 25 == 7;
        Instant finished = started.plusMillis(400 + random.nextInt(2000));
        RunDetail.Builder detail = RunDetail.builder().mode(apply ? "APPLY" : "dry run").trigger("schedule");
        if (i % 5_000 == 4_999) { // a dry run whose process died: another host's, so no run can judge it dead
            detail.pid(1_000_000L + i).host("generated-host-elsewhere");
            return new RunReport(id, TaskStatus.IN_PROGRESS, true, started, started, 0, List.of(), List.of(), List.of(),
                    detail.build());
        }
        if (i % 997 == 500) {
            detail.interruptedDetectedAt(ReportJson.timestamp(finished));
            return new RunReport(id, TaskStatus.INTERRUPTED, apply, started, finished, 0, List.of(), List.of(),
                    List.of("the run was interrupted (its process ended before it finished); no file was replaced"),
                    detail.build());
        }
        List<TaskResult> results = new ArrayList<>();
        List<RunDetail.Replacement> replacements = new ArrayList<>();
        for (String task : TASKS) {
            TaskResult.Builder b = TaskResult.builder(task, !apply, started).source("generated")
                    .beforeCount(500).afterCount(500 + random.nextInt(3));
            int roll = random.nextInt(100);
            if (roll < 4) {
                b.error("the source answered 503");
            } else if (roll < 12) {
                b.warning("2 symbols changed sector");
            }
            if (apply && roll >= 4 && !task.equals("market_events")) {
                String file = "/srv/tws/data/" + task.replace("_constituents", "") + "_constituents.csv";
                String sha = String.format("%064x", (long) i * 31 + task.hashCode());
                b.detail("changed", true).detail("written", true).detail("file", file).detail("sha256", sha);
                replacements.add(new RunDetail.Replacement(file, "0".repeat(64), sha));
            }
            results.add(b.finish(finished));
        }
        if (!replacements.isEmpty()) {
            detail.replacements(replacements);
        }
        TaskStatus status = TaskStatus.ofRun(results.stream().map(TaskResult::status).toList());
        double seconds = Duration.between(started, finished).toNanos() / 1e9;
        return new RunReport(id, status, !apply, started, finished, seconds, results, List.of(), List.of(), detail.build());
    }
}
