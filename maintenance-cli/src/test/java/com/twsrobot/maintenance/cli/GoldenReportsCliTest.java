package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.TempWorkspace;
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
 * The golden reports (maintenance-core/src/test/resources/golden) as the CLI shows them: the run summary
 * is the one the old version printed, the exit codes follow from the typed detail, and {@code report}
 * prints them from a reports directory.
 */
class GoldenReportsCliTest {

    static final Path GOLDEN = Path.of("../maintenance-core/src/test/resources/golden");

    static Stream<String> reportIds() throws Exception {
        try (Stream<Path> files = Files.list(GOLDEN.resolve("reports"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("maintenance_[0-9_]+\\.json"))
                    .map(n -> n.replace(".json", "")).sorted().toList().stream();
        }
    }

    private static RunReport read(String id) throws Exception {
        return ReportJson.read(Files.readString(GOLDEN.resolve("reports").resolve(id + ".json")));
    }

    @Test
    void everyGoldenReportHasItsView() throws Exception {
        assertThat(reportIds()).hasSize(8);
    }

    /**
     * What this version prints differently of a golden report, on purpose: a rollback preview is labelled
     * as one, with the backup it previewed (issue 22, item 8), where the old version said "DRY RUN".
     */
    private static final Map<String, Map<String, String>> INTENDED = Map.of("maintenance_20261203_112323", Map.of(
            "DRY RUN (nothing written) — report maintenance_20261203_112323: WARNING",
            "ROLLBACK PREVIEW of backup latest (nothing written) — report maintenance_20261203_112323: WARNING"));

    @ParameterizedTest
    @MethodSource("reportIds")
    void theRunSummaryIsTheOneTheOldVersionPrinted(String id) throws Exception {
        String golden = Files.readString(GOLDEN.resolve("views").resolve(id + ".cli.txt"));
        for (Map.Entry<String, String> change : INTENDED.getOrDefault(id, Map.of()).entrySet()) {
            assertThat(golden).contains(change.getKey());
            golden = golden.replace(change.getKey(), change.getValue());
        }
        assertThat(ReportText.summary(read(id), Path.of("/golden/reports"))).isEqualTo(golden);
    }

    @Test
    void theExitCodesOfTheGoldenReportsFollowFromTheirDetail() throws Exception {
        // A partly applied plan (S&P 500 and STI written, HSI refused): 4.
        assertThat(MaintenanceCli.exitCode(read("maintenance_20261203_112317"))).isEqualTo(MaintenanceCli.EXIT_PARTLY_APPLIED);
        // A refused apply that wrote nothing: 1.
        assertThat(MaintenanceCli.exitCode(read("maintenance_20261203_112320"))).isEqualTo(MaintenanceCli.EXIT_FAILED);
        // An events sync that failed in part but inserted events: it wrote something.
        assertThat(MaintenanceCli.exitCode(read("maintenance_20261203_112328"))).isEqualTo(MaintenanceCli.EXIT_PARTLY_APPLIED);
        // A clean preview with changes to review: 5 with --detailed-exitcode, else 0.
        RunReport preview = read("maintenance_20261203_112336");
        assertThat(MaintenanceCli.exitCode(preview, true)).isEqualTo(MaintenanceCli.EXIT_CHANGES);
        assertThat(MaintenanceCli.exitCode(preview, false)).isEqualTo(MaintenanceCli.EXIT_OK);
        // The plug-ins' run: the screener file written, a skipped task.
        assertThat(MaintenanceCli.exitCode(read("maintenance_20261203_112334"), true)).isEqualTo(MaintenanceCli.EXIT_CHANGES);
    }

    @Test
    void theReportCommandPrintsAGoldenReportAsItWasWritten() throws Exception {
        try (TempWorkspace ws = TempWorkspace.create()) {
            Files.createDirectories(ws.reportsDir());
            for (String id : List.of("maintenance_20261203_112310", "maintenance_20261203_112325")) {
                for (String ext : List.of(".json", ".md")) {
                    Files.copy(GOLDEN.resolve("reports").resolve(id + ext), ws.reportsDir().resolve(id + ext));
                }
                CliRun json = CliRun.in(ws, "report", id);
                assertThat(json.exitCode()).as(json.err()).isZero();
                // The same JSON tree, the top-level and task-level keys in the same order; inside "detail" the
                // keys come in the typed record's order since issue 22 (this asserted the bytes before).
                String old = Files.readString(GOLDEN.resolve("reports").resolve(id + ".json"));
                com.fasterxml.jackson.databind.JsonNode printed = ReportJson.mapper().readTree(json.out());
                com.fasterxml.jackson.databind.JsonNode golden = ReportJson.mapper().readTree(old);
                assertThat(printed).isEqualTo(golden);
                assertThat(keys(printed)).isEqualTo(keys(golden));
                for (int i = 0; i < golden.get("results").size(); i++) {
                    assertThat(keys(printed.get("results").get(i))).isEqualTo(keys(golden.get("results").get(i)));
                }
                CliRun md = CliRun.in(ws, "report", id, "--markdown");
                assertThat(md.out()).isEqualTo(Files.readString(GOLDEN.resolve("reports").resolve(id + ".md")));
            }
        }
    }

    private static List<String> keys(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
