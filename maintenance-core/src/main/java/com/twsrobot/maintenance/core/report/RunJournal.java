package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.RunDetail;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's report while the run is under way: written as {@code in_progress} by {@link #begin()} (a dry
 * run at once, a writing run only once it holds the run lock), and rewritten before every file replace
 * with the files about to be replaced (old and new SHA-256). So a change on disk always has a report
 * naming it, even when the process dies before the run's final report is written;
 * {@link InterruptedRuns} later turns such a report into {@code interrupted}. Because a writing run is
 * {@code in_progress} on disk only while it holds the lock, the next holder knows it is dead.
 */
public final class RunJournal {

    /** Run-detail key: when this run's process started, so a reused pid is not taken for the run. */
    public static final String PROCESS_STARTED_AT = "process_started_at";

    private final ReportStore store;
    private final String reportId;
    private final boolean dryRun;
    private final Instant startedAt;
    private final AtomicFileWriter writer;
    private final RunDetail detail;
    private final List<RunDetail.Replacement> pending = new ArrayList<>();

    private RunJournal(ReportStore store, String reportId, boolean dryRun, Instant startedAt, AtomicFileWriter writer,
                       RunDetail detail) {
        this.store = store;
        this.reportId = reportId;
        this.dryRun = dryRun;
        this.startedAt = startedAt;
        this.writer = dryRun ? writer.withoutFsync() : writer; // a dry run replaces nothing
        this.detail = detail;
    }

    /**
     * Reserves the run's report id (its JSON file, empty until {@link #begin()} or the final report).
     *
     * @param detail what the run is (mode, tasks); the pid, host and process start are added
     * @throws IOException when the reports directory cannot be written: the run must not go ahead
     */
    public static RunJournal reserve(ReportStore store, AtomicFileWriter writer, boolean dryRun, Instant startedAt,
                                     RunDetail detail) throws IOException {
        String id = store.reserve(startedAt);
        RunDetail d = detail.toBuilder().pid(ProcessHandle.current().pid()).host(InterruptedRuns.hostName())
                .processStartedAt(InterruptedRuns.processStart().orElse(null)).build();
        return new RunJournal(store, id, dryRun, startedAt, writer, d);
    }

    /**
     * Writes the {@code in_progress} report. A writing run calls this only while it holds the run lock.
     *
     * @throws IOException when it cannot be written: the run must not go ahead
     */
    public synchronized void begin() throws IOException {
        write();
    }

    /** Every replace the run began, as {@link RunDetail#pendingReplacements()} lists them. */
    public synchronized List<RunDetail.Replacement> replacements() {
        return List.copyOf(pending);
    }

    public String reportId() {
        return reportId;
    }

    /**
     * Records that {@code file} is about to be replaced; returns once that is on disk.
     *
     * @throws IOException when the record cannot be written: the caller must not replace the file
     */
    public synchronized void aboutToReplace(Path file, String oldSha256, String newSha256) throws IOException {
        RunDetail.Replacement entry = new RunDetail.Replacement(file.toAbsolutePath().normalize().toString(),
                oldSha256, newSha256);
        pending.add(entry);
        try {
            write();
        } catch (IOException e) {
            pending.remove(entry);
            throw e;
        }
    }

    private void write() throws IOException {
        RunDetail d = pending.isEmpty() ? detail : detail.toBuilder().pendingReplacements(pending).build();
        RunReport report = new RunReport(reportId, TaskStatus.IN_PROGRESS, dryRun, startedAt, startedAt, 0, List.of(),
                List.of(), List.of(), d);
        store.write(report, writer, false);
    }
}
