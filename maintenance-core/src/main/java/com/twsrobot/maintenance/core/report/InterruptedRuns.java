package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.CauseFormatter;
import com.twsrobot.maintenance.api.RunDetail;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.Sha256;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the reports of runs whose process died while they were under way ({@code in_progress} on disk)
 * and marks them {@code interrupted}, stating for each file the run was replacing whether it was
 * replaced (its checksum is the new one), not replaced (still the old one) or changed since.
 * Only a run that holds the run lock calls this, and a writing run is {@code in_progress} on disk only
 * while it holds that lock (its final report is written before the lock is released), so a writing run
 * found {@code in_progress} is dead. A dry run takes no lock: it is judged dead when its pid is gone on
 * this host, or now belongs to a process that started at another time (the pid was reused).
 */
public final class InterruptedRuns {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedRuns.class);

    /** One report marked interrupted, with the files its run had replaced. */
    public record Marked(String reportId, List<String> replacedFiles, List<String> notReplacedFiles) {
    }

    private InterruptedRuns() {
    }

    /** Marks every dead {@code in_progress} report in {@code store} except {@code ownId}'s; returns them. */
    public static List<Marked> mark(ReportStore store, AtomicFileWriter writer, String ownId, Instant now) {
        List<Marked> marked = new ArrayList<>();
        if (!Files.isDirectory(store.dir())) {
            return marked;
        }
        // Only the reports the index has as reserved or under way are read, not the whole history.
        for (String id : store.maybeInProgress()) {
            if (id.equals(ownId)) {
                continue;
            }
            Optional<RunReport> report = store.read(id);
            if (report.isPresent() && report.get().status() != TaskStatus.IN_PROGRESS) {
                store.reindex(id); // it finished, but its line did not make it into the index
                continue;
            }
            report.filter(r -> r.status() == TaskStatus.IN_PROGRESS && isDead(r)).ifPresent(r -> {
                try {
                    marked.add(markOne(store, writer, r, now));
                } catch (IOException e) {
                    LOG.warn("could not mark report {} interrupted: {}", id, CauseFormatter.describe(e));
                }
            });
        }
        return marked;
    }

    private static boolean isDead(RunReport report) {
        if (!report.dryRun()) {
            return true; // writing runs hold the lock, and the caller holds it now
        }
        Long pid = report.detail().pid();
        if (!hostName().equals(report.detail().host()) || pid == null) {
            return false; // another host's dry run: we cannot tell, and a dry run changed nothing
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return true;
        }
        String recorded = report.detail().processStartedAt();
        Optional<String> actual = process.get().info().startInstant().map(InterruptedRuns::second);
        return recorded != null && actual.isPresent() && !second(Instant.parse(recorded)).equals(actual.get());
    }

    /** When this process started, to the second, if the OS says. */
    static Optional<String> processStart() {
        return ProcessHandle.current().info().startInstant().map(InterruptedRuns::second);
    }

    private static String second(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static Marked markOne(ReportStore store, AtomicFileWriter writer, RunReport report, Instant now)
            throws IOException {
        List<String> replaced = new ArrayList<>();
        List<String> notReplaced = new ArrayList<>();
        List<String> changedSince = new ArrayList<>();
        List<RunDetail.Replacement> pending = report.detail().pendingReplacements();
        if (pending != null) {
            for (RunDetail.Replacement entry : pending) {
                String file = String.valueOf(entry.file());
                String sha = currentSha(Path.of(file));
                if (sha.equals(entry.newSha256())) {
                    replaced.add(file);
                } else if (sha.equals(entry.oldSha256())) {
                    notReplaced.add(file);
                } else {
                    changedSince.add(file);
                }
            }
        }
        RunDetail detail = report.detail().toBuilder().interruptedDetectedAt(ReportJson.timestamp(now))
                .replacedFiles(replaced).notReplacedFiles(notReplaced)
                .changedSinceFiles(changedSince.isEmpty() ? null : changedSince).build();
        List<String> errors = new ArrayList<>(report.errors());
        errors.add("the run was interrupted (its process ended before it finished); "
                + (replaced.isEmpty() ? "no file was replaced" : "files replaced: " + replaced)
                + (notReplaced.isEmpty() ? "" : "; left as they were: " + notReplaced)
                + (changedSince.isEmpty() ? "" : "; changed again since: " + changedSince));
        RunReport interrupted = new RunReport(report.reportId(), TaskStatus.INTERRUPTED, report.dryRun(),
                report.startedAt(), report.finishedAt(), report.durationSeconds(), report.results(), report.warnings(),
                errors, detail);
        store.write(interrupted, writer, true);
        return new Marked(report.reportId(), replaced, notReplaced);
    }

    /** The SHA-256 of a data file as it is now (streamed); "" when it is gone. */
    static String currentSha(Path file) {
        try {
            return Files.exists(file) ? Sha256.hexOf(file) : "";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** This machine's name, as the run lock and the journal record it. */
    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
