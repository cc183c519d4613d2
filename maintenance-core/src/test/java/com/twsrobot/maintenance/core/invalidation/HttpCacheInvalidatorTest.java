package com.twsrobot.maintenance.core.invalidation;

import com.sun.net.httpserver.HttpServer;
import com.twsrobot.maintenance.api.CacheInvalidator;
import com.twsrobot.maintenance.api.HttpSettings;
import com.twsrobot.maintenance.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP invalidator sends through the one HTTP stack: the runner's User-Agent, its retries, its clock. */
class HttpCacheInvalidatorTest {

    private final MutableClock clock = MutableClock.at("2026-12-03T12:00:00Z");
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger hits = new AtomicInteger();
    private HttpServer server;

    private URI serve(Integer... answers) throws Exception {
        statuses.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/invalidate", exchange -> {
            try (exchange) {
                userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                int n = hits.getAndIncrement();
                exchange.sendResponseHeaders(statuses.get(Math.min(n, statuses.size() - 1)), -1);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/invalidate");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private HttpCacheInvalidator invalidator(URI url) {
        return new HttpCacheInvalidator(url, null, Duration.ofSeconds(2), 3,
                HttpSettings.DEFAULT.withUserAgent("tws-maintenance-test/1"), clock);
    }

    @Test
    void aServerErrorIsRetriedWithTheRunnersUserAgentAndTheChangeIsStampedOnTheRunnersClock() throws Exception {
        URI url = serve(503, 204);
        invalidator(url).invalidate("sp500");
        assertThat(hits.get()).isEqualTo(2);
        assertThat(userAgents).containsOnly("tws-maintenance-test/1");
        assertThat(bodies.get(0)).contains("\"index\":\"sp500\"").contains("2026-12-03T12:00:00");
    }

    @Test
    void aClientErrorIsFinalAndNamedInWords() throws Exception {
        URI url = serve(403);
        CacheInvalidator invalidator = invalidator(url);
        assertThatThrownBy(() -> invalidator.invalidate(new CacheInvalidator.Change("sp500", "sp500.csv", "ab", "r1",
                clock.instant()))).hasMessage("POST " + url + " failed: HTTP 403");
        assertThat(hits.get()).isEqualTo(1);
    }
}
