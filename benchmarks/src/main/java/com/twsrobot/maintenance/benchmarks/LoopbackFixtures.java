package com.twsrobot.maintenance.benchmarks;

import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.FixtureServer.Response;
import com.twsrobot.maintenance.testkit.Fixtures;

import java.time.Duration;

/**
 * The loopback server bench/run.sh measures the CLI against: the three index pages and the Fed page
 * after {@code pageDelayMs}, and Yahoo endpoints for {@code symbols} symbols S0..S(n-1), each answering
 * after {@code yahooDelayMs}. Prints its base URL, then serves until killed.
 *
 * <p>Usage: {@code LoopbackFixtures PAGE_DELAY_MS YAHOO_DELAY_MS SYMBOLS} (every page and answer comes from
 * the testkit's fixtures, so the harness needs nothing outside the repository)
 */
public final class LoopbackFixtures {

    private LoopbackFixtures() {
    }

    public static void main(String[] args) throws Exception {
        Duration pageDelay = Duration.ofMillis(Long.parseLong(args[0]));
        Duration yahooDelay = Duration.ofMillis(Long.parseLong(args[1]));
        int symbols = Integer.parseInt(args[2]);
        FixtureServer server = FixtureServer.start();
        for (String index : new String[]{"sp500", "sti", "hsi"}) {
            server.script("/" + index, Response.html(Fixtures.page("wikipedia_" + index + ".html")).delayed(pageDelay));
        }
        server.script("/fomc", Response.html(Fixtures.fedPage("fed_fomc_calendars.html"))
                .delayed(pageDelay));
        server.script("/cookie", Response.status(404).withHeader("Set-Cookie", "A3=d=bench; Path=/"));
        server.script("/v1/test/getcrumb", Response.of(200, "text/plain", "BenchCrumb1"));
        String body = Fixtures.yahooAnswer("yahoo_quotesummary_calendarEvents_MSFT.json");
        for (int i = 0; i < symbols; i++) {
            server.script("/v10/finance/quoteSummary/S" + i, Response.of(200, "application/json", body).delayed(yahooDelay));
        }
        System.out.println(server.url(""));
        System.out.flush();
        Thread.currentThread().join();
    }
}
