package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.RunDetail;
import com.twsrobot.maintenance.api.ReportSummary;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReportIndexTest {

    private static final AtomicFileWriter WRITER = AtomicFileWriter.DEFAULT.withoutFsync();
    private static final Instant T0 = Instant.parse("2026-06-22T23:59:58Z");

    @TempDir
    Path tmp;

    private Path reports() {
        return tmp.resolve("reports");
    }

    private static RunReport report(String id, TaskStatus status, boolean dryRun, Instant at) {
        TaskResult r = TaskResult.builder("hsi_constituents", dryRun, at).source("test").finish(at);
        return new RunReport(id, status, dryRun, at, at, 0, status == TaskStatus.IN_PROGRESS ? List.of() : List.of(r),
                List.of(), List.of(), RunDetail.builder().mode(dryRun ? "dry run" : "APPLY").build());
    }

    /** Reserves and writes a finished report as a run does; returns its id. */
    private static String run(ReportStore store, Instant at) throws Exception {
        String id = store.reserve(at);
        store.write(report(id, TaskStatus.SUCCESS, true, at));
        return id;
    }

    /** Every report id on disk, newest first, from the files alone. */
    private List<String> onDisk() throws Exception {
        try (Stream<Path> files = Files.list(reports())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("maintenance_[0-9_]+\\.json"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .sorted(Comparator.comparingLong(ReportIndex::sortKey).reversed()).toList();
        }
    }

    private static List<String> ids(List<ReportSummary> summaries) {
        return summaries.stream().map(ReportSummary::reportId).toList();
    }

    @Test
    void listsNewestFirstAcrossDaysAndSuffixesAsTheFilesSay() throws Exception {
        ReportStore store = new ReportStore(reports(), WRITER);
        assertThat(store.list(5)).isEmpty(); // no directory yet
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            written.add(run(store, T0)); // one second: _2 ... _12, so _10 must sort after _9
        }
        for (int i = 0; i < 5; i++) {
            written.add(run(store, T0.plusSeconds(3 + i * 3600L))); // the next day
        }
        assertThat(written.get(11)).endsWith("_12");
        assertThat(ids(store.list(50))).isEqualTo(onDisk()).hasSize(17);
        assertThat(ids(store.list(1))).containsExactly(written.get(16));
        try (Stream<Path> days = Files.list(reports().resolve(ReportIndex.DIR))) {
            assertThat(days.map(p -> p.getFileName().toString())).contains("20260622.tsv", "20260623.tsv", "state");
        }
    }

    @Test
    void aReportAnotherProcessWroteWithoutTheIndexIsFoundAndARemovedOneIsGone() throws Exception {
        ReportStore store = new ReportStore(reports(), WRITER);
        run(store, T0);
        String second = run(store, T0.plusSeconds(60));
        long before = store.generation();
        assertThat(store.generation()).isEqualTo(before); // nothing changed: the same generation

        // Written as a process without the index would: straight to the file, no line, no lock; later, in a
        // tick of the file system's clock of its own (the same-tick case is ReportIndexProcessesTest's).
        FileSystemTicks.waitPast(reports());
        String foreign = "maintenance_20260623_000500";
        Files.writeString(reports().resolve(foreign + ".json"),
                ReportJson.write(report(foreign, TaskStatus.FAILED, false, T0.plusSeconds(302))));
        assertThat(store.generation()).isNotEqualTo(before);
        assertThat(ids(store.list(1))).containsExactly(foreign);
        assertThat(store.list(ReportFilter.of(null, "failed", "apply", 0, 10, List.of()))).extracting(ReportSummary::reportId)
                .containsExactly(foreign);

        FileSystemTicks.waitPast(reports());
        Files.delete(reports().resolve(foreign + ".json"));
        assertThat(ids(store.list(1))).containsExactly(second);
        assertThat(ids(store.list(10))).isEqualTo(onDisk());
    }

    /** An apply's report that says it wrote {@code sha256} to {@code file}. */
    private static RunReport wrote(String id, String file, String sha256, Instant at) {
        TaskResult r = TaskResult.builder("hsi_constituents", false, at).source("test").detail("changed", true)
                .detail("written", true).detail("file", file).detail("sha256", sha256).finish(at);
        return new RunReport(id, TaskStatus.SUCCESS, false, at, at, 0, List.of(r), List.of(), List.of(), RunDetail.builder().mode("APPLY").build());
    }

    @Test
    void whoWroteAVersionIsKnownAcrossTheWholeHistoryAndFollowsEveryChange() throws Exception {
        ReportStore store = new ReportStore(reports(), WRITER);
        ReportIndex index = store.index();
        String sha = "a".repeat(64);
        String oldest = store.reserve(T0);
        store.write(wrote(oldest, "/data/hsi_constituents.csv", sha, T0));
        for (int day = 1; day <= ReportIndex.DAYS_CACHED + 2; day++) { // more days than are kept parsed
            run(store, T0.plusSeconds(day * 86_400L));
        }
        assertThat(index.wrote("hsi_constituents.csv", sha)).containsExactly(oldest);
        assertThat(index.wrote("hsi_constituents.csv", "b".repeat(64))).isEmpty();
        assertThat(index.wrote("sti_constituents.csv", sha)).isEmpty();
        assertThat(index.wrote("hsi_constituents.csv", sha)).containsExactly(oldest); // unchanged history: the same answer

        Instant later = T0.plusSeconds(20 * 86_400L);
        String newer = store.reserve(later);
        store.write(wrote(newer, "elsewhere/hsi_constituents.csv", sha, later));
        assertThat(index.wrote("hsi_constituents.csv", sha)).containsExactly(newer, oldest);

        // Written as a process without the index would (in a later tick): the next reader catches up.
        FileSystemTicks.waitPast(reports());
        String foreign = "maintenance_20260801_000000";
        Files.writeString(reports().resolve(foreign + ".json"), ReportJson.write(
                wrote(foreign, "x/hsi_constituents.csv", sha, Instant.parse("2026-08-01T00:00:00Z"))));
        assertThat(index.wrote("hsi_constituents.csv", sha)).containsExactly(foreign, newer, oldest);

        FileSystemTicks.waitPast(reports());
        Files.delete(reports().resolve(oldest + ".json")); // removed by hand
        assertThat(index.wrote("hsi_constituents.csv", sha)).containsExactly(foreign, newer);

        deleteTree(reports().resolve(ReportIndex.DIR));
        assertThat(index.wrote("hsi_constituents.csv", sha)).containsExactly(foreign, newer); // rebuilt from the files

        Files.writeString(reports().resolve(ReportIndex.DIR).resolve("20260801.tsv"), "maintenance_20990101_000000\tsuccess\ta\t\t"
                + sha + ":x%2Fhsi_constituents.csv\n", StandardOpenOption.APPEND); // not this day's: the day is rebuilt
        assertThat(ids(store.list(1))).containsExactly(foreign);
        String dayLater = run(store, Instant.parse("2026-08-02T00:00:00Z")); // a new day: the generation moves on
        assertThat(index.wrote("hsi_constituents.csv", sha)).containsExactly(foreign, newer);
        assertThat(ids(store.list(2))).containsExactly(dayLater, foreign); // its day file is listed
        assertThat(store.contentDateOf("hsi_constituents.csv", "c".repeat(64))).isEmpty();
    }

    @Test
    void aDeletedIndexIsRebuiltFromTheFiles() throws Exception {
        ReportStore store = new ReportStore(reports(), WRITER);
        for (int i = 0; i < 5; i++) {
            run(store, T0.plusSeconds(i * 1000L));
        }
        deleteTree(reports().resolve(ReportIndex.DIR));
        assertThat(ids(store.list(10))).isEqualTo(onDisk()).hasSize(5);
        assertThat(reports().resolve(ReportIndex.DIR).resolve("state")).exists();
    }

    @Test
    void aTornOrAlteredDayFileOrStateIsRebuilt() throws Exception {
        ReportStore store = new ReportStore(reports(), WRITER);
        for (int i = 0; i < 5; i++) {
            run(store, T0.plusSeconds(i * 2L));
        }
        assertThat(ids(store.list(10))).isEqualTo(onDisk()); // the first reader builds the index
        Path day = reports().resolve(ReportIndex.DIR).resolve("20260622.tsv");
        Files.writeString(day, "maintenance_20260622_235958\tsucc", StandardOpenOption.APPEND); // a torn last line
        assertThat(ids(store.list(10))).isEqualTo(onDisk()).hasSize(5);

        Files.writeString(day, "maintenance_20990101_000000\tsuccess\td\t\t\n", StandardOpenOption.APPEND); // not this day's
        assertThat(ids(store.list(10))).isEqualTo(onDisk());

        Files.writeString(reports().resolve(ReportIndex.DIR).resolve("state"), "something else\n");
        assertThat(ids(store.list(10))).isEqualTo(onDisk());
        assertThat(Files.readString(reports().resolve(ReportIndex.DIR).resolve("state")))
                .startsWith("tws-maintenance report index 1\n");
    }

    @Test
    void runsUnderWayAreKnownFromTheIndexAndLeaveItWhenTheyFinish() throws Exception {
        ReportStore store = new ReportStore(reports(), WRITER);
        String reserved = store.reserve(T0);
        String running = store.reserve(T0);
        store.write(report(running, TaskStatus.IN_PROGRESS, false, T0), WRITER, false);
        run(store, T0.plusSeconds(5));
        store.generation(); // the index exists from here on
        assertThat(store.maybeInProgress()).containsExactly(reserved, running);
        store.write(report(running, TaskStatus.SUCCESS, false, T0));
        assertThat(store.maybeInProgress()).containsExactly(reserved);
    }

    @Test
    void theCachedNewestReportsFollowEveryChangeOfTheHistory() throws Exception {
        ReportStore store = new ReportStore(reports(), WRITER);
        String older = run(store, T0);
        String running = store.reserve(T0.plusSeconds(1));
        store.write(report(running, TaskStatus.IN_PROGRESS, false, T0.plusSeconds(1)), WRITER, false);
        List<RunReport> first = store.recent(5);
        assertThat(first).extracting(RunReport::reportId).containsExactly(running, older);
        assertThat(store.recent(5)).isSameAs(first); // unchanged history: nothing read again

        store.write(report(running, TaskStatus.FAILED, false, T0.plusSeconds(1)));
        assertThat(store.recent(5)).extracting(RunReport::status).containsExactly(TaskStatus.FAILED, TaskStatus.SUCCESS);
        String newest = run(store, T0.plusSeconds(2));
        assertThat(store.recent(5)).extracting(RunReport::reportId).containsExactly(newest, running, older);
        assertThat(store.recent(1)).extracting(RunReport::reportId).containsExactly(newest);
        FileSystemTicks.waitPast(reports());
        Files.delete(reports().resolve(newest + ".json")); // removed by hand
        assertThat(store.recent(5)).extracting(RunReport::reportId).containsExactly(running, older);
    }

    @Test
    void twoIndexesOfOneDirectoryWritingAtOnceLoseNoReport() throws Exception {
        Files.createDirectories(reports());
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), reports()); // a second index of the same files
        ReportStore a = new ReportStore(reports(), WRITER);
        ReportStore b = new ReportStore(alias, WRITER);
        run(a, T0);
        a.generation();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (ReportStore store : List.of(a, b)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<String> out = new ArrayList<>();
                    for (int i = 0; i < 60; i++) {
                        out.add(run(store, T0.plusSeconds(i / 7)));
                    }
                    return out;
                }));
            }
            start.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                all.addAll(f.get(2, TimeUnit.MINUTES));
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(120);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids(a.list(500))).isEqualTo(onDisk()).hasSize(121);
        assertThat(ids(b.list(500))).isEqualTo(onDisk());
        assertThat(a.maybeInProgress()).isEmpty();
    }

    @Test
    void aLinkWhereTheIndexBelongsIsNotWrittenThroughAndTheFilesStillServe() throws Exception {
        ReportStore store = new ReportStore(reports(), WRITER);
        run(store, T0);
        deleteTree(reports().resolve(ReportIndex.DIR));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(reports().resolve(ReportIndex.DIR), elsewhere);
        String second = run(store, T0.plusSeconds(10));
        assertThat(ids(store.list(10))).containsExactly(second, onDisk().get(1));
        assertThat(store.maybeInProgress()).hasSize(2); // no index: every report is a candidate
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aHeldIndexLockDelaysNoReportAndReadersScanTheFilesMeanwhile() throws Exception {
        ReportStore store = new ReportStore(reports(), WRITER);
        String first = run(store, T0);
        store.generation();
        store.index().lockWait(Duration.ofMillis(100));
        String second;
        // Held by another process (here another channel, which the JVM also refuses to share).
        try (var channel = java.nio.channels.FileChannel.open(reports().resolve(ReportIndex.DIR).resolve("lock"),
                StandardOpenOption.WRITE); var held = channel.lock()) {
            FileSystemTicks.waitPast(reports()); // a tick after the index's last change, whatever the granularity
            second = run(store, T0.plusSeconds(1)); // written without the index, after the 100 ms wait
            assertThat(store.generation()).isEqualTo(-1); // the index cannot be caught up: nothing is cached
            assertThat(ids(store.list(10))).containsExactly(second, first); // the files are scanned
        }
        assertThat(store.generation()).isPositive(); // caught up once the lock is free
        assertThat(ids(store.list(10))).containsExactly(second, first);
        assertThat(store.maybeInProgress()).isEmpty();
    }

    @Test
    void linksWhereTheIndexFilesBelongAreNeverFollowed() throws Exception {
        ReportStore store = new ReportStore(reports(), WRITER);
        String first = run(store, T0);
        assertThat(ids(store.list(10))).containsExactly(first);
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "not ours\n");
        Path index = reports().resolve(ReportIndex.DIR);
        Files.delete(index.resolve("state"));
        Files.createSymbolicLink(index.resolve("state"), outside);
        Files.delete(index.resolve("20260622.tsv"));
        Files.createSymbolicLink(index.resolve("20260622.tsv"), outside);
        String second = run(store, T0.plusSeconds(1));
        assertThat(ids(store.list(10))).containsExactly(second, first); // the files are scanned
        assertThat(store.generation()).isEqualTo(-1); // the index is refused, so nothing is cached
        assertThat(Files.readString(outside)).isEqualTo("not ours\n");
        assertThat(index.resolve("state")).isSymbolicLink(); // left for the operator to see, not replaced
    }

    @Test
    void anEntryLineRoundTripsOddPathsAndTaskNames() {
        ReportIndex.Entry e = new ReportIndex.Entry("maintenance_20260622_235958_3", "partial_failure", false,
                List.of("a=b_task=success", "hsi_constituents=failed"),
                Map.of("/data/with,comma\tand tab/100%.csv", "ab12", "/plain.csv", "cd34"));
        String line = e.line();
        assertThat(line).endsWith("\n").doesNotContain("\n\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n");
        ReportIndex.Entry back = ReportIndex.Entry.parse(line.substring(0, line.length() - 1));
        assertThat(back).isEqualTo(e);
        assertThat(back.ran("a=b_task", "success")).isTrue();
        assertThat(back.ran("hsi_constituents", "success")).isFalse();
        assertThat(back.taskNames()).containsExactly("a=b_task", "hsi_constituents");
        assertThat(ReportIndex.Entry.parse("maintenance_20260622_235958\tsuccess\tx\t\t")).isNull();
        assertThat(ReportIndex.Entry.parse("not an id\tsuccess\td\t\t")).isNull();
    }

    @Test
    void emptyReservedFilesAreFoundFromTheIndex() throws Exception {
        ReportStore store = new ReportStore(reports(), WRITER);
        String dead = store.reserve(T0);
        run(store, T0.plusSeconds(1));
        store.generation();
        Files.setLastModifiedTime(reports().resolve(dead + ".json"),
                java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        assertThat(store.removeEmptyReserved(Duration.ofHours(1))).containsExactly(reports().resolve(dead + ".json"));
        assertThat(store.maybeInProgress()).isEmpty();
        assertThat(ids(store.list(10))).isEqualTo(onDisk()).hasSize(1);
    }

    /**
     * A writer killed right after creating a temp file, within the tick of the file system's clock in
     * which the index last recorded the directory's time, leaves that time as recorded (seen in CI: a
     * crashed apply's temp file was never swept). The kill is a change that stops half-way; the tick,
     * the times set back to it.
     */
    @Test
    void aWriterThatDiedMidChangeInTheSameTickIsStillCaughtUpWith() throws Exception {
        ReportStore store = new ReportStore(reports(), WRITER);
        String first = run(store, T0);
        store.generation(); // caught up: the state records the directory's time
        java.nio.file.attribute.FileTime tick = Files.getLastModifiedTime(reports());
        Path state = reports().resolve(ReportIndex.DIR).resolve("state");
        java.nio.file.attribute.FileTime stateTime = Files.getLastModifiedTime(state);

        Path temp = reports().resolve("." + first + ".md." + java.util.UUID.randomUUID() + ".tmp");
        String foreign = "maintenance_20260623_000500";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.index().record(() -> {
            Files.writeString(reports().resolve(foreign + ".json"),
                    ReportJson.write(report(foreign, TaskStatus.FAILED, false, T0.plusSeconds(302))));
            Files.write(temp, new byte[] {1, 2});
            throw new IllegalStateException("killed");
        })).hasMessage("killed");
        Files.setLastModifiedTime(reports(), tick);
        Files.setLastModifiedTime(state, stateTime);

        assertThat(ids(store.list(1))).containsExactly(foreign);
        assertThat(store.sweepTempFiles(Duration.ZERO, false)).containsExactly(temp);
        assertThat(temp).doesNotExist();
    }

    /** A writer killed while replacing the index's state leaves its temp file where no listing looks. */
    @Test
    void aTempFileInTheIndexDirectoryIsSweptHoweverYoung() throws Exception {
        ReportStore store = new ReportStore(reports(), WRITER);
        run(store, T0);
        store.generation();
        Path temp = reports().resolve(ReportIndex.DIR).resolve(".state." + java.util.UUID.randomUUID() + ".tmp");
        Files.write(temp, new byte[] {1});
        Path notOurs = reports().resolve(ReportIndex.DIR).resolve("notes.tmp");
        Files.write(notOurs, new byte[] {1});

        assertThat(store.sweepTempFiles(Duration.ofHours(1), false)).containsExactly(temp);
        assertThat(notOurs).exists();
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
