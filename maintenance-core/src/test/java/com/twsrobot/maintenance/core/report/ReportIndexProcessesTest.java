package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.RunDetail;
import com.twsrobot.maintenance.api.ReportSummary;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Processes writing reports to one directory at once, through the index and without it: none is lost. */
class ReportIndexProcessesTest {

    @TempDir
    Path tmp;

    @Test
    void reportsWrittenByConcurrentProcessesAreAllIndexedInOrder() throws Exception {
        Path reports = Files.createDirectories(tmp.resolve("reports"));
        ReportStore store = new ReportStore(reports, AtomicFileWriter.DEFAULT.withoutFsync());
        store.generation(); // the index exists before the writers start
        String start = "2026-06-22T23:59:50Z"; // the ids cross midnight: two day files
        List<Process> children = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // The JVM's own warnings (class data sharing refused under memory pressure) to stderr: the test reads stdout.
                    "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr",
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    ReportWriterChild.class.getName(), reports.toString(), "120", start)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start());
        }
        List<String> written = new ArrayList<>();
        List<java.io.BufferedReader> outputs = new ArrayList<>();
        for (Process child : children) { // both are writing before this process starts to
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
            written.add(out.readLine());
            outputs.add(out);
        }
        for (int i = 0; i < 20; i++) { // this process writes too, and one report goes straight to disk
            Instant at = Instant.parse(start).plusSeconds(i);
            String id = store.reserve(at);
            store.write(new RunReport(id, TaskStatus.WARNING, true, at, at, 0, List.of(), List.of(), List.of(), RunDetail.none()));
            written.add(id);
            store.list(1);
        }
        String foreign = "maintenance_20260623_000100_77";
        Files.writeString(reports.resolve(foreign + ".json"), ReportJson.write(new RunReport(foreign, TaskStatus.FAILED,
                false, Instant.parse("2026-06-23T00:01:00Z"), Instant.parse("2026-06-23T00:01:00Z"), 0, List.of(),
                List.of(), List.of(), RunDetail.none())));
        written.add(foreign);
        for (int c = 0; c < children.size(); c++) {
            outputs.get(c).lines().forEach(written::add);
            assertThat(children.get(c).waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(children.get(c).exitValue()).isZero();
        }
        assertThat(written).doesNotHaveDuplicates().hasSize(261);

        List<String> onDisk;
        try (Stream<Path> files = Files.list(reports)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("maintenance_[0-9_]+\\.json"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .sorted(Comparator.comparingLong(ReportIndex::sortKey).reversed()).toList();
        }
        assertThat(onDisk).containsExactlyInAnyOrderElementsOf(written);
        List<String> listed = store.list(500).stream().map(ReportSummary::reportId).toList();
        // Every report of the index-keeping writers is there at once, whatever their interleaving.
        assertThat(listed).containsAll(onDisk.stream().filter(id -> !id.equals(foreign)).toList());
        // The one written without the index may have landed while a writer was changing the directory, so
        // that writer's new directory time covers it: it is found by the listing a reader does once the
        // check interval has passed (10 minutes by default; here at once).
        store.index().checkEvery(java.time.Duration.ZERO);
        assertThat(store.list(500).stream().map(ReportSummary::reportId).toList()).isEqualTo(onDisk);
        store.index().checkEvery(ReportIndex.CHECK_EVERY);
        assertThat(store.maybeInProgress()).isEmpty();
        assertThat(store.list(ReportFilter.of(null, "failed", null, 0, 10, List.of())))
                .extracting(ReportSummary::reportId).containsExactly(foreign);
        long generation = store.generation();
        assertThat(store.generation()).isEqualTo(generation).isPositive();
    }
}
