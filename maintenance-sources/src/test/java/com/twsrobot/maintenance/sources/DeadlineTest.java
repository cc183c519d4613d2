package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.SourceContext;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.ProviderException;
import com.twsrobot.maintenance.api.http.Deadline;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.sources.events.YahooCalendarProvider;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.StallingServer;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every wait has a bound: stalled bodies, stalled headers, never-ending files, pathological pages. */
class DeadlineTest {

    private static final Duration BOUND = Duration.ofSeconds(3);
    /**
     * Longest a bounded wait may take before the test calls it a hang: five times the bound, so a
     * busy 2-core machine never fails it (the parse and read mechanisms themselves are tested in
     * {@link ParseDeadlineTest} and below by what they say, not by how long they took).
     */
    private static final long HANG_MS = 5 * BOUND.toMillis();

    private static SourceContext context(String key, String url) {
        return new SourceContext(Map.of(key, url), false, Clock.systemUTC(), BOUND);
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @Test
    void aBodyThatStallsAfter20KbFailsWithinTheBoundNamingTheUrlAndTheBytesRead() {
        try (StallingServer server = StallingServer.start(StallingServer.Mode.PARTIAL_BODY, 20 * 1024,
                "text/html; charset=UTF-8")) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> new StiSource().fetch(context("sti", server.url("/sti"))))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("while reading the body of " + server.url("/sti"))
                    .hasMessageContaining("after 20480 bytes")
                    .hasMessageContaining("the 3.0 s deadline");
            assertThat(millisSince(start)).isLessThan(HANG_MS);
        }
    }

    @Test
    void stalledHeadersFailWithinTheBound() {
        try (StallingServer server = StallingServer.start(StallingServer.Mode.PARTIAL_HEADERS, 0, "text/html")) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> new HsiSource().fetch(context("hsi", server.url("/hsi"))))
                    .isInstanceOf(SourceException.class).hasMessageContaining(server.url("/hsi"));
            assertThat(millisSince(start)).isLessThan(HANG_MS);
        }
    }

    @Test
    void aStalledYahooAnswerFailsTheProviderWithinTheBound() {
        try (StallingServer server = StallingServer.start(StallingServer.Mode.PARTIAL_BODY, 512, "application/json")) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            EventsRequest request = new EventsRequest(List.of("AAPL"), today, today.plusDays(28),
                    java.time.Instant.now(), Map.of("yahoo", server.url(""), "yahoo-cookie", server.url("/cookie")),
                    false, BOUND);
            long start = System.nanoTime();
            assertThatThrownBy(() -> new YahooCalendarProvider().fetch(request))
                    .isInstanceOf(ProviderException.class).hasMessageContaining("no data for");
            assertThat(millisSince(start)).isLessThan(HANG_MS);
        }
    }

    @Test
    void anUnresolvableHostAndARefusedConnectionEachSaySo() throws Exception {
        PageFetcher fetcher = new PageFetcher(PageFetcher.Settings.DEFAULT);
        assertThatThrownBy(() -> fetcher.fetch(List.of("http://no-such-host.invalid/page"),
                Deadline.in(BOUND, Clock.systemUTC())))
                .hasMessageContaining("cannot resolve host no-such-host.invalid");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertThatThrownBy(() -> fetcher.fetch(List.of("http://127.0.0.1:" + port + "/page"), Deadline.in(BOUND, Clock.systemUTC())))
                .hasMessageContaining("could not connect to 127.0.0.1:" + port + " (connection refused)");
    }

    @Test
    void anHttpErrorNamesTheStatusAndTheFirstLineOfTheBody() {
        try (FixtureServer server = FixtureServer.start()) {
            server.script("/gone", FixtureServer.Response.of(410, "text/plain", "This page was removed.\nsecond line"));
            assertThatThrownBy(() -> new PageFetcher(PageFetcher.Settings.DEFAULT).fetch(List.of(server.url("/gone")), Deadline.in(Duration.ofSeconds(10), Clock.systemUTC())))
                    .hasMessageContaining("HTTP 410 'This page was removed.'");
        }
    }

    @Test
    void aFifoFileSourceFailsAtOnceInsteadOfBlocking(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("page.html");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();
        long start = System.nanoTime();
        assertThatThrownBy(() -> new StiSource().fetch(context("sti", fifo.toUri().toString())))
                .hasMessageContaining("not a regular file");
        assertThat(millisSince(start)).isLessThan(HANG_MS);
    }

    @Test
    void aFileLargerThanTheCapIsRefused(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.html");
        Files.write(big, new byte[2_000_001]);
        PageFetcher small = new PageFetcher(new PageFetcher.Settings(Duration.ofSeconds(1), Duration.ofSeconds(1),
                BOUND, 1, Duration.ofMillis(10), Duration.ofSeconds(1), 2_000_000));
        assertThatThrownBy(() -> small.fetch(List.of(big.toUri().toString()), Deadline.in(Duration.ofSeconds(10), Clock.systemUTC())))
                .hasMessageContaining("larger than the 2000000-byte cap");
    }

    @Test
    void aHundredThousandNestedTablesFinishWithinTheBound(@TempDir Path dir) throws Exception {
        StringBuilder html = new StringBuilder("<html><body>");
        html.append("<table><tr><th>Ticker</th><th>Name</th></tr><tr><td>".repeat(100_000));
        Path page = dir.resolve("nested.html");
        Files.writeString(page, html);
        long start = System.nanoTime();
        assertThatThrownBy(() -> new HsiSource().fetch(context("hsi", page.toUri().toString())))
                .isInstanceOf(SourceException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("no table", "did not finish within the 3.0 s"));
        assertThat(millisSince(start)).isLessThan(HANG_MS);
    }

    @Test
    void aStalledSourceFailsTheTaskWithinTheBoundAndReleasesTheLock() {
        try (TempWorkspace ws = TempWorkspace.create().withConstituents(true);
             StallingServer stalled = StallingServer.start(StallingServer.Mode.PARTIAL_BODY, 20 * 1024, "text/html");
             FixtureServer good = FixtureServer.start()) {
            good.page("/sti", Fixtures.page("wikipedia_sti.html"));
            MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                    .progressListener(m -> { }).sourceTimeout(BOUND).build();
            long start = System.nanoTime();
            RunReport first = runner.run(RunRequest.builder().task("sti_constituents").apply()
                    .sourceUrl("sti", stalled.url("/sti")).build());
            assertThat(millisSince(start)).isLessThan(HANG_MS);
            assertThat(first.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(first.results().get(0).errors()).singleElement().asString()
                    .contains("no data for").contains(stalled.url("/sti"));

            RunReport second = runner.run(RunRequest.builder().task("sti_constituents").apply()
                    .sourceUrl("sti", good.url("/sti")).build());
            assertThat(second.refusedByLock()).isFalse();
            assertThat(second.results().get(0).detail().written()).isTrue();
        }
    }
}
