package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.constituents.Plan;
import com.twsrobot.maintenance.core.constituents.PlanStore;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.Reports;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report format is a contract: the reports and plans an earlier version wrote (golden/README.md) load,
 * write back losslessly (the same JSON tree; only the order of keys inside {@code detail} may differ), render as Markdown as they did, and their plans still apply.
 */
class GoldenReportsTest {

    private final TempWorkspace ws = TempWorkspace.create().withConstituents(false);

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    static Stream<String> reportIds() {
        return GoldenFiles.reportIds().stream();
    }

    @Test
    void theGoldenFilesAreTheOnesTheOldVersionWrote() throws Exception {
        Map<String, String> sums = GoldenFiles.checksums();
        assertThat(sums).hasSizeGreaterThanOrEqualTo(20);
        try (Stream<Path> files = Files.list(GoldenFiles.REPORTS)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(sums.keySet());
        }
        for (Map.Entry<String, String> sum : sums.entrySet()) {
            assertThat(GoldenFiles.sha256(GoldenFiles.REPORTS.resolve(sum.getKey()))).as(sum.getKey()).isEqualTo(sum.getValue());
        }
        assertThat(GoldenFiles.reportIds()).hasSize(8);
    }

    /**
     * Read and written back, a golden report is the same JSON tree: the top-level and task-level keys in
     * the same order (the request's contract), and inside {@code detail} the same keys and values in an
     * order that is now the record's own (issue 22 made the detail typed; before, this test asserted the
     * bytes, detail order included). Every built-in task's detail reads as its kind's record, not as the
     * open extension, and a second write is the first byte for byte.
     */
    @ParameterizedTest
    @MethodSource("reportIds")
    void aGoldenReportLoadsAndWritesBackLosslessly(String id) throws Exception {
        String json = GoldenFiles.json(id);
        RunReport report = ReportJson.read(json);
        assertThat(report.reportId()).isEqualTo(id);
        assertThat(report.results()).isNotEmpty();
        String written = ReportJson.write(report);
        com.fasterxml.jackson.databind.JsonNode back = ReportJson.mapper().readTree(written);
        com.fasterxml.jackson.databind.JsonNode old = ReportJson.mapper().readTree(json);
        assertThat(back).isEqualTo(old); // object equality is key-order-free
        assertThat(keys(back)).isEqualTo(keys(old));
        for (int i = 0; i < old.get("results").size(); i++) {
            assertThat(keys(back.get("results").get(i))).isEqualTo(keys(old.get("results").get(i)));
            assertThat(keys(back.get("results").get(i).get("validation")))
                    .isEqualTo(keys(old.get("results").get(i).get("validation")));
        }
        assertThat(report.results()).filteredOn(r -> !r.task().equals("watchlist_coverage"))
                .allSatisfy(r -> assertThat(r.detail()).as(r.task())
                        .isNotInstanceOf(com.twsrobot.maintenance.api.PluginDetail.class));
        assertThat(ReportJson.write(ReportJson.read(written))).isEqualTo(written);
    }

    @ParameterizedTest
    @MethodSource("reportIds")
    void aGoldenReportRendersAsTheMarkdownWrittenWithIt(String id) throws Exception {
        RunReport report = ReportJson.read(GoldenFiles.json(id));
        assertThat(GoldenFiles.sameMarkdown(ReportMarkdown.write(report), GoldenFiles.markdown(id),
                GoldenFiles.INTENDED_MARKDOWN.getOrDefault(id, Map.of()))).isTrue();
    }

    private static List<String> keys(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theGoldenPlansVerifyTheirChecksums() throws Exception {
        GoldenFiles.copyReportsInto(ws.reportsDir());
        PlanStore store = new PlanStore(ws.reportsDir(), AtomicFileWriter.DEFAULT);
        for (String id : List.of(GoldenFiles.PREVIEW, GoldenFiles.PREVIEW_TO_APPLY)) {
            List<String> tasks = store.tasksOf(id);
            assertThat(tasks).as(id).contains("sp500_constituents", "sti_constituents");
            for (String task : tasks) {
                Plan plan = store.load(id, task).orElseThrow();
                assertThat(plan.task()).isEqualTo(task);
                assertThat(plan.content().lines().findFirst().orElseThrow()).contains("symbol", "security");
            }
        }
        // An edited plan is refused: the checksum is what is verified.
        Path sti = ws.reportsDir().resolve(GoldenFiles.PREVIEW_TO_APPLY + ".sti_constituents.plan.json");
        Files.writeString(sti, Files.readString(sti).replace("Keppel DC Reit", "Keppel DC REIT"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.load(GoldenFiles.PREVIEW_TO_APPLY, "sti_constituents"))
                .hasMessageContaining("does not match its checksum");
    }

    @Test
    void aPlanPreviewedByTheOldVersionIsAppliedByThisOne() throws Exception {
        GoldenFiles.copyReportsInto(ws.reportsDir());
        // The files as they were at that preview: S&P 500 as the first plan's apply wrote it, STI rolled back.
        PlanStore plans = new PlanStore(ws.reportsDir(), AtomicFileWriter.DEFAULT);
        Files.writeString(ws.dataFile("sp500_constituents.csv"),
                plans.load(GoldenFiles.PREVIEW, "sp500_constituents").orElseThrow().content());
        for (String task : List.of("sp500_constituents", "sti_constituents")) {
            assertThat(GoldenFiles.sha256(ws.dataFile(task + ".csv")))
                    .isEqualTo(plans.load(GoldenFiles.PREVIEW_TO_APPLY, task).orElseThrow().baseSha256());
        }
        // Within plan_max_age_hours of the preview; nothing is fetched, the sources would only fail.
        MutableClock clock = MutableClock.at("2026-12-03T12:00:00Z");
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).progressListener(m -> { })
                .source(FakeSource.failing("sp500", "must not be fetched"))
                .source(FakeSource.failing("sti", "must not be fetched")).build();

        RunReport applied = runner.run(RunRequest.builder().apply().plan(GoldenFiles.PREVIEW_TO_APPLY).build());

        Reports.assertStatus(applied, TaskStatus.SUCCESS, TaskStatus.WARNING);
        PlanStore store = new PlanStore(ws.reportsDir(), AtomicFileWriter.DEFAULT);
        for (String task : List.of("sp500_constituents", "sti_constituents")) {
            TaskResult result = Reports.result(applied, task);
            assertThat(result.errors()).as(task).isEmpty();
            String planned = store.load(GoldenFiles.PREVIEW_TO_APPLY, task).orElseThrow().content();
            assertThat(new String(ws.readData(task + ".csv"), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(planned);
        }
        // The new report has the old one's layout: the same keys in the same order; inside the detail the same
        // keys, in the record's order.
        com.fasterxml.jackson.databind.JsonNode written = ReportJson.mapper().readTree(
                Files.readString(ws.reportsDir().resolve(applied.reportId() + ".json")));
        com.fasterxml.jackson.databind.JsonNode old = ReportJson.mapper().readTree(GoldenFiles.json(GoldenFiles.APPLY_PLAN));
        assertThat(keys(written)).isEqualTo(keys(old));
        com.fasterxml.jackson.databind.JsonNode sti = written.get("results").get(1);
        com.fasterxml.jackson.databind.JsonNode oldSti = old.get("results").get(1);
        assertThat(sti.get("task").asText()).isEqualTo(oldSti.get("task").asText()).isEqualTo("sti_constituents");
        assertThat(keys(sti)).isEqualTo(keys(oldSti));
        assertThat(keys(sti.get("validation"))).isEqualTo(keys(oldSti.get("validation")));
        List<String> detailKeys = new java.util.ArrayList<>(keys(sti.get("detail")));
        detailKeys.remove(NoticeJson.KEY); // the codes of this version's warnings, last
        assertThat(detailKeys).containsExactlyInAnyOrderElementsOf(keys(oldSti.get("detail")));
        // The new report lists what it applied the way the old preview listed what it proposed.
        RunReport preview = ReportJson.read(GoldenFiles.json(GoldenFiles.PREVIEW_TO_APPLY));
        assertThat(Reports.result(applied, "sti_constituents").added())
                .isEqualTo(Reports.result(preview, "sti_constituents").added());
    }
}
