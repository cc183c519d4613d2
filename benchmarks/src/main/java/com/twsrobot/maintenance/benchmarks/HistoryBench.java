package com.twsrobot.maintenance.benchmarks;

import com.twsrobot.maintenance.api.RunDetail;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.MaintenanceHealth;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.report.ReportStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The core calls the console's status, health and {@code /metrics} routes make, and the reports list,
 * in-process against a reports directory (a generated history, see {@link ReportHistory}). For each:
 * the median of {@value #CALLS} calls with the history unchanged (what a scrape or a poll costs between
 * runs), and the median of {@value #AFTER_NEW} calls each right after a new report was written (the
 * cached state is recomputed once). The first call, which builds or catches up the index, is printed
 * apart, and last the status call right after a report written without the index (it catches up with
 * one listing of the directory). Milliseconds, one line per figure: {@code status unchanged 0.123}.
 *
 * <p>Usage: {@code HistoryBench DATA_DIR REPORTS_DIR}
 */
public final class HistoryBench {

    static final int CALLS = 200;
    static final int AFTER_NEW = 15;

    private HistoryBench() {
    }

    public static void main(String[] args) {
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(Path.of(args[0])).reportsDir(Path.of(args[1]))
                .progressListener(m -> { }).build();
        long t0 = System.nanoTime();
        runner.historyGeneration();
        System.out.printf(Locale.ROOT, "first_call %.3f%n", (System.nanoTime() - t0) / 1e6);
        Map<String, Supplier<Object>> calls = new java.util.LinkedHashMap<>();
        calls.put("status", runner::status);
        calls.put("health", () -> MaintenanceHealth.of(runner));
        calls.put("metrics", () -> MaintenanceHealth.of(runner, runner.recentReports(MaintenanceHealth.REPORTS_READ)));
        calls.put("reports20", () -> runner.reports(20));
        for (int i = 0; i < 30; i++) { // warm-up: the JIT compiles what the calls use
            calls.values().forEach(Supplier::get);
        }
        ReportStore other = new ReportStore(runner.reportsDir(), AtomicFileWriter.DEFAULT.withoutFsync());
        for (Map.Entry<String, Supplier<Object>> call : calls.entrySet()) {
            List<Double> unchanged = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                unchanged.add(timed(call.getValue()));
            }
            List<Double> afterNew = new ArrayList<>();
            for (int i = 0; i < AFTER_NEW; i++) {
                writeNewReport(other);
                afterNew.add(timed(call.getValue()));
            }
            System.out.printf(Locale.ROOT, "%s unchanged %.3f%n", call.getKey(), median(unchanged));
            System.out.printf(Locale.ROOT, "%s after_new_report %.3f%n", call.getKey(), median(afterNew));
        }
        // A report written by a process that does not keep the index: the next call catches up (one listing).
        List<Double> catchUp = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            writeWithoutIndex(runner.reportsDir(), i);
            catchUp.add(timed(runner::status));
        }
        System.out.printf(Locale.ROOT, "status after_foreign_report %.3f%n", median(catchUp));
    }

    /** A report file written straight to disk, as a process without the index (an older version) writes it. */
    private static void writeWithoutIndex(Path dir, int n) {
        Instant now = Instant.now();
        String id = "maintenance_" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(now) + "_" + (9000 + n);
        try {
            java.nio.file.Files.writeString(dir.resolve(id + ".json"), com.twsrobot.maintenance.core.report.ReportJson.write(
                    new RunReport(id, TaskStatus.SUCCESS, true, now, now, 0.5, List.of(), List.of(), List.of(),
                            RunDetail.builder().mode("dry run").build())));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A finished dry run's report, written as another runner of the same directory would. */
    static void writeNewReport(ReportStore store) {
        try {
            Instant now = Instant.now();
            String id = store.reserve(now);
            store.write(new RunReport(id, TaskStatus.SUCCESS, true, now, now, 0.5, List.of(), List.of(), List.of(),
                    RunDetail.builder().mode("dry run").build()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double timed(Supplier<Object> call) {
        long t0 = System.nanoTime();
        call.get();
        return (System.nanoTime() - t0) / 1e6;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
