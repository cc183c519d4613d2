package com.twsrobot.maintenance.core.invalidation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.api.CacheInvalidator;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.io.OwnFiles;
import com.twsrobot.maintenance.core.report.ReportJson;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a host that polls one small file: after each replace it atomically rewrites
 * {@code <data>/.generation/<index>.json} with {@code {"index","generation","sha256","report_id","file",
 * "changed_at"}}, the generation one higher each time. A host compares the generation it loaded with
 * the file's. Writes run under the run lock, so the counter never races.
 */
public final class MarkerFileInvalidator implements CacheInvalidator {

    /** The folder below the data directory. */
    public static final String DIR = ".generation";

    /** A marker holds one small JSON object; anything this large is not one we wrote. */
    static final long MAX_MARKER_BYTES = 64 * 1024;

    private final Path dataDir;
    private final Path dir;
    private final AtomicFileWriter writer;
    private final java.time.Clock clock;

    /** A marker writer whose changes told without a time are stamped from {@code clock}, the runner's. */
    public MarkerFileInvalidator(Path dataDir, AtomicFileWriter writer, java.time.Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.dir = dataDir.resolve(DIR);
        this.writer = writer;
    }

    @Override
    public String name() {
        return "marker " + dir;
    }

    /** The marker file of {@code index}. */
    public Path file(String index) {
        return dir.resolve(index + ".json");
    }

    @Override
    public void invalidate(String index) throws Exception {
        invalidate(new Change(index, "", "", "", clock.instant()));
    }

    @Override
    public synchronized void invalidate(Change change) throws Exception {
        // The folder and the marker are ours: a link at either is refused, never written through.
        Path marker = OwnFiles.directory(dataDir, DIR).resolve(change.index() + ".json");
        OwnFiles.refuseLink(marker);
        long generation = 0;
        if (Files.exists(marker)) {
            JsonNode old = ReportJson.mapper().readTree(OwnFiles.readString(marker, MAX_MARKER_BYTES, "marker file"));
            generation = old.path("generation").asLong(0);
        }
        ObjectNode node = ReportJson.mapper().createObjectNode();
        node.put("index", change.index());
        node.put("generation", generation + 1);
        node.put("sha256", change.sha256());
        node.put("report_id", change.reportId());
        node.put("file", change.file());
        node.put("changed_at", ReportJson.timestamp(change.at()));
        writer.write(marker, ReportJson.pretty(node).getBytes(StandardCharsets.UTF_8));
    }
}
