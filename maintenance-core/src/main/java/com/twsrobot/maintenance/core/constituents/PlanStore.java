package com.twsrobot.maintenance.core.constituents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.api.Sha256;
import com.twsrobot.maintenance.api.ValidationStatus;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.core.report.ReportStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** Plans live next to their report: {@code <reports>/<report_id>.<task>.plan.json}. */
public final class PlanStore {

    private static final Pattern TASK_NAME = Pattern.compile("[a-z0-9_]{1,64}");

    private final Path dir;
    private final AtomicFileWriter writer;

    public PlanStore(Path reportsDir, AtomicFileWriter writer) {
        this.dir = reportsDir;
        this.writer = writer;
    }

    public void save(Plan plan) throws IOException {
        ObjectNode node = ReportJson.mapper().createObjectNode();
        node.put("report_id", plan.reportId());
        node.put("task", plan.task());
        node.put("file", plan.file());
        node.put("base_sha256", plan.baseSha256());
        node.put("created_at", plan.createdAt().toString());
        node.put("validation", plan.validation().wireName());
        node.put("allow_large_change", plan.allowLargeChange());
        node.put("source", plan.source());
        node.put("content_sha256", Sha256.hex(plan.content().getBytes(StandardCharsets.UTF_8)));
        node.put("content", plan.content());
        writer.write(path(plan.reportId(), plan.task()), ReportJson.pretty(node).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The plan a dry run saved for {@code task}; empty if there is none.
     *
     * @throws IOException when a plan file exists but is unreadable or was altered (checksum mismatch)
     */
    public Optional<Plan> load(String reportId, String task) throws IOException {
        if (!ReportStore.isReportId(reportId) || !TASK_NAME.matcher(task).matches()) {
            return Optional.empty();
        }
        Path file = path(reportId, task);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode node = ReportJson.mapper().readTree(file.toFile());
        String content = node.path("content").asText();
        if (!Sha256.hex(content.getBytes(StandardCharsets.UTF_8)).equals(node.path("content_sha256").asText())) {
            throw new IOException("plan " + file + " does not match its checksum; it was altered after the preview");
        }
        return Optional.of(new Plan(node.path("report_id").asText(), node.path("task").asText(), node.path("file").asText(),
                node.path("base_sha256").asText(), Instant.parse(node.path("created_at").asText()),
                ValidationStatus.fromWireName(node.path("validation").asText()),
                node.path("allow_large_change").asBoolean(), node.path("source").asText(), content));
    }

    private Path path(String reportId, String task) {
        return dir.resolve(reportId + "." + task + ".plan.json");
    }

}
