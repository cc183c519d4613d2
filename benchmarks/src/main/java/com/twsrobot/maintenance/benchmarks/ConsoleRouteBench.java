package com.twsrobot.maintenance.benchmarks;

import com.twsrobot.maintenance.console.ConsoleOptions;
import com.twsrobot.maintenance.console.ConsoleRequest;
import com.twsrobot.maintenance.console.ConsoleResponse;
import com.twsrobot.maintenance.console.ConsoleRoutes;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.report.ReportStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The console's health, status, {@code /metrics} and reports-list ({@code ?limit=20}) routes in-process: a request handed straight to
 * {@link ConsoleRoutes} (filter, route, JSON or Prometheus text; no sockets), as a host's servlet
 * container calls them, against a reports directory (a generated history, see {@link ReportHistory}).
 * For each route: the median of {@value HistoryBench#CALLS} calls with the history unchanged, and of
 * {@value HistoryBench#AFTER_NEW} calls each right after a new report. Milliseconds, one line per figure:
 * {@code health unchanged 0.123}. Every answer must be a 200 (or health's 503 when a part fails), else it stops.
 *
 * <p>Usage: {@code ConsoleRouteBench DATA_DIR REPORTS_DIR}
 */
public final class ConsoleRouteBench {

    private ConsoleRouteBench() {
    }

    public static void main(String[] args) {
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(Path.of(args[0])).reportsDir(Path.of(args[1]))
                .progressListener(m -> { }).build();
        ConsoleRoutes routes = ConsoleRoutes.behindHostLogin(runner, ConsoleOptions.defaults());
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("health", "/api/maintenance/health");
        paths.put("status", "/api/maintenance/status");
        paths.put("metrics", "/metrics");
        paths.put("reports", "/api/maintenance/reports?limit=20");
        long t0 = System.nanoTime();
        paths.values().forEach(p -> get(routes, p));
        System.out.printf(Locale.ROOT, "first_calls %.3f%n", (System.nanoTime() - t0) / 1e6);
        for (int i = 0; i < 300; i++) { // warm-up: the JIT compiles what the routes use
            paths.values().forEach(p -> get(routes, p));
        }
        ReportStore other = new ReportStore(runner.reportsDir(), AtomicFileWriter.DEFAULT.withoutFsync());
        for (Map.Entry<String, String> route : paths.entrySet()) {
            List<Double> unchanged = new ArrayList<>();
            for (int i = 0; i < HistoryBench.CALLS; i++) {
                unchanged.add(timed(routes, route.getValue()));
            }
            List<Double> afterNew = new ArrayList<>();
            for (int i = 0; i < HistoryBench.AFTER_NEW; i++) {
                HistoryBench.writeNewReport(other);
                afterNew.add(timed(routes, route.getValue()));
            }
            System.out.printf(Locale.ROOT, "%s unchanged %.3f%n", route.getKey(), HistoryBench.median(unchanged));
            System.out.printf(Locale.ROOT, "%s after_new_report %.3f%n", route.getKey(), HistoryBench.median(afterNew));
        }
    }

    private static double timed(ConsoleRoutes routes, String path) {
        long t0 = System.nanoTime();
        get(routes, path);
        return (System.nanoTime() - t0) / 1e6;
    }

    static ConsoleResponse get(ConsoleRoutes routes, String path) {
        int q = path.indexOf('?');
        ConsoleRequest request = new ConsoleRequest("GET", "http", "", q < 0 ? path : path.substring(0, q),
                q < 0 ? null : path.substring(q + 1), Map.of("Host", List.of("127.0.0.1")),
                InetAddress.getLoopbackAddress(), new ByteArrayInputStream(new byte[0]), Optional.of("bench"));
        try {
            ConsoleResponse response = routes.handle(request);
            if (response.status() != 200 && !(response.status() == 503 && path.endsWith("/health"))) {
                throw new IllegalStateException(path + " answered " + response.status());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
