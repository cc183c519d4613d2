package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.ReportSummary;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.io.OwnFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Report files {@code <dir>/<report_id>.json} and {@code .md}: ids, writing, listing and reading back. */
public final class ReportStore {

    private static final Logger LOG = LoggerFactory.getLogger(ReportStore.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    /** Only ids of this shape are ever turned into paths, so no request can walk out of the directory. */
    public static final Pattern REPORT_ID = Pattern.compile("maintenance_\\d{8}_\\d{6}(_\\d{1,4})?");
    /**
     * The largest report file read back (console, rollback, plan check): 32 MiB, far above any report a
     * run writes (a few KiB to a few MiB); a larger file is skipped with a warning, never loaded.
     */
    public static final long MAX_REPORT_BYTES = 32L * 1024 * 1024;

    private final Path dir;
    private final AtomicFileWriter writer;

    public ReportStore(Path dir, AtomicFileWriter writer) {
        this.dir = dir;
        this.writer = writer;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Reserves {@code maintenance_YYYYMMDD_HHMMSS} (with {@code _2}, {@code _3} ... when runs share a
     * second) by creating its JSON file exclusively, so two processes or threads can never get the same
     * id. The caller then owns that file and fills it (first as {@code in_progress}).
     *
     * @throws IOException when the reports directory cannot be written
     */
    public String reserve(Instant startedAt) throws IOException {
        Files.createDirectories(dir);
        String base = "maintenance_" + STAMP.format(startedAt);
        for (int n = 1; n < 10_000; n++) {
            String id = n == 1 ? base : base + "_" + n;
            if (Files.exists(markdownPath(id), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue; // something already sits where this id's Markdown would go: not ours to replace
            }
            try {
                Files.createFile(jsonPath(id));
                return id;
            } catch (FileAlreadyExistsException taken) {
                // another run of the same second has it; try the next suffix
            }
        }
        throw new IOException("no free report id left for " + base + " in " + dir);
    }

    /** Writes the JSON then the Markdown, each atomically. */
    public void write(RunReport report) throws IOException {
        // A dry run's report need not wait for the disk; an apply's is forced, as the record of a change.
        AtomicFileWriter w = report.dryRun() ? writer.withoutFsync() : writer;
        w.write(jsonPath(report.reportId()), ReportJson.write(report).getBytes(StandardCharsets.UTF_8));
        w.write(markdownPath(report.reportId()), ReportMarkdown.write(report).getBytes(StandardCharsets.UTF_8));
    }

    public Optional<RunReport> read(String reportId) {
        if (!isReportId(reportId) || !Files.exists(jsonPath(reportId), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            String json = OwnFiles.readString(jsonPath(reportId), MAX_REPORT_BYTES, "report");
            if (json.isEmpty()) {
                return Optional.empty(); // reserved a moment ago; its run is about to fill it
            }
            return Optional.of(ReportJson.read(json));
        } catch (IOException | RuntimeException e) {
            LOG.warn("report {} could not be read: {}", reportId, e.toString());
            return Optional.empty();
        }
    }

    public Optional<String> readMarkdown(String reportId) {
        if (!isReportId(reportId) || !Files.exists(markdownPath(reportId), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OwnFiles.readString(markdownPath(reportId), MAX_REPORT_BYTES, "report"));
        } catch (IOException e) {
            LOG.warn("report {} could not be read: {}", reportId, e.toString());
            return Optional.empty();
        }
    }

    /** The newest {@code limit} reports first; unreadable files are skipped. */
    public List<ReportSummary> list(int limit) {
        return list(ReportFilter.newest(limit));
    }

    /** The reports the filter selects, newest first (each report is read to test the filter). */
    public List<ReportSummary> list(ReportFilter filter) {
        return select(filter).stream().map(RunReport::summary).toList();
    }

    /** The whole reports the filter selects, newest first, each file read once. */
    public List<RunReport> select(ReportFilter filter) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> ids;
        try (Stream<Path> files = Files.list(dir)) {
            ids = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .filter(ReportStore::isReportId)
                    .sorted(Comparator.comparing(ReportStore::sortKey).reversed())
                    .toList();
        } catch (IOException e) {
            LOG.warn("could not list reports in {}: {}", dir, e.toString());
            return List.of();
        }
        List<RunReport> out = new ArrayList<>();
        int skip = filter.offset();
        for (String id : ids) {
            if (out.size() >= filter.limit()) {
                break;
            }
            Optional<RunReport> report = read(id).filter(filter::matches);
            if (report.isPresent() && skip-- <= 0) {
                out.add(report.get());
            }
        }
        return out;
    }

    /** {@link #prune(Instant, Set)} keeping no extra id. */
    public List<Path> prune(Instant cutoff) throws IOException {
        return prune(cutoff, Set.of());
    }

    /**
     * Removes reports and plans whose run started before {@code cutoff}. Never removed: the newest
     * report; the ids in {@code keep} (the reports this run just marked {@code interrupted}); and any
     * report that produced the version a file has now — one whose replacements (or, for an older report,
     * a task result with {@code written}, {@code file} and {@code sha256}) name a file whose current
     * SHA-256 is the one it wrote. So every file's current version keeps the record of what replaced it.
     * Returns the files removed.
     */
    public List<Path> prune(Instant cutoff, Set<String> keep) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        String newest = list(1).stream().map(ReportSummary::reportId).findFirst().orElse("");
        String cutoffId = "maintenance_" + STAMP.format(cutoff);
        Map<String, Boolean> verdicts = new HashMap<>();
        Map<String, String> currentShas = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                int dot = name.indexOf('.');
                String id = dot < 0 ? name : name.substring(0, dot);
                if (isReportId(id) && !id.equals(newest) && !keep.contains(id)
                        && id.substring(0, cutoffId.length()).compareTo(cutoffId) < 0
                        && (name.endsWith(".json") || name.endsWith(".md"))
                        && !verdicts.computeIfAbsent(id, i -> producedCurrentVersion(i, currentShas))) {
                    Files.deleteIfExists(p);
                    removed.add(p);
                }
            }
        }
        return removed;
    }

    /** Whether report {@code id} wrote the content some file holds now (or cannot be read: then kept). */
    private boolean producedCurrentVersion(String id, Map<String, String> currentShas) {
        if (!Files.exists(jsonPath(id), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false; // only its plan or Markdown is left
        }
        Optional<RunReport> report = read(id);
        if (report.isEmpty()) {
            try {
                // An empty reserved file is no record; anything else we cannot read is kept, not guessed about.
                return Files.size(jsonPath(id)) != 0;
            } catch (IOException e) {
                return true;
            }
        }
        for (Map.Entry<String, String> written : writtenVersions(report.get()).entrySet()) {
            String now = currentShas.computeIfAbsent(written.getKey(), f -> InterruptedRuns.currentSha(Path.of(f)));
            if (now.equals(written.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** The files a report says its run wrote, with the SHA-256 it wrote to each. */
    private static Map<String, String> writtenVersions(RunReport report) {
        Map<String, String> out = new HashMap<>();
        for (String key : List.of(RunJournal.REPLACEMENTS, RunJournal.PENDING_REPLACEMENTS)) {
            if (report.detail().get(key) instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> entry && entry.get("file") instanceof String f
                            && entry.get("new_sha256") instanceof String sha) {
                        out.put(f, sha);
                    }
                }
            }
        }
        for (TaskResult result : report.results()) {
            Map<String, Object> d = result.detail();
            if (Boolean.TRUE.equals(d.get("written")) && d.get("sha256") instanceof String sha) {
                for (String key : List.of("file", "written_through_link")) {
                    if (d.get(key) instanceof String f) {
                        out.putIfAbsent(f, sha);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Removes reserved report files left empty (0 bytes) for at least {@code minAge}: a run that died
     * between reserving its id and writing its first report. A younger one may belong to a run that is
     * about to write it. Returns what was removed.
     */
    public List<Path> removeEmptyReserved(Duration minAge) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        java.nio.file.attribute.FileTime cutoff = java.nio.file.attribute.FileTime.from(Instant.now().minus(minAge));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".json") || !isReportId(name.substring(0, name.length() - ".json".length()))) {
                    continue;
                }
                try {
                    var attributes = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    if (attributes.isRegularFile() && attributes.size() == 0
                            && attributes.lastModifiedTime().compareTo(cutoff) <= 0 && Files.deleteIfExists(p)) {
                        removed.add(p);
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // another run replaced or removed it meanwhile
                }
            }
        }
        return removed;
    }

    public static boolean isReportId(String id) {
        return id != null && REPORT_ID.matcher(id).matches();
    }

    /** Orders {@code _2} after the bare id and {@code _10} after {@code _9}. */
    private static String sortKey(String id) {
        String stamp = id.substring(0, "maintenance_YYYYMMDD_HHMMSS".length());
        String suffix = id.length() > stamp.length() ? id.substring(stamp.length() + 1) : "1";
        return stamp + String.format("%05d", Integer.parseInt(suffix));
    }

    private Path jsonPath(String id) {
        return dir.resolve(id + ".json");
    }

    private Path markdownPath(String id) {
        return dir.resolve(id + ".md");
    }
}
