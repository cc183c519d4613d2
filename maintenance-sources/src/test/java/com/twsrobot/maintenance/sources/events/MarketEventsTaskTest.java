package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.events.MarketEventsOptions;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The market_events task through the runner, with the embedded service discovered from the class path. */
class MarketEventsTaskTest {

    private final TempWorkspace ws = TempWorkspace.create();

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    @Test
    void symbolsComeFromTheRequestAndTheHostsEventSymbolsAndTheSnapshotRunNeedsNoNetwork() {
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(MutableClock.at("2026-11-24T02:00:00Z")).progressListener(m -> { })
                .sourceUrl("yahoo", "http://127.0.0.1:9").sourceUrl("yahoo-cookie", "http://127.0.0.1:9").build();
        RunReport report = runner.run(RunRequest.builder().task("market_events")
                .options(new MarketEventsOptions(List.of("msft"), 14)).snapshot(true).build());
        TaskResult result = report.results().get(0);
        // The task's own options: its symbols and its window, read from the request by their type.
        assertThat(com.twsrobot.maintenance.core.report.TaskDetails.toMap(result.detail()).get("window")).isEqualTo(Map.of("from", "2026-11-24", "to", "2026-12-08",
                "days_ahead", 14));
        @SuppressWarnings("unchecked")
        Map<String, Object> sources = (Map<String, Object>) com.twsrobot.maintenance.core.report.TaskDetails.toMap(result.detail()).get("symbol_sources");
        assertThat(sources).containsEntry("manual", List.of("MSFT")).containsEntry("watchlist", List.of("NODIV", "AAPL"));
        assertThat(com.twsrobot.maintenance.core.report.TaskDetails.toMap(result.detail()).get("symbols")).isEqualTo(List.of("MSFT", "NODIV", "AAPL"));
        // Yahoo is unreachable here: that provider fails, FOMC (bundled page) and the US calendar still work.
        assertThat(result.status()).isEqualTo(TaskStatus.PARTIAL_FAILURE);
        assertThat(result.errors()).singleElement().asString().startsWith("yahoo_calendar failed");
        assertThat(report.warnings()).contains("SGX appears open (closes 17:00 Asia/Singapore)",
                "HKEX appears open (closes 16:00 Asia/Hong_Kong)");
        assertThat(ws.dataFile("market_events.db")).doesNotExist(); // a dry run previews only
    }

    @Test
    void theRunnersProviderOptionsReachTheProvider() {
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(MutableClock.at("2026-11-24T02:00:00Z")).progressListener(m -> { })
                .providerOption("yahoo.concurrency", "0").build();
        TaskResult result = runner.run(RunRequest.builder().task("market_events").options(MarketEventsOptions.symbols(List.of("MSFT")))
                .snapshot(true).build()).results().get(0);
        assertThat(result.errors()).singleElement().asString().startsWith("yahoo_calendar failed")
                .contains("the provider option yahoo.concurrency must be a whole number from 1 to 256, got '0'");
    }

    @Test
    void withoutAnEventsServiceTheTaskFailsSayingSo() {
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .progressListener(m -> { }).discover(false).task(new MarketEventsTask()).build();
        TaskResult result = runner.run(RunRequest.dryRun("market_events")).results().get(0);
        assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(result.errors()).singleElement().asString().contains("no market-events service");
    }
}
