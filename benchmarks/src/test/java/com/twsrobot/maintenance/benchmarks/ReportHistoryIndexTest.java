package com.twsrobot.maintenance.benchmarks;

import com.twsrobot.maintenance.api.RunDetail;
import com.twsrobot.maintenance.api.ReportSummary;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.Sha256;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.MaintenanceHealth;
import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.report.InterruptedRuns;
import com.twsrobot.maintenance.core.report.ReportFilter;
import com.twsrobot.maintenance.core.report.ReportIndex;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.core.report.ReportStore;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's history at 1,000 reports, as a correctness check of the report index (no timing):
 * every answer read through the index is the one a full scan of the files gives.
 */
class ReportHistoryIndexTest {

    private static final Instant NEWEST = Instant.parse("2026-11-30T12:00:00Z");
    private static final Duration SPACING = Duration.ofMinutes(7); // 1,000 reports over five days
    private final TempWorkspace ws = TempWorkspace.create().withConstituents(true);
    private final Clock clock = Clock.fixed(NEWEST.plus(Duration.ofHours(1)), ZoneOffset.UTC);
    private MaintenanceRunner runner;
    private ReportStore store;

    @BeforeEach
    void generate() throws Exception {
        ReportHistory.generate(ws.reportsDir(), 1_000, NEWEST, SPACING);
        runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir()).clock(clock)
                .progressListener(m -> { }).build();
        store = new ReportStore(ws.reportsDir(), AtomicFileWriter.DEFAULT);
    }

    @AfterEach
    void cleanUp() {
        ws.close();
    }

    /** Every readable report, newest first, from reading every file: what the index must agree with. */
    private List<RunReport> fullScan() throws Exception {
        return fullScan(ws.reportsDir());
    }

    /** Every readable report in {@code dir}, newest first, read file by file (ConsoleAtScaleTest uses it too). */
    static List<RunReport> fullScan(Path dir) throws Exception {
        List<RunReport> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.matches("maintenance_\\d{8}_\\d{6}(_\\d+)?\\.json") && Files.size(p) > 0) {
                    all.add(ReportJson.read(Files.readString(p)));
                }
            }
        }
        all.sort(Comparator.comparing((RunReport r) -> r.reportId().substring(0, 27))
                .thenComparingInt(r -> r.reportId().length() > 27 ? Integer.parseInt(r.reportId().substring(28)) : 1)
                .reversed());
        return all;
    }

    private static List<String> ids(List<ReportSummary> summaries) {
        return summaries.stream().map(ReportSummary::reportId).toList();
    }

    private static List<String> reportIds(List<RunReport> reports) {
        return reports.stream().map(RunReport::reportId).toList();
    }

    private void assertListingsAgreeWithAFullScan() throws Exception {
        List<RunReport> all = fullScan();
        assertThat(ids(runner.reports(ReportFilter.newest(500)))).isEqualTo(reportIds(all.subList(0, 500)));
        assertThat(runner.status().latestReport().map(ReportSummary::reportId)).contains(all.get(0).reportId());
        List<String> tasks = ReportHistory.TASKS;
        for (String task : Arrays.asList(null, "sti_constituents", "market_events")) {
            for (String status : Arrays.asList(null, "failed", "warning", "success", "interrupted")) {
                for (String mode : Arrays.asList(null, "apply", "dry_run")) {
                    ReportFilter filter = ReportFilter.of(task, status, mode, 3, 40, tasks);
                    assertThat(ids(runner.reports(filter))).as("%s %s %s", task, status, mode)
                            .isEqualTo(reportIds(all.stream().filter(filter::matches).skip(3).limit(40).toList()));
                }
            }
        }
    }

    @Test
    void listingsNewestPerTaskAndHealthAgreeWithAFullScan() throws Exception {
        assertListingsAgreeWithAFullScan();
        List<RunReport> all = fullScan();
        for (String task : ReportHistory.TASKS) { // the newest report of each task
            String newest = all.stream().filter(r -> r.results().stream().anyMatch(t -> t.task().equals(task)))
                    .findFirst().orElseThrow().reportId();
            assertThat(ids(runner.reports(ReportFilter.of(task, null, null, 0, 1, ReportHistory.TASKS))))
                    .containsExactly(newest);
        }
        assertThat(MaintenanceHealth.of(runner))
                .isEqualTo(MaintenanceHealth.of(runner, all.subList(0, MaintenanceHealth.REPORTS_READ)));
        assertThat(reportIds(runner.recentReports(MaintenanceHealth.REPORTS_READ)))
                .isEqualTo(reportIds(all.subList(0, MaintenanceHealth.REPORTS_READ)));
    }

    @Test
    void theIndexIsRebuiltWhenDeletedOrCorrupted() throws Exception {
        assertListingsAgreeWithAFullScan();
        Path index = ws.reportsDir().resolve(ReportIndex.DIR);
        try (Stream<Path> files = Files.walk(index)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertListingsAgreeWithAFullScan();

        try (Stream<Path> days = Files.list(index)) {
            for (Path day : days.filter(p -> p.toString().endsWith(".tsv")).toList()) {
                Files.writeString(day, "garbage\n", java.nio.file.StandardOpenOption.APPEND);
            }
        }
        assertListingsAgreeWithAFullScan();
        Files.writeString(index.resolve("state"), "not a state\n");
        assertListingsAgreeWithAFullScan();
    }

    @Test
    void reportsWrittenByAnotherProcessAreFound() throws Exception {
        assertListingsAgreeWithAFullScan(); // the index is built
        // Straight to disk, as a process that does not keep the index writes it: the newest, and an old one.
        Instant at = NEWEST.plusSeconds(30);
        writeForeign("maintenance_20261130_120030", TaskStatus.FAILED, false, at);
        writeForeign("maintenance_20261127_000000_2", TaskStatus.WARNING, true, Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(ids(runner.reports(ReportFilter.newest(1)))).containsExactly("maintenance_20261130_120030");
        assertListingsAgreeWithAFullScan();

        // And one written through another index of the same directory (another path to it) meanwhile.
        Path alias = Files.createSymbolicLink(ws.root().resolve("alias"), ws.reportsDir());
        ReportStore other = new ReportStore(alias, AtomicFileWriter.DEFAULT);
        String id = other.reserve(NEWEST.plusSeconds(60));
        other.write(new RunReport(id, TaskStatus.SUCCESS, true, NEWEST.plusSeconds(60), NEWEST.plusSeconds(61), 1,
                List.of(), List.of(), List.of(), RunDetail.none()));
        assertThat(ids(runner.reports(ReportFilter.newest(1)))).containsExactly(id);
        assertListingsAgreeWithAFullScan();
    }

    @Test
    void interruptedRunsAreThoseAFullScanFindsInProgress() throws Exception {
        assertListingsAgreeWithAFullScan();
        // An apply that died under the lock, written by another process without the index, and another
        // host's dry run (which no run can judge dead).
        writeForeign("maintenance_20261128_101010", TaskStatus.IN_PROGRESS, false, Instant.parse("2026-11-28T10:10:10Z"));
        RunReport otherHost = new RunReport("maintenance_20261129_101010", TaskStatus.IN_PROGRESS, true,
                Instant.parse("2026-11-29T10:10:10Z"), Instant.parse("2026-11-29T10:10:10Z"), 0, List.of(), List.of(),
                List.of(), RunDetail.builder().pid(12345L).host("another-host").build());
        store.write(otherHost, AtomicFileWriter.DEFAULT, false);
        List<String> dead = fullScan().stream().filter(r -> r.status() == TaskStatus.IN_PROGRESS && !r.dryRun())
                .map(RunReport::reportId).toList();
        assertThat(dead).containsExactly("maintenance_20261128_101010");

        List<InterruptedRuns.Marked> marked = InterruptedRuns.mark(store, AtomicFileWriter.DEFAULT, "none", clock.instant());
        assertThat(marked).extracting(InterruptedRuns.Marked::reportId).isEqualTo(dead);
        assertThat(store.read("maintenance_20261128_101010").orElseThrow().status()).isEqualTo(TaskStatus.INTERRUPTED);
        assertThat(store.read(otherHost.reportId()).orElseThrow().status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(InterruptedRuns.mark(store, AtomicFileWriter.DEFAULT, "none", clock.instant())).isEmpty();
        assertListingsAgreeWithAFullScan();
    }

    @Test
    void retentionRemovesWhatAFullScanSaysItShould() throws Exception {
        assertListingsAgreeWithAFullScan();
        // An old apply that wrote the version a file has now: kept, whatever its age.
        Path file = ws.dataDir().resolve("sti_constituents.csv");
        String sha = Sha256.hexOf(file);
        RunReport producer = new RunReport("maintenance_20261126_000000", TaskStatus.SUCCESS, false,
                Instant.parse("2026-11-26T00:00:00Z"), Instant.parse("2026-11-26T00:00:01Z"), 1, List.of(), List.of(),
                List.of(), RunDetail.builder().replacements(List.of(new RunDetail.Replacement(file.toAbsolutePath().toString(),
                "0".repeat(64), sha))).build());
        store.write(producer);
        Instant cutoff = NEWEST.minus(SPACING.multipliedBy(600));
        String cutoffId = "maintenance_" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
                .withZone(ZoneOffset.UTC).format(cutoff);
        Set<String> expected = new HashSet<>();
        for (RunReport r : fullScan()) {
            if (r.reportId().compareTo(cutoffId) < 0 && !r.reportId().equals(producer.reportId())) {
                expected.add(r.reportId());
            }
        }
        assertThat(expected).hasSizeGreaterThan(300);

        List<Path> removed = store.prune(cutoff);
        Set<String> removedIds = new HashSet<>();
        for (Path p : removed) {
            String name = p.getFileName().toString();
            removedIds.add(name.substring(0, name.indexOf('.')));
        }
        assertThat(removedIds).isEqualTo(expected);
        assertThat(removed).hasSize(expected.size() * 2); // each report's JSON and Markdown
        assertThat(store.read(producer.reportId())).isPresent();
        assertListingsAgreeWithAFullScan();
        assertThat(store.prune(cutoff)).isEmpty();
    }

    /**
     * Writes a report straight to disk, as a process that does not keep the index does, in a later tick of
     * the file system's clock than the directory's last change (as such a process writing later would be):
     * with coarse file times (a scheduler tick, on some file systems a second) a write in the same tick leaves
     * the directory's time as the index recorded it, and the index finds it only at its next check (10 min).
     */
    private void writeForeign(String id, TaskStatus status, boolean dryRun, Instant at) throws Exception {
        waitForTheNextTick(ws.reportsDir());
        Files.writeString(ws.reportsDir().resolve(id + ".json"), ReportJson.write(new RunReport(id, status, dryRun, at, at,
                0, List.of(), List.of(), List.of(), RunDetail.none())));
    }
    /** Returns once a file written now gets a later modification time than {@code dir} has (bounded: 30 s). */
    private static void waitForTheNextTick(Path dir) throws Exception {
        java.nio.file.attribute.FileTime last = Files.getLastModifiedTime(dir);
        Path probe = Files.createTempFile(dir.toAbsolutePath().getParent(), ".tick-", ".probe"); // beside, not in it
        try {
            long bound = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            do {
                Files.write(probe, new byte[] {1});
                if (Files.getLastModifiedTime(probe).compareTo(last) > 0) {
                    return;
                }
                Thread.sleep(1);
            } while (System.nanoTime() < bound);
            throw new AssertionError("the file system's clock did not pass " + last + " within 30 s");
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
