package com.twsrobot.maintenance.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.console.ConsoleOptions;
import com.twsrobot.maintenance.console.MaintenanceConsole;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.testkit.MaintenanceExtension;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dow 30 is added by this module alone (a {@code ConstituentIndex} plug-in): the real CLI, run as
 * an operator would with this example on its class path, lists it in its help, shows it in
 * {@code status} and dry-runs it; the console's dashboard data carries its card. No network: only the
 * Dow 30's task runs, and it reads the list the example ships.
 */
@ExtendWith(MaintenanceExtension.class)
class Dow30IndexTest {

    private TempWorkspace ws;

    @BeforeEach
    void setUp(TempWorkspace workspace) {
        ws = workspace.withConstituents(true);
    }

    private ChildCli.Result cli(String... args) throws Exception {
        return ChildCli.run(ws, args);
    }

    @Test
    void theCliListsTheFourthIndexShowsItsStatusAndDryRunsIt() throws Exception {
        ChildCli.Result help = cli("run", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("This runner's tasks: ", "djia_constituents", "Source keys", "djia");

        ChildCli.Result status = cli("status");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("djia", "djia_constituents.csv", Dow30Source.BUNDLED);

        ChildCli.Result dryRun = cli("run", "--task", "djia_constituents", "--json");
        assertThat(dryRun.exit()).as(dryRun.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(dryRun.out());
        assertThat(report.get("dry_run").asBoolean()).isTrue();
        JsonNode result = report.get("results").get(0);
        assertThat(result.get("task").asText()).isEqualTo("djia_constituents");
        assertThat(result.get("source").asText()).isEqualTo(Dow30Source.BUNDLED);
        assertThat(result.get("after_count").asInt()).isEqualTo(30);
        assertThat(result.get("added")).hasSize(30);
        assertThat(result.get("validation").get("status").asText()).isEqualTo("passed");
        assertThat(ws.dataFile("djia_constituents.csv")).doesNotExist();
    }

    @Test
    void theConsolesDashboardDataHasItsCard() throws Exception {
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .progressListener(m -> { }).build();
        try (MaintenanceConsole console = MaintenanceConsole.start(runner, ConsoleOptions.defaults().withPort(0))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    console.uri().resolve("/api/maintenance/status")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode constituents = new ObjectMapper().readTree(response.body()).get("constituents");
            List<String> indexes = new ArrayList<>();
            constituents.forEach(c -> indexes.add(c.get("index").asText()));
            assertThat(indexes).containsExactlyInAnyOrder("sp500", "sti", "hsi", "djia");
            JsonNode dow = constituents.get(indexes.indexOf("djia"));
            assertThat(dow.get("title").asText()).isEqualTo("Dow 30");
            assertThat(dow.get("task").asText()).isEqualTo("djia_constituents");
            assertThat(dow.get("source").asText()).isEqualTo(Dow30Source.BUNDLED);
        }
    }

    @Test
    void appliedThroughTheSafeWritePathThenReadFromAFileUrl() throws Exception {
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(MutableClock.at("2026-06-24T00:15:00Z")).progressListener(m -> { }).build();
        RunReport applied = runner.run(RunRequest.builder().task("djia_constituents").apply().build());
        TaskResult result = applied.results().get(0);
        assertThat(result.errors()).isEmpty();
        assertThat(Files.readAllLines(ws.dataFile("djia_constituents.csv"))).hasSize(31).contains("NVDA,Nvidia,Information Technology,");

        // A newer list drops one member: read from a file: URL, the dry run names it.
        String list = new String(Dow30Source.class.getClassLoader().getResourceAsStream(
                "com/twsrobot/maintenance/examples/dow30.csv").readAllBytes(), StandardCharsets.UTF_8);
        Path newer = ws.root().resolve("dow30-newer.csv");
        Files.writeString(newer, list.replace("MMM,3M,Industrials,\n", ""));
        RunReport preview = runner.run(RunRequest.builder().task("djia_constituents")
                .sourceUrl("djia", newer.toUri().toString()).build());
        assertThat(preview.results().get(0).removed()).extracting(c -> c.symbol()).containsExactly("MMM");
        assertThat(preview.results().get(0).source()).isEqualTo(newer.toUri().toString());

        RunReport refused = runner.run(RunRequest.builder().task("djia_constituents")
                .sourceUrl("djia", "https://example.invalid/dow30.csv").build());
        assertThat(refused.results().get(0).errors().toString()).contains("reads its bundled list or a file: URL");
    }
}
