package com.twsrobot.maintenance.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden reports (maintenance-core/src/test/resources/golden) as the console serves them: each
 * report's JSON view is the file the old version wrote, and the charts drawn from them are the ones
 * the old version drew.
 */
class GoldenReportsConsoleTest {

    private static final Path GOLDEN = Path.of("../maintenance-core/src/test/resources/golden");
    private final TempWorkspace ws = TempWorkspace.create().withConstituents(false);
    private final HttpClient http = HttpClient.newHttpClient();
    private MaintenanceConsole console;

    @AfterEach
    void stop() {
        if (console != null) {
            console.close();
        }
        ws.close();
    }

    private List<String> copyGoldenReports() throws Exception {
        Files.createDirectories(ws.reportsDir());
        try (var files = Files.list(GOLDEN.resolve("reports"))) {
            for (Path f : files.toList()) {
                Files.copy(f, ws.reportsDir().resolve(f.getFileName()));
            }
        }
        try (var files = Files.list(GOLDEN.resolve("reports"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("maintenance_[0-9_]+\\.json"))
                    .map(n -> n.replace(".json", "")).sorted().toList();
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return ReportJson.mapper().readTree(r.body());
    }

    @Test
    void eachGoldenReportIsServedAsTheOldVersionWroteIt() throws Exception {
        List<String> ids = copyGoldenReports();
        assertThat(ids).hasSize(8);
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(MutableClock.at("2026-12-03T12:00:00Z")).progressListener(m -> { }).build();
        console = MaintenanceConsole.start(runner, ConsoleOptions.defaults().withPort(0));
        for (String id : ids) {
            JsonNode golden = ReportJson.mapper().readTree(Files.readString(GOLDEN.resolve("reports").resolve(id + ".json")));
            assertThat(get("/api/maintenance/reports/" + id)).as(id).isEqualTo(golden);
        }
        assertThat(get("/api/maintenance/reports").toString()).contains(ids.get(0), ids.get(ids.size() - 1));
    }

    @Test
    void theChartsOfTheGoldenReportsAreTheOnesTheOldVersionDrew() throws Exception {
        copyGoldenReports();
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(MutableClock.at("2026-12-03T12:00:00Z")).progressListener(m -> { }).build();
        JsonNode golden = ReportJson.mapper().readTree(Files.readString(GOLDEN.resolve("views/console-charts.json")));
        // Through its text, as the console sends it (numbers then compare by value, not by Java type).
        JsonNode charts = ReportJson.mapper().readTree(ReportJson.pretty(ConsoleCharts.of(runner, 500)));
        assertThat(charts.get("reports_read")).isEqualTo(golden.get("reports_read"));
        for (String series : List.of("indexes", "durations", "events")) {
            assertThat(charts.get(series)).as(series).isEqualTo(golden.get(series));
        }
        assertThat(golden.get("events").toString()).contains("us_market_calendar", "\"inserted\":2");
    }
}
