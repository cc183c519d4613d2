package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.api.events.ProviderResult;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GETs of status, health and {@code /metrics} run in parallel: each request reads the host's
 * market-events log, which here is a gate that opens only once every request is inside it. Were the
 * console to serve them one at a time (as {@code /metrics} once was), the first would wait at the gate
 * until its bound and the test would fail, not hang.
 */
class ConsoleParallelReadsTest {

    /** Every read of the sync log waits, up to a bound, until {@code n} reads are inside at once. */
    private static final class GatedEvents extends ReadOnlyEvents {
        final CountDownLatch inside;
        final AtomicInteger missed = new AtomicInteger();

        GatedEvents(int n) {
            inside = new CountDownLatch(n);
        }

        @Override
        public List<ProviderResult> syncLog(int limit) {
            inside.countDown();
            try {
                if (!inside.await(30, TimeUnit.SECONDS)) {
                    missed.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                missed.incrementAndGet();
            }
            return List.of();
        }

    }

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final HttpClient http = HttpClient.newHttpClient();
    private MaintenanceConsole console;

    @AfterEach
    void stop() {
        if (console != null) {
            console.close();
        }
        ws.close();
    }

    private GatedEvents start(int n) throws Exception {
        GatedEvents events = new GatedEvents(n);
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(MutableClock.at("2026-06-24T00:15:00Z")).progressListener(m -> { }).discover(false)
                .indexes(BuiltIns.SPECS).marketEventsService(events).build();
        console = MaintenanceConsole.start(runner, ConsoleOptions.defaults().withPort(0));
        return events;
    }

    private void getAllAtOnce(GatedEvents events, String... paths) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> sent = Stream.of(paths)
                .map(p -> http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + p))
                        .GET().build(), HttpResponse.BodyHandlers.ofString())).toList();
        for (int i = 0; i < paths.length; i++) {
            HttpResponse<String> response = sent.get(i).get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(paths[i] + ": " + response.body()).isIn(200, 503);
        }
        assertThat(events.inside.getCount()).as("requests that never reached the sync log").isZero();
        assertThat(events.missed).as("requests that waited for another to finish").hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/metrics", "/api/maintenance/health", "/api/maintenance/status"})
    void twoReadsOfOneRouteRunAtOnce(String path) throws Exception {
        getAllAtOnce(start(2), path, path);
    }

    @Test
    void metricsHealthAndStatusRunAtOnce() throws Exception {
        getAllAtOnce(start(4), "/metrics", "/metrics", "/api/maintenance/health", "/api/maintenance/status");
    }
}
