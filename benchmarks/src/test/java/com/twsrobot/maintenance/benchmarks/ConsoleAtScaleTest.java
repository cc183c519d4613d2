package com.twsrobot.maintenance.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.api.RunDetail;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.console.ConsoleOptions;
import com.twsrobot.maintenance.console.ConsoleRoutes;
import com.twsrobot.maintenance.core.MaintenanceHealth;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.core.report.ReportStore;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console routes bench/console.sh measures, at the benchmark's history of 1,000 reports, as a
 * correctness check (no timing): a console whose runner has answered many times already (its cached
 * state) answers health, status and the {@code /metrics} gauges exactly as a console on a fresh runner
 * does, before and after another writer adds a report; and its health agrees with the 50 newest reports
 * read from the files.
 */
class ConsoleAtScaleTest {

    private static final Instant NEWEST = Instant.parse("2026-11-30T12:00:00Z");
    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final Clock clock = Clock.fixed(NEWEST.plus(Duration.ofHours(1)), ZoneOffset.UTC);
    private ConsoleRoutes warm;

    @BeforeEach
    void generate() throws Exception {
        ReportHistory.generate(ws.reportsDir(), 1_000, NEWEST, Duration.ofMinutes(7));
        warm = console();
        for (int i = 0; i < 20; i++) {
            answers(warm);
        }
    }

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    private ConsoleRoutes console() {
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).progressListener(m -> { }).build();
        return ConsoleRoutes.behindHostLogin(runner, ConsoleOptions.defaults());
    }

    /** Health and status bodies, and the /metrics gauge lines (the counters count what each console saw). */
    private static Map<String, String> answers(ConsoleRoutes routes) {
        String metrics = body(routes, "/metrics").lines()
                .filter(l -> !l.startsWith("#") && !l.contains("_duration_seconds") && !l.contains("_failures_total"))
                .collect(Collectors.joining("\n"));
        return Map.of("health", body(routes, "/api/maintenance/health"), "status", body(routes, "/api/maintenance/status"),
                "metrics", metrics);
    }

    private static String body(ConsoleRoutes routes, String path) {
        return new String(ConsoleRouteBench.get(routes, path).body(), StandardCharsets.UTF_8);
    }

    @Test
    void aWarmConsoleAnswersAsAFreshOneBeforeAndAfterANewReport() throws Exception {
        Map<String, String> fresh = answers(console());
        assertThat(fresh.get("metrics")).contains("tws_maintenance_health{part=\"overall\"}");
        assertThat(answers(warm)).isEqualTo(fresh);

        ReportStore other = new ReportStore(ws.reportsDir(), AtomicFileWriter.DEFAULT.withoutFsync());
        Instant at = clock.instant();
        String id = other.reserve(at);
        other.write(new RunReport(id, TaskStatus.FAILED, false, at, at, 0.5, List.of(), List.of(), List.of(),
                RunDetail.builder().mode("apply").build()));

        Map<String, String> afterFresh = answers(console());
        assertThat(afterFresh.get("status")).contains(id);
        assertThat(answers(warm)).isEqualTo(afterFresh);
    }

    @Test
    void healthAgreesWithTheNewestReportsReadFromTheFiles() throws Exception {
        MaintenanceRunner scan = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).progressListener(m -> { }).build();
        List<RunReport> newest = ReportHistoryIndexTest.fullScan(ws.reportsDir()).subList(0, MaintenanceHealth.REPORTS_READ);
        MaintenanceHealth.Health expected = MaintenanceHealth.of(scan, newest);
        JsonNode health = ReportJson.mapper().readTree(body(warm, "/api/maintenance/health"));
        assertThat(health.get("overall").asText()).isEqualTo(expected.overall());
        assertThat(health.get("parts")).hasSize(expected.parts().size());
        for (int i = 0; i < expected.parts().size(); i++) {
            MaintenanceHealth.Part part = expected.parts().get(i);
            JsonNode p = health.get("parts").get(i);
            assertThat(p.get("name").asText()).isEqualTo(part.name());
            assertThat(p.get("state").asText()).as(part.name()).isEqualTo(part.state());
            assertThat(p.get("last_success").isNull() ? null : p.get("last_success").asText()).as(part.name())
                    .isEqualTo(part.lastSuccess().map(ReportJson::timestamp).orElse(null));
        }
    }
}
