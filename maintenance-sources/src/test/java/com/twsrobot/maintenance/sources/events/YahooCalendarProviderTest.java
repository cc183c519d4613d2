package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.events.EventType;
import com.twsrobot.maintenance.api.events.EventsRequest;
import com.twsrobot.maintenance.api.events.MarketEvent;
import com.twsrobot.maintenance.api.events.ProviderException;
import com.twsrobot.maintenance.api.events.ProviderFetch;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.FixtureServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Yahoo provider against a loopback server replaying the recorded body shapes. */
class YahooCalendarProviderTest {

    private static final YahooCalendarProvider.Settings FAST = new YahooCalendarProvider.Settings(4, 0,
            Duration.ofSeconds(5), Duration.ofMillis(10));

    private final FixtureServer server = FixtureServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    static String body(String file) throws Exception {
        return com.twsrobot.maintenance.testkit.Fixtures.yahooAnswer(file);
    }

    static void serveYahoo(FixtureServer server) throws Exception {
        server.script("/cookie", Response.status(404).withHeader("Set-Cookie", "A3=d=abc; Path=/"));
        server.script("/v1/test/getcrumb", Response.of(200, "text/plain", "Xb9CrumbToken1"));
        for (String s : List.of("AAPL", "MSFT", "NODIV")) {
            server.script("/v10/finance/quoteSummary/" + s,
                    Response.of(200, "application/json", body("yahoo_quotesummary_calendarEvents_" + s + ".json")));
        }
        server.script("/v10/finance/quoteSummary/ZZZZQ", Response.of(404, "application/json",
                body("yahoo_quotesummary_not_found.json")));
    }

    private EventsRequest request(List<String> symbols, String today) {
        LocalDate from = LocalDate.parse(today);
        return new EventsRequest(symbols, from, from.plusDays(90), Instant.parse(today + "T12:00:00Z"),
                Map.of("yahoo", server.url(""), "yahoo-cookie", server.url("/cookie")), false);
    }

    private static MarketEvent find(ProviderFetch fetch, String id) {
        return fetch.events().stream().filter(e -> e.sourceEventId().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError("no " + id + " in " + fetch.events()));
    }

    /** An answer over the 4 MiB cap is final: asked for once, never retried like a network error. */
    @Test
    void aCrumbAnswerOverTheCapIsAskedForOnce() throws Exception {
        serveYahoo(server);
        server.script("/v1/test/getcrumb", Response.of(200, "text/plain", "x".repeat(4 * 1024 * 1024 + 1)));
        assertThatThrownBy(() -> new YahooCalendarProvider(FAST).fetch(request(List.of("AAPL"), "2026-11-24")))
                .hasMessageContaining("larger than 4194304 bytes");
        assertThat(server.hits("/v1/test/getcrumb")).isEqualTo(1);
    }

    @Test
    void aQuoteAnswerOverTheCapIsAskedForOnce() throws Exception {
        serveYahoo(server);
        server.script("/v10/finance/quoteSummary/AAPL", Response.of(200, "application/json",
                "{\"pad\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}"));
        ProviderFetch fetch = new YahooCalendarProvider(FAST).fetch(request(List.of("AAPL", "MSFT"), "2026-11-24"));
        assertThat(fetch.errors()).singleElement().asString().startsWith("AAPL: ").contains("larger than 4194304 bytes");
        assertThat(fetch.coveredSymbols()).containsExactly("MSFT");
        assertThat(server.hits("/v10/finance/quoteSummary/AAPL")).isEqualTo(1);
    }

    @Test
    void extractsWhatTheFixturesReadmeSays() throws Exception {
        serveYahoo(server);
        ProviderFetch fetch = new YahooCalendarProvider(FAST).fetch(request(List.of("AAPL", "MSFT", "NODIV", "ZZZZQ"),
                "2026-11-24"));

        MarketEvent aapl = find(fetch, "EARNINGS:AAPL:2027-01-28");
        assertThat(aapl.confidence()).isEqualTo("estimated");
        assertThat(aapl.eventTime()).isEqualTo("TBD");
        assertThat(aapl.startAtUtc()).isEqualTo("2027-01-28T05:00:00Z");
        assertThat(aapl.eventId()).isEqualTo("evt_5702fa6c4ada71b23ffc8878293eda68"); // the host's id of this event
        assertThat(fetch.events()).noneMatch(e -> e.sourceEventId().startsWith("DIVIDEND:AAPL"))
                .noneMatch(e -> e.eventDate().toString().equals("2026-10-29"));

        MarketEvent msft = find(fetch, "EARNINGS:MSFT:2027-01-27");
        assertThat(msft.confidence()).isEqualTo("confirmed");
        assertThat(msft.eventTime()).isEqualTo("AMC");
        assertThat(msft.startAtUtc()).isEqualTo("2027-01-27T21:05:00Z");
        assertThat(msft.marketTimezone()).isEqualTo("America/New_York");
        MarketEvent dividend = find(fetch, "DIVIDEND:MSFT:2027-02-18");
        assertThat(dividend.eventType()).isEqualTo(EventType.DIVIDEND);
        assertThat(dividend.detail()).containsEntry("payment_date", "2027-03-11");

        MarketEvent nodiv = find(fetch, "EARNINGS:NODIV:2027-02-04");
        assertThat(nodiv.confidence()).isEqualTo("estimated");
        assertThat(nodiv.detail()).containsEntry("window_end", "2027-02-09");
        assertThat(fetch.events()).noneMatch(e -> e.sourceEventId().startsWith("DIVIDEND:NODIV"));

        assertThat(fetch.events()).hasSize(4);
        assertThat(fetch.warnings()).singleElement().asString().contains("ZZZZQ");
        assertThat(fetch.errors()).isEmpty();
        assertThat(fetch.coveredSymbols()).containsExactlyInAnyOrder("AAPL", "MSFT", "NODIV");
    }

    @Test
    void aClockBeforeTheExDateSeesTheDividendAsUpcoming() throws Exception {
        serveYahoo(server);
        ProviderFetch fetch = new YahooCalendarProvider(FAST).fetch(request(List.of("AAPL"), "2026-11-01"));
        assertThat(fetch.events()).anyMatch(e -> e.sourceEventId().equals("DIVIDEND:AAPL:2026-11-09"));
    }

    @Test
    void anInvalidCrumbGetsAFreshCrumbAndOneRetry() throws Exception {
        serveYahoo(server);
        server.script("/v10/finance/quoteSummary/AAPL",
                Response.of(401, "application/json", body("yahoo_quotesummary_unauthorized_invalid_crumb.json")),
                Response.of(200, "application/json", body("yahoo_quotesummary_calendarEvents_AAPL.json")));
        ProviderFetch fetch = new YahooCalendarProvider(FAST).fetch(request(List.of("AAPL"), "2026-11-24"));
        assertThat(fetch.events()).hasSize(1);
        assertThat(server.hits("/v1/test/getcrumb")).isEqualTo(2);
        assertThat(server.hits("/cookie")).isEqualTo(2);
    }

    @Test
    void a429IsRetriedAndATooManyRequestsCrumbIsNeverAccepted() throws Exception {
        serveYahoo(server);
        server.script("/v1/test/getcrumb", Response.of(429, "text/plain", "Too Many Requests"),
                Response.of(200, "text/plain", "Too Many Requests"), Response.of(200, "text/plain", "GoodCrumb7"));
        server.script("/v10/finance/quoteSummary/MSFT", Response.of(429, "text/plain", "Too Many Requests"),
                Response.of(200, "application/json", body("yahoo_quotesummary_calendarEvents_MSFT.json")));
        ProviderFetch fetch = new YahooCalendarProvider(FAST).fetch(request(List.of("MSFT"), "2026-11-24"));
        assertThat(fetch.events()).hasSize(2);
        assertThat(server.hits("/v1/test/getcrumb")).isEqualTo(3);
        assertThat(server.hits("/v10/finance/quoteSummary/MSFT")).isEqualTo(2);
    }

    @Test
    void aSymbolThatKeepsFailingIsAnErrorButTheOthersGoOn() throws Exception {
        serveYahoo(server);
        server.script("/v10/finance/quoteSummary/MSFT", Response.status(503));
        ProviderFetch fetch = new YahooCalendarProvider(FAST).fetch(request(List.of("AAPL", "MSFT"), "2026-11-24"));
        assertThat(fetch.events()).extracting(MarketEvent::symbol).containsOnly("AAPL");
        assertThat(fetch.errors()).singleElement().asString().startsWith("MSFT: HTTP 503").contains("after 3 tries");
        assertThat(fetch.coveredSymbols()).containsExactly("AAPL");
    }

    @Test
    void noCrumbMeansTheProviderFails() throws Exception {
        serveYahoo(server);
        server.script("/v1/test/getcrumb", Response.of(429, "text/plain", "Too Many Requests"));
        assertThatThrownBy(() -> new YahooCalendarProvider(FAST).fetch(request(List.of("AAPL"), "2026-11-24")))
                .isInstanceOf(ProviderException.class).hasMessageContaining("could not get a cookie and crumb");
    }

    /** What reached operators as "java.net.ConnectException; java.net.ConnectException; ...": now in words. */
    @Test
    void anUnreachableYahooIsNamedInWordsForEveryTry() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String closed = "http://127.0.0.1:" + port;
        LocalDate from = LocalDate.parse("2026-11-24");
        EventsRequest request = new EventsRequest(List.of("AAPL"), from, from.plusDays(90),
                Instant.parse("2026-11-24T12:00:00Z"), Map.of("yahoo", closed, "yahoo-cookie", closed + "/cookie"), false);
        assertThatThrownBy(() -> new YahooCalendarProvider(FAST).fetch(request))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("could not get a cookie and crumb")
                .hasMessageContaining("could not connect to 127.0.0.1:" + port + " (connection refused) while fetching "
                        + closed + "/cookie (3 tries)")
                .message().doesNotContain("java.").doesNotContain("Exception").doesNotContain("; could not connect");
    }

    /** An override ending in "/" is joined without a doubled slash ({@code //v1/test/getcrumb} was asked for). */
    @Test
    void anOverrideEndingInASlashIsJoinedWithOne() throws Exception {
        serveYahoo(server);
        LocalDate from = LocalDate.parse("2026-11-24");
        EventsRequest request = new EventsRequest(List.of("AAPL"), from, from.plusDays(90),
                Instant.parse("2026-11-24T12:00:00Z"), Map.of("yahoo", server.url("/"), "yahoo-cookie",
                server.url("/cookie")), false);
        ProviderFetch fetch = new YahooCalendarProvider(FAST).fetch(request);
        assertThat(fetch.errors()).isEmpty();
        assertThat(fetch.events()).hasSize(1);
        assertThat(server.hits("/v1/test/getcrumb")).isEqualTo(1);
        assertThat(server.hits("/v10/finance/quoteSummary/AAPL")).isEqualTo(1);
    }

    @Test
    void noSymbolsMeansNoRequests() throws Exception {
        serveYahoo(server);
        assertThat(new YahooCalendarProvider(FAST).fetch(request(List.of(), "2026-11-24")).events()).isEmpty();
        assertThat(server.hits("/v1/test/getcrumb")).isZero();
    }

    @Test
    void theRateLimitSpacesRequests() throws Exception {
        serveYahoo(server);
        List<String> symbols = List.of("AAPL", "MSFT", "NODIV", "AAPL", "MSFT", "NODIV", "AAPL", "MSFT", "NODIV", "AAPL");
        YahooCalendarProvider limited = new YahooCalendarProvider(new YahooCalendarProvider.Settings(8, 20,
                Duration.ofSeconds(5), Duration.ofMillis(10)));
        long start = System.nanoTime();
        limited.fetch(request(symbols, "2026-11-24"));
        // 10 requests at 20 per second: the last may start no earlier than 9 intervals of 50 ms after the first.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    @Test
    void theRunnersProviderOptionsTuneIt() throws Exception {
        serveYahoo(server);
        LocalDate from = LocalDate.parse("2026-11-24");
        List<String> symbols = List.of("AAPL", "MSFT", "NODIV", "AAPL", "MSFT", "NODIV", "AAPL", "MSFT", "NODIV", "AAPL");
        EventsRequest limited = new EventsRequest(symbols, from, from.plusDays(90), Instant.parse("2026-11-24T12:00:00Z"),
                Map.of("yahoo", server.url(""), "yahoo-cookie", server.url("/cookie")), false, null,
                Map.of(YahooCalendarProvider.CONCURRENCY, "2", YahooCalendarProvider.REQUESTS_PER_SECOND, "20"));
        long start = System.nanoTime();
        assertThat(new YahooCalendarProvider().fetch(limited).events()).isNotEmpty();
        // The option, not a JVM property, set the limit: 10 requests at 20 per second take at least 450 ms.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));

        for (Map.Entry<String, String> bad : List.of(Map.entry(YahooCalendarProvider.CONCURRENCY, "0"),
                Map.entry(YahooCalendarProvider.CONCURRENCY, "many"), Map.entry(YahooCalendarProvider.REQUESTS_PER_SECOND, "NaN"))) {
            EventsRequest refused = new EventsRequest(List.of("AAPL"), from, from.plusDays(90),
                    Instant.parse("2026-11-24T12:00:00Z"), Map.of("yahoo", server.url("")), false, null,
                    Map.of(bad.getKey(), bad.getValue()));
            assertThatThrownBy(() -> new YahooCalendarProvider().fetch(refused)).isInstanceOf(ProviderException.class)
                    .hasMessageContaining("provider option " + bad.getKey()).hasMessageContaining("'" + bad.getValue() + "'");
        }
    }

    /** The same real values with every {@code {"raw": n, "fmt": ...}} replaced by the bare number. */
    static String bareNumbers(String body) {
        return body.replaceAll("\\{\"raw\":(-?[0-9.]+),\"fmt\":\"[^\"]*\"(,\"longFmt\":\"[^\"]*\")?\\}", "$1");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"AAPL", "MSFT", "NODIV"})
    void bareNumberAnswersGiveTheSameEventsAsRawFmtAnswers(String symbol) throws Exception {
        String formatted = body("yahoo_quotesummary_calendarEvents_" + symbol + ".json");
        String bare = bareNumbers(formatted);
        assertThat(bare).doesNotContain("\"fmt\"").contains("\"earningsDate\":[");
        serveYahoo(server);
        ProviderFetch withObjects = new YahooCalendarProvider(FAST).fetch(request(List.of(symbol), "2026-11-24"));
        server.script("/v10/finance/quoteSummary/" + symbol, Response.of(200, "application/json", bare));
        ProviderFetch withNumbers = new YahooCalendarProvider(FAST).fetch(request(List.of(symbol), "2026-11-24"));
        assertThat(withObjects.events()).isNotEmpty();
        assertThat(withNumbers.events()).extracting(MarketEvent::eventId, MarketEvent::eventDate, MarketEvent::eventTime,
                        MarketEvent::title, MarketEvent::confidence)
                .containsExactlyElementsOf(withObjects.events().stream().map(e -> org.assertj.core.groups.Tuple.tuple(
                        e.eventId(), e.eventDate(), e.eventTime(), e.title(), e.confidence())).toList());
        assertThat(withNumbers.warnings()).isEmpty();
        assertThat(withNumbers.events()).noneMatch(e -> e.eventDate().getYear() == 1970);
    }

    @Test
    void anUnreadableDateIsAWarningNamingTheSymbolAndFieldAndNoEvent() throws Exception {
        serveYahoo(server);
        String broken = body("yahoo_quotesummary_calendarEvents_MSFT.json")
                .replace("\"exDividendDate\":{\"raw\":1802908800,\"fmt\":\"2027-02-18\"}", "\"exDividendDate\":\"soon\"");
        server.script("/v10/finance/quoteSummary/MSFT", Response.of(200, "application/json", broken));
        ProviderFetch fetch = new YahooCalendarProvider(FAST).fetch(request(List.of("MSFT"), "2026-11-24"));
        assertThat(fetch.events()).extracting(MarketEvent::sourceEventId).containsExactly("EARNINGS:MSFT:2027-01-27");
        assertThat(fetch.warnings()).singleElement().asString().startsWith("MSFT: ").contains("exDividendDate")
                .contains("soon");
        assertThat(fetch.coveredSymbols()).doesNotContain("MSFT"); // its rows are not marked stale on a bad answer
    }

    @Test
    void anAnswerWithNoCalendarDataSaysSoForThatSymbol() throws Exception {
        serveYahoo(server);
        server.script("/v10/finance/quoteSummary/MSFT", Response.of(200, "application/json",
                "{\"quoteSummary\":{\"result\":[{\"calendarEvents\":{\"maxAge\":1,\"earnings\":{}}}],\"error\":null}}"));
        ProviderFetch fetch = new YahooCalendarProvider(FAST).fetch(request(List.of("MSFT"), "2026-11-24"));
        assertThat(fetch.events()).isEmpty();
        assertThat(fetch.warnings()).singleElement().asString().startsWith("MSFT: ").contains("no calendar data");
    }

    @Test
    void a404ForTwoSymbolsGivesTwoWarningsEachStartingWithItsRequestedSymbol() throws Exception {
        serveYahoo(server);
        String noFundamentals = "{\"quoteSummary\":{\"result\":null,\"error\":{\"code\":\"Not Found\","
                + "\"description\":\"No fundamentals data found for any of the summaryTypes=calendarEvents\"}}}";
        server.script("/v10/finance/quoteSummary/AAPL", Response.of(404, "application/json", noFundamentals));
        server.script("/v10/finance/quoteSummary/MSFT", Response.of(404, "application/json",
                body("yahoo_quotesummary_not_found.json"))); // its body names ZZZZQ, not MSFT
        ProviderFetch fetch = new YahooCalendarProvider(FAST).fetch(request(List.of("AAPL", "MSFT"), "2026-11-24"));
        assertThat(fetch.warnings()).hasSize(2)
                .anySatisfy(w -> assertThat(w).startsWith("AAPL: ").contains("No fundamentals data found"))
                .anySatisfy(w -> assertThat(w).startsWith("MSFT: ").contains("Quote not found for symbol: ZZZZQ"));
    }
}
