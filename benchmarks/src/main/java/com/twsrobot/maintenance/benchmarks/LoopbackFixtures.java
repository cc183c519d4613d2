package com.twsrobot.maintenance.benchmarks;

import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.FixtureServer.Response;
import com.twsrobot.maintenance.testkit.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The loopback server bench/run.sh measures the CLI against: the three index pages and the Fed page
 * after {@code pageDelayMs}, and Yahoo endpoints for {@code symbols} symbols S0..S(n-1), each answering
 * after {@code yahooDelayMs}. Prints its base URL, then serves until killed.
 *
 * <p>Usage: {@code LoopbackFixtures FIXTURES_DIR PAGE_DELAY_MS YAHOO_DELAY_MS SYMBOLS}
 */
public final class LoopbackFixtures {

    private LoopbackFixtures() {
    }

    public static void main(String[] args) throws Exception {
        Path fixtures = Path.of(args[0]);
        Duration pageDelay = Duration.ofMillis(Long.parseLong(args[1]));
        Duration yahooDelay = Duration.ofMillis(Long.parseLong(args[2]));
        int symbols = Integer.parseInt(args[3]);
        FixtureServer server = FixtureServer.start();
        for (String index : new String[]{"sp500", "sti", "hsi"}) {
            server.script("/" + index, Response.html(Fixtures.page("wikipedia_" + index + ".html")).delayed(pageDelay));
        }
        server.script("/fomc", Response.html(Files.readString(fixtures.resolve("pages/fed_fomc_calendars.html")))
                .delayed(pageDelay));
        server.script("/cookie", Response.status(404).withHeader("Set-Cookie", "A3=d=bench; Path=/"));
        server.script("/v1/test/getcrumb", Response.of(200, "text/plain", "BenchCrumb1"));
        String body = Files.readString(fixtures.resolve("events/yahoo_quotesummary_calendarEvents_MSFT.json"));
        for (int i = 0; i < symbols; i++) {
            server.script("/v10/finance/quoteSummary/S" + i, Response.of(200, "application/json", body).delayed(yahooDelay));
        }
        System.out.println(server.url(""));
        System.out.flush();
        Thread.currentThread().join();
    }
}
