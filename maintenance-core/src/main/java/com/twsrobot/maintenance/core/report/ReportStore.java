package com.twsrobot.maintenance.core.report;

import com.twsrobot.maintenance.api.ReportSummary;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Report files {@code <dir>/<report_id>.json} and {@code .md}: ids, writing, listing and reading back. */
public final class ReportStore {

    private static final Logger LOG = LoggerFactory.getLogger(ReportStore.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    /** Only ids of this shape are ever turned into paths, so no request can walk out of the directory. */
    public static final Pattern REPORT_ID = Pattern.compile("maintenance_\\d{8}_\\d{6}(_\\d{1,4})?");

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
        if (!isReportId(reportId) || !Files.isRegularFile(jsonPath(reportId))) {
            return Optional.empty();
        }
        try {
            String json = Files.readString(jsonPath(reportId));
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
        if (!isReportId(reportId) || !Files.isRegularFile(markdownPath(reportId))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(markdownPath(reportId)));
        } catch (IOException e) {
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

    /**
     * Removes reports and plans whose run started before {@code cutoff}; never the newest report.
     * Returns the files removed.
     */
    public List<Path> prune(Instant cutoff) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        String newest = list(1).stream().map(ReportSummary::reportId).findFirst().orElse("");
        String cutoffId = "maintenance_" + STAMP.format(cutoff);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                int dot = name.indexOf('.');
                String id = dot < 0 ? name : name.substring(0, dot);
                if (isReportId(id) && !id.equals(newest) && id.substring(0, cutoffId.length()).compareTo(cutoffId) < 0
                        && (name.endsWith(".json") || name.endsWith(".md"))) {
                    Files.deleteIfExists(p);
                    removed.add(p);
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
