package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.CauseFormatter;
import com.twsrobot.maintenance.api.ReportSummary;
import com.twsrobot.maintenance.api.RunReport;
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
import java.util.Collections;
import java.util.Iterator;
import com.twsrobot.maintenance.api.TaskStatus;
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
    private final ReportIndex index;
    private final java.time.Clock clock;
    /** The newest reports as last read, by how many, with the index generation they were read at. */
    private final Map<Integer, Recent> recent = new java.util.concurrent.ConcurrentHashMap<>();

    /** The most reports {@link #recent} caches: what health and the metrics scrape read. */
    public static final int RECENT_CACHED = 50;

    private record Recent(long generation, List<RunReport> reports) {
    }

    /** A report as read, with the index entry it had then: reused while the entry is the same. */
    private record ReadReport(ReportIndex.Entry entry, RunReport report) {
    }

    private final Map<String, ReadReport> readReports = new java.util.concurrent.ConcurrentHashMap<>();

    public ReportStore(Path dir, AtomicFileWriter writer) {
        this(dir, writer, java.time.Clock.systemUTC());
    }

    /**
     * A store whose ages (of files left by crashed writers) are measured on {@code clock}, the runner's;
     * the two-argument form, for readers outside a runner, measures on the system clock.
     */
    public ReportStore(Path dir, AtomicFileWriter writer, java.time.Clock clock) {
        this.clock = clock;
        this.dir = dir;
        this.writer = writer;
        this.index = ReportIndex.of(dir);
    }

    public Path dir() {
        return dir;
    }

    /** The index of this directory (shared by every store of it in this JVM). */
    public ReportIndex index() {
        return index;
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
                index.record(() -> {
                    Files.createFile(jsonPath(id));
                    return List.of(ReportIndex.Entry.marker(id, ReportIndex.RESERVED));
                });
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
        write(report, report.dryRun() ? writer.withoutFsync() : writer, true);
    }

    /** Writes a report's JSON (and its Markdown when {@code markdown}) with {@code w}, and indexes it. */
    public void write(RunReport report, AtomicFileWriter w, boolean markdown) throws IOException {
        index.record(() -> {
            w.write(jsonPath(report.reportId()), ReportJson.write(report).getBytes(StandardCharsets.UTF_8));
            if (markdown) {
                w.write(markdownPath(report.reportId()), ReportMarkdown.write(report).getBytes(StandardCharsets.UTF_8));
            }
            return List.of(ReportIndex.Entry.of(report));
        });
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
            LOG.warn("report {} could not be read: {}", reportId, CauseFormatter.describe(e));
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
            LOG.warn("report {} could not be read: {}", reportId, CauseFormatter.describe(e));
            return Optional.empty();
        }
    }

    /** The newest {@code limit} reports first; unreadable files are skipped. */
    public List<ReportSummary> list(int limit) {
        return list(ReportFilter.newest(limit));
    }

    /** The reports the filter selects, newest first (the index picks them; only those are read). */
    public List<ReportSummary> list(ReportFilter filter) {
        return select(filter).stream().map(RunReport::summary).toList();
    }

    /**
     * The history's generation: it changes whenever a report is added, changes or goes (from this
     * process or another), so a cache of what was computed from the reports stays valid while it is
     * the same. Costs a look at the directory's time and the index's small state file; -1 when the
     * index cannot be used (then nothing should be cached).
     */
    public long generation() {
        try {
            return index.sync();
        } catch (IOException | RuntimeException e) {
            LOG.debug("report index unusable: {}", e.toString());
            return -1;
        }
    }

    /**
     * The {@code limit} newest whole reports (newest first), read again only when the history's
     * {@link #generation()} changed; up to {@value #RECENT_CACHED} are cached.
     */
    public List<RunReport> recent(int limit) {
        if (limit > RECENT_CACHED) {
            return select(ReportFilter.newest(limit));
        }
        long generation = generation();
        Recent cached = recent.get(limit);
        if (generation >= 0 && cached != null && cached.generation() == generation) {
            return cached.reports();
        }
        List<RunReport> reports;
        try {
            reports = newestReusing(limit);
        } catch (IOException | RuntimeException e) {
            reports = List.copyOf(select(ReportFilter.newest(limit)));
        }
        if (generation >= 0) {
            recent.put(limit, new Recent(generation, reports));
        }
        return reports;
    }

    /**
     * The newest {@code limit} reports, reading only those whose index entry is new or changed since
     * they were last read (after one new report, one file), the others reused.
     */
    private List<RunReport> newestReusing(int limit) throws IOException {
        Iterator<ReportIndex.Entry> entries = index.newestFirst(e -> !e.state().equals(ReportIndex.UNREADABLE));
        List<RunReport> out = new ArrayList<>();
        Map<String, ReadReport> seen = new HashMap<>();
        while (out.size() < limit && entries.hasNext()) {
            ReportIndex.Entry e = entries.next();
            ReadReport known = readReports.get(e.id());
            RunReport report;
            if (known != null && known.entry().equals(e)) {
                report = known.report();
            } else {
                Optional<RunReport> fresh = read(e.id());
                if (fresh.isEmpty()) {
                    continue;
                }
                report = fresh.get();
            }
            seen.put(e.id(), new ReadReport(e, report));
            out.add(report);
        }
        readReports.putAll(seen);
        if (readReports.size() > 2 * RECENT_CACHED) {
            readReports.keySet().retainAll(seen.keySet());
        }
        return List.copyOf(out);
    }

    /** The whole reports the filter selects, newest first, each file read once. */
    public List<RunReport> select(ReportFilter filter) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Iterator<ReportIndex.Entry> candidates;
        try {
            candidates = index.newestFirst(e -> matches(filter, e));
        } catch (IOException | RuntimeException e) {
            LOG.warn("report index in {} unusable ({}); reading every report", dir, CauseFormatter.describe(e));
            candidates = scanAll().stream().map(id -> ReportIndex.Entry.marker(id, "unknown")).iterator();
        }
        List<RunReport> out = new ArrayList<>();
        int skip = filter.offset();
        while (out.size() < filter.limit() && candidates.hasNext()) {
            // The file is the truth: the index only picks which files to read.
            Optional<RunReport> report = read(candidates.next().id()).filter(filter::matches);
            if (report.isPresent() && skip-- <= 0) {
                out.add(report.get());
            }
        }
        return out;
    }

    /** Whether an index entry may be one the filter selects (the report file has the last word). */
    private static boolean matches(ReportFilter filter, ReportIndex.Entry e) {
        if (e.state().equals(ReportIndex.UNREADABLE)) {
            return false;
        }
        if (filter.dryRun().isPresent() && e.dryRun() != filter.dryRun().get()) {
            return false;
        }
        if (filter.task().isEmpty()) {
            return filter.status().isEmpty() || e.state().equals(filter.status().get().wireName());
        }
        return e.ran(filter.task().get(), filter.status().map(TaskStatus::wireName).orElse(null));
    }

    /** Every report id in the directory, newest first: the fallback when the index cannot be used. */
    List<String> scanAll() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .filter(ReportStore::isReportId)
                    .sorted(Comparator.comparingLong(ReportIndex::sortKey).reversed())
                    .toList();
        } catch (IOException e) {
            LOG.warn("could not list reports in {}: {}", dir, CauseFormatter.describe(e));
            return List.of();
        }
    }

    /**
     * The reports that may be {@code in_progress}: those the index has as reserved or under way
     * (every report when the index cannot be used), oldest first.
     */
    List<String> maybeInProgress() {
        try {
            return index.openIds();
        } catch (IOException | RuntimeException e) {
            LOG.warn("report index in {} unusable ({}); reading every report", dir, CauseFormatter.describe(e));
            List<String> all = new ArrayList<>(scanAll());
            Collections.reverse(all);
            return all;
        }
    }

    /** Reads report {@code id} again into the index (its file changed without its line). */
    void reindex(String id) {
        try {
            Optional<RunReport> report = read(id);
            if (report.isPresent()) {
                index.record(() -> List.of(ReportIndex.Entry.of(report.get())));
            }
        } catch (IOException e) {
            LOG.debug("could not re-index {}: {}", id, e.toString());
        }
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
     * Only the reports older than the cutoff are looked at, from the index (what each wrote is in it),
     * so its cost does not grow with the history kept. Returns the files removed.
     */
    public List<Path> prune(Instant cutoff, Set<String> keep) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        String newest = list(1).stream().map(ReportSummary::reportId).findFirst().orElse("");
        String cutoffId = "maintenance_" + STAMP.format(cutoff);
        List<ReportIndex.Entry> old;
        try {
            old = index.olderThan(cutoffId);
        } catch (IOException | RuntimeException e) {
            LOG.warn("report index in {} unusable ({}); pruning from a full listing", dir, CauseFormatter.describe(e));
            return pruneByListing(cutoffId, newest, keep);
        }
        Map<String, String> currentShas = new HashMap<>();
        for (ReportIndex.Entry e : old) {
            String id = e.id();
            if (id.equals(newest) || keep.contains(id) || e.state().equals(ReportIndex.UNREADABLE)) {
                continue; // an unreadable report is kept, not guessed about
            }
            // A run under way may have written more since its line: its file says what it replaced.
            boolean produced = e.open() ? producedCurrentVersion(id, currentShas)
                    : producedCurrentVersion(e.written(), currentShas);
            if (produced) {
                continue;
            }
            List<Path> files = new ArrayList<>(List.of(jsonPath(id), markdownPath(id)));
            e.taskNames().forEach(task -> files.add(dir.resolve(id + "." + task + ".plan.json")));
            index.record(() -> {
                for (Path p : files) {
                    if (Files.deleteIfExists(p)) {
                        removed.add(p);
                    }
                }
                return List.of(ReportIndex.Entry.marker(id, ReportIndex.DELETED));
            });
        }
        return removed;
    }

    /** The pruning of every file before {@code cutoffId}, by listing: when the index cannot be used. */
    private List<Path> pruneByListing(String cutoffId, String newest, Set<String> keep) throws IOException {
        List<Path> removed = new ArrayList<>();
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
        return producedCurrentVersion(ReportIndex.writtenVersions(report.get()), currentShas);
    }

    /** Whether one of the {@code file → sha256} a report wrote is what that file holds now. */
    private static boolean producedCurrentVersion(Map<String, String> written, Map<String, String> currentShas) {
        for (Map.Entry<String, String> w : written.entrySet()) {
            String now = currentShas.computeIfAbsent(w.getKey(), f -> InterruptedRuns.currentSha(Path.of(f)));
            if (now.equals(w.getValue())) {
                return true;
            }
        }
        return false;
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
        java.nio.file.attribute.FileTime cutoff = java.nio.file.attribute.FileTime.from(clock.instant().minus(minAge));
        // Only the reports the index has as reserved or under way can be empty (all of them without an index).
        for (String id : maybeInProgress()) {
            Path p = jsonPath(id);
            try {
                var attributes = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                if (attributes.isRegularFile() && attributes.size() == 0
                        && attributes.lastModifiedTime().compareTo(cutoff) <= 0) {
                    index.record(() -> {
                        if (Files.deleteIfExists(p)) {
                            removed.add(p);
                        }
                        return List.of(ReportIndex.Entry.marker(id, ReportIndex.DELETED));
                    });
                }
            } catch (java.nio.file.NoSuchFileException gone) {
                // another run replaced or removed it meanwhile
            }
        }
        return removed;
    }

    /**
     * The content date recorded by the newest report that wrote this version of a file (its SHA-256), so
     * the date survives between runs: {@code detail.content} of that report's result for the file.
     *
     * @param fileName the constituent file's name (its index spec's {@code fileName()})
     * @param sha256   the version on disk
     * @return the content date, empty when no readable report wrote that version or it recorded none
     */
    public Optional<com.twsrobot.maintenance.api.ContentDate> contentDateOf(String fileName, String sha256) {
        // A version's date never changes, so a found one is kept; an unknown one is looked up again (the
        // report that wrote the file may land just after the rename).
        String key = fileName + "@" + sha256;
        Optional<com.twsrobot.maintenance.api.ContentDate> known = contentDates.get(key);
        if (known != null) {
            return known;
        }
        Optional<com.twsrobot.maintenance.api.ContentDate> found = findContentDate(fileName, sha256);
        if (found.isPresent()) {
            if (contentDates.size() >= 1000) {
                contentDates.clear();
            }
            contentDates.put(key, found);
        }
        return found;
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Optional<com.twsrobot.maintenance.api.ContentDate>>
            contentDates = new java.util.concurrent.ConcurrentHashMap<>();

    private Optional<com.twsrobot.maintenance.api.ContentDate> findContentDate(String fileName, String sha256) {
        try {
            // A recent run that read this content (written or found already in place) ...
            for (RunReport recent : recent(RECENT_CACHED)) {
                for (com.twsrobot.maintenance.api.TaskResult r : recent.results()) {
                    Map<String, Object> d = TaskDetails.toMap(r.detail());
                    if (sha256.equals(d.get("content_sha256")) && d.get("file") instanceof String f
                            && fileName.equals(java.nio.file.Path.of(f).getFileName().toString())) {
                        return com.twsrobot.maintenance.core.constituents.ContentDates.fromDetail(d.get("content"));
                    }
                }
            }
            // ... else the report that wrote this version, however old (the index keeps who wrote what).
            for (String id : index.wrote(fileName, sha256)) {
                Optional<RunReport> report = read(id);
                if (report.isEmpty()) {
                    continue;
                }
                for (com.twsrobot.maintenance.api.TaskResult r : report.get().results()) {
                    Map<String, Object> d = TaskDetails.toMap(r.detail());
                    if (d.get("file") instanceof String f && fileName.equals(java.nio.file.Path.of(f)
                            .getFileName().toString())) {
                        return com.twsrobot.maintenance.core.constituents.ContentDates.fromDetail(d.get("content"));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the status says "unknown" rather than fail
        }
        return Optional.empty();
    }

    /**
     * Removes temp files at least {@code minAge} old that a crashed writer left in the reports directory.
     * Every writer that keeps the index writes under its lock, so a crash mid-write leaves the index
     * behind the directory; the reader that catches up notices temp names and marks a sweep due. The
     * directory is walked only then (or when {@code force}: runs were found interrupted). The index's own
     * directory is swept every time ({@link ReportIndex#sweepOwnTempFiles()}).
     */
    public List<Path> sweepTempFiles(Duration minAge, boolean force) throws IOException {
        List<Path> removed = new ArrayList<>(index.sweepOwnTempFiles());
        boolean due;
        try {
            due = force || index.sweepDue();
        } catch (IOException | RuntimeException e) {
            due = true;
        }
        if (!due || !Files.isDirectory(dir)) {
            return removed;
        }
        index.record(() -> {
            removed.addAll(com.twsrobot.maintenance.core.io.TempFileSweeper.sweep(List.of(dir), minAge, clock));
            return List.of();
        });
        boolean left;
        try (Stream<Path> files = Files.list(dir)) {
            left = files.anyMatch(p -> AtomicFileWriter.TEMP_NAME.matcher(p.getFileName().toString()).matches());
        }
        index.sweepDone(left);
        return removed;
    }

    public static boolean isReportId(String id) {
        return id != null && REPORT_ID.matcher(id).matches();
    }

    private Path jsonPath(String id) {
        return dir.resolve(id + ".json");
    }

    private Path markdownPath(String id) {
        return dir.resolve(id + ".md");
    }
}
