package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.SourceContext;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.SourceResult;
import com.twsrobot.maintenance.api.http.Deadline;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.FixtureServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTP behaviour against a loopback server with scripted answers. */
class PageFetcherTest {

    /**
     * Short backoffs, but time enough for every loopback answer on a busy 2-core machine: these tests count
     * the tries, and a request timed out by load would be one more (the timeout has its own test below).
     */
    private static final PageFetcher.Settings FAST = new PageFetcher.Settings(Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(30), 3, Duration.ofMillis(20), Duration.ofSeconds(2), 2_000_000);

    private final FixtureServer server = FixtureServer.start();
    private final String hsiPage = Fixtures.page("wikipedia_hsi.html");

    @AfterEach
    void stop() {
        server.close();
    }

    private SourceResult fetchHsi(PageFetcher.Settings settings) throws SourceException {
        return new HsiSource(new PageFetcher(settings)).fetch(new SourceContext(Map.of("hsi", server.url("/hsi")), false,
                Clock.systemUTC()));
    }

    @Test
    void retriesA403ThenSucceeds() throws Exception {
        server.script("/hsi", Response.status(403), Response.html(hsiPage));
        assertThat(fetchHsi(FAST).table().rowCount()).isEqualTo(85);
        assertThat(server.hits("/hsi")).isEqualTo(2);
    }

    /** The wait is the answer's Retry-After, on the fetcher's sleeper: no wall-clock wait in the test. */
    @Test
    void honoursRetryAfterOn429() throws Exception {
        server.script("/hsi", Response.status(429).withHeader("Retry-After", "1"), Response.html(hsiPage));
        List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        PageFetcher fetcher = new PageFetcher(FAST, com.twsrobot.maintenance.api.HttpSettings.DEFAULT, waits::add);
        assertThat(new HsiSource(fetcher).fetch(new SourceContext(Map.of("hsi", server.url("/hsi")), false,
                Clock.systemUTC())).table().rowCount()).isEqualTo(85);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(server.hits("/hsi")).isEqualTo(2);
    }

    @Test
    void aRetryAfterBeyondTheBoundGivesUpAndSaysWhy() {
        server.script("/hsi", Response.status(429).withHeader("Retry-After", "3600"));
        assertThatThrownBy(() -> fetchHsi(FAST)).hasMessageContaining("HTTP 429")
                .hasMessageContaining("Retry-After 3600 s is longer than the 2 s allowed");
        assertThat(server.hits("/hsi")).isEqualTo(1);
    }

    @Test
    void failureNamesEveryUrlTriedAndWhatEachAnswered() throws Exception {
        server.script("/desktop", Response.status(503));
        server.script("/mobile", Response.status(404));
        PageFetcher fetcher = new PageFetcher(FAST);
        assertThatThrownBy(() -> fetcher.fetch(List.of(server.url("/desktop"), server.url("/mobile")), Deadline.in(Duration.ofSeconds(10), Clock.systemUTC())))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining(server.url("/desktop") + " (HTTP 503 (3 tries))")
                .hasMessageContaining(server.url("/mobile") + " (HTTP 404)");
    }

    /** Three tries that met the same refusal say it once with the count, not three times. */
    @Test
    void theSameCauseOfEveryTryIsSaidOnceWithItsCount() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String closed = "http://127.0.0.1:" + port + "/hsi";
        assertThatThrownBy(() -> new PageFetcher(FAST).fetch(List.of(closed), Deadline.in(Duration.ofSeconds(10), Clock.systemUTC())))
                .isInstanceOf(SourceException.class)
                .hasMessage("could not fetch the page; tried " + closed + " (could not connect to 127.0.0.1:" + port
                        + " (connection refused) while fetching " + closed + " (3 tries))");
    }

    @Test
    void usesTheFallbackUrlWhenTheFirstFails() throws Exception {
        server.script("/desktop", Response.status(500));
        server.script("/mobile", Response.html(hsiPage));
        PageFetcher.Page page = new PageFetcher(FAST).fetch(List.of(server.url("/desktop"), server.url("/mobile")), Deadline.in(Duration.ofSeconds(10), Clock.systemUTC()));
        assertThat(page.url()).isEqualTo(server.url("/mobile"));
        assertThat(server.hits("/desktop")).isEqualTo(3);
    }

    @Test
    void aSlowServerTimesOut() {
        server.script("/hsi", Response.html(hsiPage).delayed(Duration.ofSeconds(3)));
        PageFetcher.Settings oneTry = new PageFetcher.Settings(Duration.ofSeconds(1), Duration.ofMillis(300),
                Duration.ofSeconds(5), 1, Duration.ofMillis(10), Duration.ofSeconds(1), 2_000_000);
        assertThatThrownBy(() -> fetchHsi(oneTry)).hasMessageContaining("in time");
    }

    @Test
    void aTruncatedBodyIsRetried() throws Exception {
        server.script("/hsi", Response.html(hsiPage).truncated(), Response.html(hsiPage));
        assertThat(fetchHsi(FAST).table().rowCount()).isEqualTo(85);
        assertThat(server.hits("/hsi")).isEqualTo(2);
    }

    @Test
    void aTruncatedBodyEveryTimeFailsWithoutAPartialList() {
        server.script("/hsi", Response.html(hsiPage).truncated());
        assertThatThrownBy(() -> fetchHsi(FAST)).isInstanceOf(SourceException.class)
                .hasMessageContaining(server.url("/hsi"));
    }

    @Test
    void aNonHtmlAnswerIsRefused() {
        server.script("/hsi", Response.of(200, "application/json", "{\"error\":\"nope\"}"));
        assertThatThrownBy(() -> fetchHsi(FAST)).hasMessageContaining("answered application/json, not HTML");
        assertThat(server.hits("/hsi")).isEqualTo(1);
    }

    @Test
    void aBodyOverTheCapIsRefused() {
        server.script("/hsi", Response.html(hsiPage));
        PageFetcher.Settings tiny = new PageFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(10), 1, Duration.ofMillis(10), Duration.ofSeconds(1), 1000);
        assertThatThrownBy(() -> fetchHsi(tiny)).hasMessageContaining("larger than 1000 bytes");
    }

    /** The cap is final: the same page again would be as large, so it is asked for once, never retried. */
    @Test
    void aBodyOverTheCapIsAskedForOnceNeverRetried() {
        server.script("/hsi", Response.html(hsiPage));
        PageFetcher.Settings capped = new PageFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(30), 3, Duration.ofMillis(10), Duration.ofSeconds(1), 1000);
        assertThatThrownBy(() -> fetchHsi(capped)).hasMessageContaining("larger than 1000 bytes");
        assertThat(server.hits("/hsi")).isEqualTo(1);
    }

    /** Without a usable Content-Length (a gzip body), the cap stops the read as it passes, and is final too. */
    @Test
    void aGzipBodyOverTheCapIsCutOffWhileReadAndNeverRetried() throws Exception {
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write(new byte[200_000]); // zeros: a few hundred bytes on the wire, 200 kB once inflated
        }
        server.script("/file.csv", new Response(200, Map.of("Content-Type", "text/csv", "Content-Encoding", "gzip"),
                zipped.toByteArray(), Duration.ZERO, false));
        PageFetcher.Settings capped = new PageFetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(30), 3, Duration.ofMillis(10), Duration.ofSeconds(1), 50_000);
        assertThatThrownBy(() -> new PageFetcher(capped).download(List.of(server.url("/file.csv")),
                Deadline.in(Duration.ofSeconds(10), Clock.systemUTC())))
                .hasMessageContaining("larger than 50000 bytes");
        assertThat(server.hits("/file.csv")).isEqualTo(1);
    }

    @Test
    void sendsABrowserLikeUserAgentAndAcceptsGzip() throws Exception {
        byte[] gz;
        try (var bytes = new java.io.ByteArrayOutputStream(); var out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(hsiPage.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.finish();
            gz = bytes.toByteArray();
        }
        server.script("/hsi", new Response(200, Map.of("Content-Type", "text/html", "Content-Encoding", "gzip"), gz,
                Duration.ZERO, false));
        assertThat(fetchHsi(FAST).table().rowCount()).isEqualTo(85);
        assertThat(PageFetcher.USER_AGENT).startsWith("Mozilla/5.0");
    }

    @Test
    void fileUrlsReadASavedPage(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("hsi.html");
        Files.writeString(page, hsiPage);
        SourceResult result = new HsiSource().fetch(new SourceContext(Map.of("hsi", page.toUri().toString()), false,
                Clock.systemUTC()));
        assertThat(result.table().rowCount()).isEqualTo(85);
        assertThat(result.source()).startsWith("file:");
    }

    @Test
    void unreachableHostFailsCleanly() {
        PageFetcher.Settings oneTry = new PageFetcher.Settings(Duration.ofMillis(500), Duration.ofMillis(500),
                Duration.ofSeconds(3), 1, Duration.ofMillis(10), Duration.ofSeconds(1), 1000);
        String closedPort = "http://127.0.0.1:9/hsi";
        assertThatThrownBy(() -> new PageFetcher(oneTry).fetch(List.of(closedPort), Deadline.in(Duration.ofSeconds(10), Clock.systemUTC())))
                .hasMessageStartingWith("could not fetch the page; tried " + closedPort);
    }
}
