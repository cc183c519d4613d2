package com.twsrobot.maintenance.api.http;

import com.twsrobot.maintenance.api.HttpSettings;
import com.twsrobot.maintenance.testkit.MutableClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one HTTP stack against loopback servers: retries wait on an injected sleeper that moves the
 * deadline's clock (no wall-clock waits), {@code Retry-After} in both forms, the deadline caps a wait,
 * the body cap is final, and the User-Agent and proxy are the settings'.
 */
class HttpStackTest {

    private final MutableClock clock = MutableClock.at("2026-12-03T12:00:00Z");
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    /** Waits by moving the clock: a retry after 7 s takes no time at all. */
    private final Sleeper sleeper = pause -> {
        waits.add(pause);
        clock.advance(pause);
    };
    private final RetryPolicy threeTries = RetryPolicy.of(3, Duration.ofMillis(100), Duration.ofSeconds(60));

    private HttpStack stack(HttpSettings settings) {
        return HttpStack.of(settings).withSleeper(sleeper);
    }

    private Deadline minute() {
        return Deadline.in(Duration.ofSeconds(60), clock);
    }

    private static HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).GET();
    }

    @Test
    void aRetryAfterInSecondsIsWaitedOnTheInjectedSleeperThenTheAnswerComes() throws Exception {
        try (LoopbackServer server = new LoopbackServer(
                LoopbackServer.Answer.of(503, "busy").withHeader("Retry-After", "7"), LoopbackServer.Answer.of(200, "ok"))) {
            HttpStack.Exchange exchange = stack(HttpSettings.DEFAULT).send(get(server.uri("/p")), minute(), threeTries);
            assertThat(exchange.answer().status()).isEqualTo(200);
            assertThat(exchange.answer().text()).isEqualTo("ok");
            assertThat(waits).containsExactly(Duration.ofSeconds(7));
            assertThat(server.hits()).isEqualTo(2);
            assertThat(exchange.tries()).isEqualTo(2);
            assertThat(exchange.history()).containsExactly("HTTP 503 'busy'");
        }
    }

    @Test
    void aRetryAfterAsAnHttpDateIsMeasuredOnTheDeadlinesClock() throws Exception {
        String inFortyTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                clock.instant().plusSeconds(42).atZone(ZoneOffset.UTC));
        try (LoopbackServer server = new LoopbackServer(
                LoopbackServer.Answer.of(429, "slow down").withHeader("Retry-After", inFortyTwoSeconds),
                LoopbackServer.Answer.of(200, "ok"))) {
            HttpStack.Exchange exchange = stack(HttpSettings.DEFAULT).send(get(server.uri("/p")), minute(), threeTries);
            assertThat(exchange.answer().status()).isEqualTo(200);
            assertThat(waits).containsExactly(Duration.ofSeconds(42));
        }
    }

    @Test
    void aRetryAfterThatWouldPassTheDeadlineGivesUpWithoutWaiting() throws Exception {
        try (LoopbackServer server = new LoopbackServer(
                LoopbackServer.Answer.of(503, "busy").withHeader("Retry-After", "30"), LoopbackServer.Answer.of(200, "ok"))) {
            Deadline tenSeconds = Deadline.in(Duration.ofSeconds(10), clock);
            HttpStack.Exchange exchange = stack(HttpSettings.DEFAULT).send(get(server.uri("/p")), tenSeconds, threeTries);
            assertThat(exchange.answer().status()).isEqualTo(503);
            assertThat(exchange.history()).containsExactly("HTTP 503 'busy'",
                    "gave up: the 10.0 s deadline would pass before the next try");
            assertThat(waits).isEmpty();
            assertThat(server.hits()).isEqualTo(1);
        }
    }

    @Test
    void aRetryAfterLongerThanThePolicyAllowsGivesUpSayingSo() throws Exception {
        try (LoopbackServer server = new LoopbackServer(
                LoopbackServer.Answer.of(429, "").withHeader("Retry-After", "3600"))) {
            HttpStack.Exchange exchange = stack(HttpSettings.DEFAULT).send(get(server.uri("/p")), minute(), threeTries);
            assertThat(exchange.history()).contains("Retry-After 3600 s is longer than the 60 s allowed");
            assertThat(waits).isEmpty();
            assertThat(server.hits()).isEqualTo(1);
        }
    }

    @Test
    void withoutRetryAfterTheWaitStartsAtTheBackoffAndDoubles() throws Exception {
        try (LoopbackServer server = new LoopbackServer(LoopbackServer.Answer.of(500, "x"),
                LoopbackServer.Answer.of(502, "y"), LoopbackServer.Answer.of(503, "z"))) {
            HttpStack.Exchange exchange = stack(HttpSettings.DEFAULT).send(get(server.uri("/p")), minute(), threeTries);
            assertThat(exchange.answer().status()).isEqualTo(503);
            assertThat(exchange.tries()).isEqualTo(3);
            assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(server.hits()).isEqualTo(3);
        }
    }

    @Test
    void aClientErrorIsNotAskedForAgain() throws Exception {
        try (LoopbackServer server = new LoopbackServer(LoopbackServer.Answer.of(404, "gone"))) {
            HttpStack.Exchange exchange = stack(HttpSettings.DEFAULT).send(get(server.uri("/p")), minute(), threeTries);
            assertThat(exchange.answer().status()).isEqualTo(404);
            assertThat(server.hits()).isEqualTo(1);
            assertThat(waits).isEmpty();
        }
    }

    /** The cap is final: the same body again would be as large and read in full again. */
    @Test
    void aBodyOverTheCapIsAskedForOnceWhetherItDeclaresItsLengthOrNot() throws Exception {
        HttpSettings capped = HttpSettings.DEFAULT.withMaxBodyBytes(1000);
        for (LoopbackServer.Answer big : List.of(LoopbackServer.Answer.of(200, "x".repeat(5000)),
                LoopbackServer.Answer.of(200, "x".repeat(5000)).withoutLength())) {
            try (LoopbackServer server = new LoopbackServer(big)) {
                assertThatThrownBy(() -> stack(capped).send(get(server.uri("/big")), minute(), threeTries))
                        .isInstanceOfSatisfying(HttpFailure.class, f -> {
                            assertThat(f.kind()).isEqualTo(HttpFailure.Kind.TOO_LARGE);
                            assertThat(f.isFinal()).isTrue();
                            assertThat(f.history()).hasSize(1);
                        })
                        .hasMessageContaining("larger than 1000 bytes");
                assertThat(server.hits()).as(big.chunked() ? "chunked" : "with Content-Length").isEqualTo(1);
                assertThat(waits).isEmpty();
            }
        }
    }

    @Test
    void theUserAgentIsTheSettingsOneWhateverTheCallerSet() throws Exception {
        try (LoopbackServer server = new LoopbackServer(LoopbackServer.Answer.of(200, "ok"))) {
            stack(HttpSettings.DEFAULT.withUserAgent("tws-test/1.0"))
                    .sendOnce(get(server.uri("/p")).header("User-Agent", "someone-else"), minute());
            assertThat(server.seen).singleElement().satisfies(s ->
                    assertThat(s.headers().get("User-Agent")).containsExactly("tws-test/1.0"));
        }
    }

    @Test
    void requestsGoThroughTheConfiguredProxy() throws Exception {
        try (LoopbackServer proxy = new LoopbackServer(LoopbackServer.Answer.of(200, "from the proxy"))) {
            HttpSettings viaProxy = HttpSettings.DEFAULT.withProxy("127.0.0.1:" + proxy.port())
                    .withUserAgent("tws-test/1.0");
            HttpAnswer answer = stack(viaProxy).sendOnce(get(URI.create("http://metadata.example.invalid/page")), minute());
            assertThat(answer.text()).isEqualTo("from the proxy");
            assertThat(proxy.seen).singleElement().satisfies(s -> {
                assertThat(s.uri().toString()).isEqualTo("http://metadata.example.invalid/page"); // absolute: a proxy's request
                assertThat(s.headers().get("User-Agent")).containsExactly("tws-test/1.0");
            });
        }
    }

    @Test
    void aDirectStackIgnoresTheProxy() throws Exception {
        int closed = freePort();
        try (LoopbackServer host = new LoopbackServer(LoopbackServer.Answer.of(200, "host"))) {
            HttpSettings viaDeadProxy = HttpSettings.DEFAULT.withProxy("127.0.0.1:" + closed);
            assertThat(stack(viaDeadProxy).direct().sendOnce(get(host.uri("/api")), minute()).text()).isEqualTo("host");
            assertThatThrownBy(() -> stack(viaDeadProxy).sendOnce(get(host.uri("/api")), minute()))
                    .isInstanceOf(HttpFailure.class);
        }
    }

    @Test
    void aRefusedConnectionIsRetriedThenNamedInWordsWithoutAClassName() throws Exception {
        int closed = freePort();
        URI uri = URI.create("http://127.0.0.1:" + closed + "/page");
        assertThatThrownBy(() -> stack(HttpSettings.DEFAULT).send(get(uri), minute(), threeTries))
                .isInstanceOfSatisfying(HttpFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(HttpFailure.Kind.UNREACHABLE);
                    assertThat(f.history()).hasSize(3).allSatisfy(h -> assertThat(h)
                            .isEqualTo("could not connect to 127.0.0.1:" + closed + " (connection refused) while fetching " + uri));
                })
                .message().doesNotContain("java.").doesNotContain("Exception");
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void aPassedDeadlineSendsNothing() throws Exception {
        try (LoopbackServer server = new LoopbackServer(LoopbackServer.Answer.of(200, "ok"))) {
            Deadline deadline = Deadline.in(Duration.ofSeconds(1), clock);
            clock.advance(Duration.ofSeconds(2));
            assertThatThrownBy(() -> stack(HttpSettings.DEFAULT).send(get(server.uri("/p")), deadline, threeTries))
                    .isInstanceOfSatisfying(HttpFailure.class, f -> assertThat(f.kind()).isEqualTo(HttpFailure.Kind.DEADLINE));
            assertThat(server.hits()).isZero();
        }
    }

    @Test
    void aDisguisedThrottleIsAskedForAgain() throws Exception {
        try (LoopbackServer server = new LoopbackServer(LoopbackServer.Answer.of(200, "Too Many Requests"),
                LoopbackServer.Answer.of(200, "Crumb1"))) {
            HttpStack.Exchange exchange = stack(HttpSettings.DEFAULT).send(get(server.uri("/crumb")), minute(),
                    threeTries.withDisguised(a -> a.text().contains(" ")));
            assertThat(exchange.answer().text()).isEqualTo("Crumb1");
            assertThat(server.hits()).isEqualTo(2);
        }
    }

    /** closeAll closes the stack's clients where the JDK can (21+), so a CLI process exits without the JVM's wait. */
    @Test
    void closeAllClosesTheClientsBuiltOnJdk21AndLaterAndLeavesThemWorkingOn17() throws Exception {
        try (LoopbackServer server = new LoopbackServer(LoopbackServer.Answer.of(200, "ok"))) {
            HttpStack one = stack(HttpSettings.DEFAULT);
            assertThat(one.sendOnce(get(server.uri("/p")), minute()).status()).isEqualTo(200);
            HttpStack.closeAll();
            HttpStack.closeAll(); // a second call finds nothing left to close
            if (Runtime.version().feature() >= 21) {
                assertThatThrownBy(() -> one.sendOnce(get(server.uri("/p")), minute())).isInstanceOf(HttpFailure.class);
            } else {
                // JDK 17's client cannot be closed: it keeps working, and the exit wait stays (docs/benchmarks.md).
                assertThat(one.sendOnce(get(server.uri("/p")), minute()).status()).isEqualTo(200);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
