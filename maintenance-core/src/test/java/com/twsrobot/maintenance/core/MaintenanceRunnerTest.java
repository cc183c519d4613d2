package com.twsrobot.maintenance.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.MaintenanceTask;
import com.twsrobot.maintenance.api.TaskContext;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.api.ValidationStatus;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.MutableClock;
import com.twsrobot.maintenance.testkit.RecordingCacheInvalidator;
import com.twsrobot.maintenance.testkit.Rows;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaintenanceRunnerTest {

    private final TempWorkspace ws = TempWorkspace.create();
    private final MutableClock clock = MutableClock.at("2026-06-24T00:15:00Z");
    private final RecordingCacheInvalidator caches = new RecordingCacheInvalidator();

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    private MaintenanceRunner runner(FakeSource... sources) {
        // Synthetic rows replace the real members wholesale; churn has its own tests (ChurnValidatorTest).
        MaintenanceRunnerBuilder b = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).cacheInvalidator(caches).progressListener(m -> { });
        for (FakeSource s : sources) {
            b.source(s);
        }
        return b.build();
    }

    private static TaskResult only(RunReport report) {
        assertThat(report.results()).hasSize(1);
        return report.results().get(0);
    }

    private static List<ConstituentRow> withExtra(List<ConstituentRow> rows, ConstituentRow extra) {
        List<ConstituentRow> out = new ArrayList<>(rows);
        out.add(extra);
        return out;
    }

    @Test
    void dryRunReportsTheProposalAndWritesNoData() {
        ws.writeData("sp500_constituents.csv", Fixtures.previousConstituents("sp500_constituents.csv"));
        Map<String, String> before = ws.dataFingerprint();
        List<ConstituentRow> rows = Rows.usTickers(460);
        RunReport report = runner(FakeSource.returning("sp500", rows)).run(RunRequest.dryRun("sp500_constituents"));

        TaskResult r = only(report);
        assertThat(r.dryRun()).isTrue();
        assertThat(r.beforeCount()).isEqualTo(503);
        assertThat(r.afterCount()).isEqualTo(460);
        // the made-up symbols AAAA..AARR include one real member, AAPL
        assertThat(r.added()).hasSize(459).noneMatch(c -> c.symbol().equals("AAPL"));
        assertThat(r.removed()).hasSize(502).anyMatch(c -> c.symbol().equals("MMM") && c.security().equals("3M"));
        assertThat(r.source()).isEqualTo("fake://sp500");
        assertThat(ws.dataFingerprint()).isEqualTo(before);
        assertThat(caches.invalidated()).isEmpty();
        // A drop of 8.5 % is under the 10 % count warning; the warning is the 502 removals nothing explains.
        assertThat(report.status()).isEqualTo(TaskStatus.WARNING);
        assertThat(r.validation().warnings()).singleElement().asString()
                .startsWith("502 unexplained removal(s) (the source states no change records): ");
    }

    @Test
    void applyReplacesTheFileBacksUpTheOldOneAndInvalidatesTheCache() throws Exception {
        byte[] old = Fixtures.previousConstituents("sti_constituents.csv");
        ws.writeData("sti_constituents.csv", old);
        Files.setPosixFilePermissions(ws.dataFile("sti_constituents.csv"), PosixFilePermissions.fromString("rw-rw-r--"));
        List<ConstituentRow> rows = Rows.sgxCodes(30);
        RunReport report = runner(FakeSource.returning("sti", rows))
                .run(RunRequest.builder().task("sti_constituents").apply().allowLargeChange(true).build());

        TaskResult r = only(report);
        assertThat(r.status()).as(r.toString()).isIn(TaskStatus.SUCCESS, TaskStatus.WARNING);
        String written = new String(ws.readData("sti_constituents.csv"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(written).startsWith("symbol,display_symbol,security,sector,sub_industry\nS000.SI,S000,");
        assertThat(Files.getPosixFilePermissions(ws.dataFile("sti_constituents.csv")))
                .isEqualTo(PosixFilePermissions.fromString("rw-rw-r--"));
        Path backup = ws.dataDir().resolve("backups/constituents/20260624_001500/sti_constituents.csv");
        assertThat(backup).exists();
        assertThat(Files.readAllBytes(backup)).isEqualTo(old);
        assertThat(r.detail().backup()).isEqualTo(backup.toString());
        assertThat(caches.invalidated()).containsExactly("sti");
        try (Stream<Path> leftovers = Files.list(ws.dataDir())) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void applyCreatesAMissingFileWithoutBackup() {
        RunReport report = runner(FakeSource.returning("hsi", Rows.hkexCodes(80)))
                .run(RunRequest.builder().task("hsi_constituents").apply().build());
        assertThat(only(report).status()).isEqualTo(TaskStatus.WARNING);
        assertThat(only(report).warnings()).anyMatch(w -> w.contains("does not exist yet"));
        assertThat(ws.dataFile("hsi_constituents.csv")).exists();
        assertThat(ws.dataDir().resolve("backups")).doesNotExist();
        assertThat(caches.invalidated()).containsExactly("hsi");
    }

    @Test
    void sourceFailureFailsTheTaskKeepsTheFileAndStillWritesAReport() {
        ws.withConstituents(true);
        Map<String, String> before = ws.dataFingerprint();
        RunReport report = runner(FakeSource.failing("sp500", "HTTP 503 Service Unavailable"))
                .run(RunRequest.builder().task("sp500_constituents").apply().build());

        TaskResult r = only(report);
        assertThat(r.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(r.errors()).singleElement().asString().contains("source failed").contains("HTTP 503");
        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(ws.dataFingerprint()).isEqualTo(before);
        assertThat(caches.invalidated()).isEmpty();
        assertThat(ws.reportsDir().resolve(report.reportId() + ".json")).exists();
        assertThat(ws.reportsDir().resolve(report.reportId() + ".md")).exists();
    }

    @Test
    void oneTaskFailingDoesNotStopTheOthers() {
        ws.withConstituents(true);
        RunReport report = runner(FakeSource.failing("sp500", "down"), FakeSource.returning("sti", Rows.sgxCodes(30)),
                FakeSource.returning("hsi", Rows.hkexCodes(85))).run(RunRequest.dryRun("constituents"));
        assertThat(report.results()).extracting(TaskResult::task)
                .containsExactly("sp500_constituents", "sti_constituents", "hsi_constituents");
        assertThat(report.results().get(0).status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.results().get(2).status()).isNotEqualTo(TaskStatus.FAILED);
        assertThat(report.status()).isEqualTo(TaskStatus.PARTIAL_FAILURE);
    }

    @Test
    void aTaskWithoutASourceFailsSayingSo() {
        RunReport report = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir()).clock(clock)
                .discover(false).indexes(com.twsrobot.maintenance.core.TestIndexes.ALL).progressListener(m -> { }).build().run(RunRequest.dryRun("hsi_constituents"));
        assertThat(only(report).errors()).singleElement().asString().contains("no source is registered for index 'hsi'");
    }

    @Test
    void validationFailureKeepsTheFileByteForByte() {
        ws.withConstituents(true);
        Map<String, String> before = ws.dataFingerprint();
        RunReport report = runner(FakeSource.returning("hsi", Rows.hkexCodes(10)))
                .run(RunRequest.builder().task("hsi_constituents").apply().build());
        TaskResult r = only(report);
        assertThat(r.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(r.validation().status()).isEqualTo(ValidationStatus.FAILED);
        assertThat(r.validation().errors()).anyMatch(e -> e.contains("below the minimum of 70"));
        assertThat(r.errors()).anyMatch(e -> e.contains("left unchanged"));
        assertThat(ws.dataFingerprint()).isEqualTo(before);
        assertThat(caches.invalidated()).isEmpty();
    }

    @Test
    void everyValidationProblemIsCollectedNotJustTheFirst() {
        List<ConstituentRow> rows = new ArrayList<>(Rows.usTickers(460));
        rows.add(ConstituentRow.of("", "Blank Co", "Energy", "Oil"));
        rows.add(ConstituentRow.of("brk.b", "Berkshire", "Financials", "Insurance"));
        rows.add(ConstituentRow.of("AAAA", "Different Name", "Energy", "Oil"));
        RunReport report = runner(FakeSource.returning("sp500", rows)).run(RunRequest.dryRun("sp500_constituents"));
        List<String> errors = only(report).validation().errors();
        assertThat(errors).anyMatch(e -> e.contains("1 row(s) with a blank symbol"));
        assertThat(errors).anyMatch(e -> e.contains("'brk.b'") && e.contains("BRK-B"));
        assertThat(errors).anyMatch(e -> e.contains("duplicate symbol AAAA with different data")
                && e.contains("Company AAAA") && e.contains("Different Name"));
        assertThat(only(report).status()).isEqualTo(TaskStatus.FAILED);
    }

    @Test
    void identicalDuplicatesAreCollapsedWithAWarningAndCountedOnce() {
        List<ConstituentRow> rows = withExtra(Rows.usTickers(460), Rows.usTickers(1).get(0));
        RunReport report = runner(FakeSource.returning("sp500", rows))
                .run(RunRequest.builder().task("sp500_constituents").apply().build());
        TaskResult r = only(report);
        assertThat(r.validation().warnings()).anyMatch(w -> w.contains("duplicate symbol AAAA listed 2 times"));
        assertThat(r.afterCount()).isEqualTo(460);
        assertThat(new String(ws.readData("sp500_constituents.csv")).lines().count()).isEqualTo(461);
    }

    @Test
    void countDropAboveTwentyFivePercentFailsUnlessAllowed() {
        ws.writeData("hsi_constituents.csv", Fixtures.currentConstituents("hsi_constituents.csv")); // 85 rows
        Map<String, String> before = ws.dataFingerprint();
        MaintenanceRunner runner = runner(FakeSource.returning("hsi", Rows.hkexCodes(70)).answer(Rows.hkexCodes(200)));
        RunReport failed = runner.run(RunRequest.builder().task("hsi_constituents").apply().build());
        assertThat(only(failed).validation().errors())
                .anyMatch(e -> e.contains("count changes from 85 to 200") && e.contains("--allow-large-change"));
        assertThat(ws.dataFingerprint()).isEqualTo(before);

        clock.advance(Duration.ofSeconds(1));
        RunReport allowed = runner.run(RunRequest.builder().task("hsi_constituents").apply().allowLargeChange(true).build());
        assertThat(only(allowed).status()).isEqualTo(TaskStatus.WARNING);
        assertThat(only(allowed).validation().warnings()).anyMatch(w -> w.contains("explicitly allowed"));
        assertThat(only(allowed).afterCount()).isEqualTo(200);
    }

    @Test
    void countChangeBetweenTenAndTwentyFivePercentWarns() {
        ws.writeData("hsi_constituents.csv", Fixtures.currentConstituents("hsi_constituents.csv")); // 85 rows
        RunReport report = runner(FakeSource.returning("hsi", Rows.hkexCodes(72))).run(RunRequest.dryRun("hsi_constituents"));
        assertThat(only(report).validation().status()).isEqualTo(ValidationStatus.WARNING);
        assertThat(only(report).validation().warnings()).anyMatch(w -> w.contains("above the 10% warning threshold"));
    }

    @Test
    void sourceWithNoRecordsFails() {
        RunReport report = runner(FakeSource.returning("sti", List.of())).run(RunRequest.dryRun("sti_constituents"));
        assertThat(only(report).validation().errors()).contains("no source records were parsed");
    }

    @Test
    void minimumRowsIsConfigurable() {
        MaintenanceRunner runner = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).progressListener(m -> { }).minimumRows("sti", 40)
                .source(FakeSource.returning("sti", Rows.sgxCodes(30))).build();
        assertThat(only(runner.run(RunRequest.dryRun("sti_constituents"))).validation().errors())
                .anyMatch(e -> e.contains("30 distinct symbols, below the minimum of 40"));
    }

    @Test
    void applyWithNothingChangedWritesNothing() throws Exception {
        ws.withConstituents(true);
        byte[] before = ws.readData("sti_constituents.csv");
        com.twsrobot.maintenance.api.ConstituentTable current = com.twsrobot.maintenance.core.constituents.ConstituentFile
                .parse(before, "sti").table();
        RunReport report = runner(FakeSource.returning("sti", current.rows()))
                .run(RunRequest.builder().task("sti_constituents").apply().build());
        TaskResult r = only(report);
        assertThat(r.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(r.detail().changed()).isFalse();
        assertThat(r.detail().message()).contains("no change");
        assertThat(ws.readData("sti_constituents.csv")).isEqualTo(before);
        assertThat(ws.dataDir().resolve("backups")).doesNotExist();
        assertThat(caches.invalidated()).isEmpty();
    }

    @Test
    void enrichmentFillsBlankSectorsBySymbolThenByNameButNeverOverridesThePage() {
        ws.withConstituents(false); // previous STI has sectors for T39.SI "Seatrium"
        List<ConstituentRow> rows = new ArrayList<>(Rows.sgxCodes(27));
        rows.add(ConstituentRow.of("D05.SI", "D05", "DBS Group Holdings", "", ""));
        rows.add(ConstituentRow.of("5E2.SI", "5E2", "Seatrium Limited", "", ""));
        rows.add(ConstituentRow.of("O39.SI", "O39", "OCBC Bank", "Page Sector", ""));
        RunReport report = runner(FakeSource.returning("sti", rows)).run(RunRequest.dryRun("sti_constituents"));
        TaskResult r = only(report);
        assertThat(r.detail().asConstituent().orElseThrow().enrichedRows()).isEqualTo(3);
        assertThat(r.added()).anyMatch(c -> c.symbol().equals("5E2.SI") && c.security().equals("Seatrium Limited"));
        assertThat(r.removed()).anyMatch(c -> c.symbol().equals("T39.SI") && c.security().equals("Seatrium"));
    }

    @Test
    void cacheInvalidatorFailureIsAWarningAfterTheFileWasReplaced() {
        caches.failWith("screener offline");
        RunReport report = runner(FakeSource.returning("hsi", Rows.hkexCodes(80)))
                .run(RunRequest.builder().task("hsi_constituents").apply().build());
        assertThat(only(report).warnings()).anyMatch(w -> w.contains("cache invalidator recording failed")
                && w.contains("screener offline"));
        assertThat(ws.dataFile("hsi_constituents.csv")).exists();
    }

    @Test
    void unknownTaskFailsTheRunListingTheKnownTasks() {
        RunReport report = runner().run(RunRequest.dryRun("nope"));
        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.errors()).singleElement().asString()
                .contains("unknown task 'nope'").contains("sp500_constituents").contains("metadata_validation");
        assertThat(ws.reportsDir().resolve(report.reportId() + ".json")).exists();
    }

    @Test
    void groupsResolveToTheirTasks() throws Exception {
        MaintenanceRunner runner = runner();
        assertThat(runner.registry().resolve(List.of("constituents"))).extracting(t -> t.name())
                .containsExactly("sp500_constituents", "sti_constituents", "hsi_constituents");
        assertThat(runner.registry().resolve(List.of())).extracting(t -> t.name())
                .contains("sp500_constituents", "example_plugin_task").doesNotContain("metadata_validation");
    }

    @Test
    void capabilitiesTheTaskDeclaresDecideOrderAndPlansNotItsClass() {
        java.util.List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        MaintenanceTask auditor = new MaintenanceTask() {
            @Override
            public String name() {
                return "late_auditor";
            }

            @Override
            public java.util.Set<Capability> capabilities() {
                return java.util.Set.of(Capability.PREVIEW, Capability.CHECKS_OTHERS);
            }

            @Override
            public TaskResult run(TaskContext context) {
                order.add(name());
                return context.newResult(name()).finish(context.clock().instant());
            }
        };
        MaintenanceTask plain = new MaintenanceTask() {
            @Override
            public String name() {
                return "plain_task";
            }

            @Override
            public TaskResult run(TaskContext context) {
                try {
                    Thread.sleep(50); // would finish after the auditor if both ran at once
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                order.add(name());
                return context.newResult(name()).finish(context.clock().instant());
            }
        };
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir()).clock(clock)
                .progressListener(m -> { }).discover(false).indexes(com.twsrobot.maintenance.core.TestIndexes.ALL).task(auditor).task(plain).build();
        RunReport report = runner.run(RunRequest.dryRun("late_auditor", "plain_task"));
        assertThat(report.results()).hasSize(2);
        assertThat(order).containsExactly("plain_task", "late_auditor");
        assertThat(auditor.capabilities()).doesNotContain(MaintenanceTask.Capability.PLANS);
        RunReport refused = runner.run(RunRequest.builder().task("plain_task").rollback("latest").build());
        assertThat(refused.errors()).singleElement().asString().contains("task plain_task has no backups",
                "only tasks with plans");
    }

    @Test
    void aFailedResultCarriesItsCause() {
        MaintenanceTask throwing = new MaintenanceTask() {
            @Override
            public String name() {
                return "throwing_task";
            }

            @Override
            public TaskResult run(TaskContext context) {
                throw new IllegalStateException("the host's cache is gone");
            }
        };
        MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir()).clock(clock)
                .progressListener(m -> { }).discover(false).indexes(com.twsrobot.maintenance.core.TestIndexes.ALL).task(throwing)
                .source(FakeSource.failing("sti", "SGX answered 503")).build();
        RunReport report = runner.run(RunRequest.dryRun("throwing_task", "sti_constituents"));
        java.util.function.Function<String, TaskResult> result = task -> report.results().stream()
                .filter(r -> r.task().equals(task)).findFirst().orElseThrow();
        assertThat(com.twsrobot.maintenance.core.report.TaskDetails.toMap(result.apply("throwing_task").detail())
                .get(TaskResult.CAUSE)).isEqualTo(java.util.Map.of(
                "type", "java.lang.IllegalStateException", "message", "the host's cache is gone"));
        assertThat(com.twsrobot.maintenance.core.report.TaskDetails.toMap(result.apply("sti_constituents").detail())
                .get(TaskResult.CAUSE).toString())
                .contains("com.twsrobot.maintenance.api.SourceException", "SGX answered 503");
        // and the written report keeps them
        assertThat(runner.report(report.reportId()).orElseThrow().results()).allSatisfy(r ->
                assertThat(com.twsrobot.maintenance.core.report.TaskDetails.toMap(r.detail())).containsKey(TaskResult.CAUSE));
    }

    @Test
    void builderSettingsOutOfRangeAreConfigurationErrors() {
        for (Runnable bad : java.util.List.<Runnable>of(
                () -> MaintenanceRunner.builder().changeThresholds(0.5, 0.1),
                () -> MaintenanceRunner.builder().changeThresholds(Double.NaN, 0.1),
                () -> MaintenanceRunner.builder().keepBackups(0),
                () -> MaintenanceRunner.builder().sourceTimeout(java.time.Duration.ZERO),
                () -> MaintenanceRunner.builder().churnThresholds(null, 0.2, 0.1))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(bad::run)
                    .isInstanceOf(com.twsrobot.maintenance.api.ConfigurationException.class);
        }
    }

    @Test
    void pluginTaskIsFoundThroughMetaInfServices() {
        RunReport report = runner().run(RunRequest.dryRun("example_plugin_task"));
        assertThat(only(report).status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(only(report).detail().asPlugin().orElseThrow().values()).containsEntry("dry_run_seen", true);
    }

    @Test
    void reportJsonHasTheRequestKeysInOrderAndMarkdownHasTheTable() throws Exception {
        ws.withConstituents(false);
        RunReport report = runner(FakeSource.returning("sti", ConstituentFileFixtures.currentSti()))
                .run(RunRequest.dryRun("sti_constituents"));
        assertThat(report.reportId()).isEqualTo("maintenance_20260624_001500");

        JsonNode json = ReportJson.mapper().readTree(ws.reportsDir().resolve(report.reportId() + ".json").toFile());
        assertThat(ImmutableFieldNames.of(json)).containsExactly("report_id", "status", "dry_run", "started_at",
                "finished_at", "duration_seconds", "results", "warnings", "errors", "detail");
        JsonNode task = json.get("results").get(0);
        assertThat(ImmutableFieldNames.of(task)).containsExactly("task", "status", "dry_run", "source", "started_at",
                "finished_at", "duration_seconds", "before_count", "after_count", "added", "removed", "validation",
                "warnings", "errors", "detail");
        assertThat(task.get("started_at").asText()).isEqualTo("2026-06-24T00:15:00Z");
        assertThat(task.get("added").toString()).contains("{\"symbol\":\"5E2.SI\",\"security\":\"Seatrium Limited\"}");
        assertThat(runner().report(report.reportId())).contains(report);

        String md = Files.readString(ws.reportsDir().resolve(report.reportId() + ".md"));
        assertThat(md).contains("| Task | Status | Before | After | Added | Removed | Warnings | Errors |")
                // C07.SI, C52.SI and K71U.SI left the STI and the fake source states no change records
                .contains("| sti_constituents | warning | 30 | 30 | 5 | 5 | 1 | 0 |")
                .contains("3 unexplained removal(s) (the source states no change records): C07.SI")
                .contains("- T39.SI → 5E2.SI  Seatrium → Seatrium Limited  [rename: same company name; unexplained]")
                .contains("- Source: fake://sti");
    }

    @Test
    void runsInTheSameSecondGetDistinctReportIds() {
        MaintenanceRunner runner = runner();
        String first = runner.run(RunRequest.dryRun("example_plugin_task")).reportId();
        String second = runner.run(RunRequest.dryRun("example_plugin_task")).reportId();
        assertThat(first).isEqualTo("maintenance_20260624_001500");
        assertThat(second).isEqualTo("maintenance_20260624_001500_2");
        assertThat(runner.reports(10)).extracting(s -> s.reportId()).containsExactly(second, first);
    }

    @Test
    void metadataValidationChecksLocalFilesAndWritesNoData() {
        ws.withConstituents(true);
        ws.writeData("hsi_constituents.csv", "symbol,security\n5,HSBC\n".getBytes());
        Map<String, String> before = ws.dataFingerprint();
        RunReport report = runner().run(RunRequest.builder().task("metadata_validation").apply().build());
        TaskResult r = only(report);
        assertThat(r.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(r.validation().errors()).anyMatch(e -> e.startsWith("hsi_constituents.csv: missing required column"))
                .anyMatch(e -> e.contains("'5'"));
        assertThat(r.validation().errors()).noneMatch(e -> e.startsWith("sp500"));
        assertThat(ws.dataFingerprint()).isEqualTo(before);
    }

    @Test
    void statusShowsEachFileAndTheLatestReport() {
        ws.withConstituents(true);
        MaintenanceRunner runner = runner(FakeSource.returning("sp500", Rows.usTickers(500)));
        RunReport report = runner.run(RunRequest.dryRun("metadata_validation"));
        var status = runner.status();
        assertThat(status.indexes()).extracting(s -> s.index()).containsExactly("sp500", "sti", "hsi");
        assertThat(status.indexes().get(0).rowCount()).contains(503);
        assertThat(status.indexes().get(0).source()).isEqualTo("fake://sp500");
        assertThat(status.indexes().get(0).validation().status()).isEqualTo(ValidationStatus.PASSED);
        assertThat(status.latestReport()).hasValueSatisfying(s -> assertThat(s.reportId()).isEqualTo(report.reportId()));
    }

    @Test
    void unreadableCurrentFileFailsWithoutTouchingIt() {
        ws.writeData("sti_constituents.csv", "symbol,display_symbol,security,sector,sub_industry\n\"D05.SI,x\n".getBytes());
        Map<String, String> before = ws.dataFingerprint();
        RunReport report = runner(FakeSource.returning("sti", Rows.sgxCodes(30)))
                .run(RunRequest.builder().task("sti_constituents").apply().build());
        assertThat(only(report).errors()).singleElement().asString().contains("cannot read the current file");
        assertThat(ws.dataFingerprint()).isEqualTo(before);
    }

    @Test
    void theThreeSourcesAreFetchedConcurrently() {
        // Each source waits until all three have started: run one after another, they would time out.
        java.util.concurrent.CountDownLatch allStarted = new java.util.concurrent.CountDownLatch(3);
        List<com.twsrobot.maintenance.api.ConstituentSource> sources = new ArrayList<>();
        for (FakeSource fake : List.of(FakeSource.returning("sp500", Rows.usTickers(460)),
                FakeSource.returning("sti", Rows.sgxCodes(30)), FakeSource.returning("hsi", Rows.hkexCodes(80)))) {
            sources.add(new com.twsrobot.maintenance.api.ConstituentSource() {
                @Override
                public String index() {
                    return fake.index();
                }

                @Override
                public String defaultUrl() {
                    return fake.defaultUrl();
                }

                @Override
                public com.twsrobot.maintenance.api.SourceResult fetch(com.twsrobot.maintenance.api.SourceContext c)
                        throws com.twsrobot.maintenance.api.SourceException {
                    allStarted.countDown();
                    try {
                        if (!allStarted.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
                            throw new com.twsrobot.maintenance.api.SourceException("the other sources never started");
                        }
                    } catch (InterruptedException e) {
                        throw new com.twsrobot.maintenance.api.SourceException("interrupted");
                    }
                    return fake.fetch(c);
                }
            });
        }
        MaintenanceRunnerBuilder b = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).progressListener(m -> { });
        sources.forEach(b::source);
        RunReport report = b.build().run(RunRequest.dryRun("constituents"));
        assertThat(report.results()).allSatisfy(r -> assertThat(r.errors()).isEmpty());
    }

    @Test
    void aFailedSourceReportsTheUrlItWasAskedToRead() {
        RunReport report = runner(FakeSource.failing("sti", "HTTP 404"))
                .run(RunRequest.builder().task("sti_constituents").sourceUrl("sti", "http://mirror/sti").build());
        assertThat(only(report).source()).isEqualTo("http://mirror/sti");
    }

    @Test
    void anIndexFileOutsideTheDataDirIsRefused() {
        com.twsrobot.maintenance.api.IndexSpec escaping = new com.twsrobot.maintenance.api.IndexSpec("evil", "evil_constituents",
                "Evil", "../evil.csv", java.util.regex.Pattern.compile("[A-Z]+"), "letters", 1, false);
        MaintenanceRunner runner = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                .clock(clock).progressListener(m -> { }).index(escaping).source(FakeSource.returning("evil", Rows.usTickers(3)))
                .build();
        RunReport evil = runner.run(RunRequest.builder().task("evil_constituents").apply().build());
        assertThat(only(evil).errors()).singleElement().asString().contains("must stay inside the data dir");
        assertThat(ws.root().resolve("evil.csv")).doesNotExist();
    }

    @Test
    void theMarketOpenWarningWatchesTheExchangesTheRunnersIndicesTradeOn() {
        clock.set(java.time.Instant.parse("2026-11-24T03:00:00Z")); // Tuesday 11:00 in Singapore and Hong Kong
        MaintenanceRunner usOnly = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir()).clock(clock)
                .progressListener(m -> { }).discover(false).index(TestIndexes.SP500).task(new ExamplePluginTask()).build();
        assertThat(usOnly.exchanges()).containsExactly("XNYS");
        assertThat(usOnly.marketOpenWarnings()).isEmpty();
        assertThat(usOnly.run(RunRequest.dryRun("example_plugin_task")).warnings()).noneMatch(w -> w.contains("appears open"));

        MaintenanceRunner all = runner();
        assertThat(all.exchanges()).containsExactly("XNYS", "XSES", "XHKG");
        assertThat(all.marketOpenWarnings()).anyMatch(w -> w.startsWith("SGX appears open"))
                .anyMatch(w -> w.startsWith("HKEX appears open"));

        MaintenanceRunner none = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir()).clock(clock)
                .progressListener(m -> { }).discover(false).build();
        assertThat(none.indexes()).as("no index plug-in, no index: nothing is built in").isEmpty();
        assertThat(none.registry().taskNames()).containsExactly("metadata_validation");
        assertThat(none.marketOpenWarnings()).isEmpty();
    }

    @Test
    void anIndexSpecRefusesAKeyOrChurnItCannotUse() {
        java.util.regex.Pattern any = java.util.regex.Pattern.compile(".+");
        assertThatThrownBy(() -> new com.twsrobot.maintenance.api.IndexSpec("FTSE 100", "ftse_constituents", "FTSE",
                "ftse.csv", any, "any", 1, false)).isInstanceOf(com.twsrobot.maintenance.api.ConfigurationException.class)
                .hasMessageContaining("index key 'FTSE 100'");
        assertThatThrownBy(() -> new com.twsrobot.maintenance.api.IndexSpec.Churn(0.3, 0.2))
                .isInstanceOf(com.twsrobot.maintenance.api.ConfigurationException.class).hasMessageContaining("warn 0.3, fail 0.2");
    }

    @Test
    void aRunStartedWhileAMarketIsOpenCarriesAWarning() {
        clock.set(java.time.Instant.parse("2026-11-24T15:00:00Z"));
        RunReport report = runner().run(RunRequest.dryRun("example_plugin_task"));
        assertThat(report.warnings()).contains("NYSE appears open (closes 16:00 America/New_York)");
        assertThat(report.status()).isEqualTo(TaskStatus.SUCCESS);
        clock.set(java.time.Instant.parse("2026-11-28T15:00:00Z"));
        assertThat(runner().run(RunRequest.dryRun("example_plugin_task")).warnings()).isEmpty();
    }

    @Test
    void unwritableReportsDirStillReturnsAReportAndNeverThrows() throws Exception {
        Path blocked = ws.root().resolve("blocked");
        Files.writeString(blocked, "a file where a directory should be");
        MaintenanceRunner runner = MaintenanceRunner.builder().churnThresholds(null, 1, 1).dataDir(ws.dataDir()).reportsDir(blocked.resolve("r"))
                .clock(clock).progressListener(m -> { }).build();
        RunReport report = runner.run(RunRequest.dryRun("example_plugin_task"));
        assertThat(report.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(report.errors()).anyMatch(e -> e.contains("the reports directory") && e.contains("cannot be written"));
    }
}
