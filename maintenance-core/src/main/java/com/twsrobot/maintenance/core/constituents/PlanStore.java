package com.twsrobot.maintenance.core.constituents;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.api.Sha256;
import com.twsrobot.maintenance.api.ValidationStatus;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.io.OwnFiles;
import com.twsrobot.maintenance.core.report.ReportJson;
import com.twsrobot.maintenance.core.report.ReportStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Plans live next to their report: {@code <reports>/<report_id>.<task>.plan.json}. */
public final class PlanStore {

    private static final Pattern TASK_NAME = Pattern.compile("[a-z0-9_]{1,64}");

    /** Duplicate keys and trailing data are an altered file, not something to guess about. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * How many times the largest current file ({@code max_file_mib}) a plan file may be: it holds one
     * file's content as a JSON string (quotes and line breaks escaped) plus a few short fields.
     */
    public static final int CAP_TIMES_MAX_FILE = 4;

    private final Path dir;
    private final AtomicFileWriter writer;
    private final long maxBytes;

    /** A store reading plans of at most {@link #capFor} the default {@code max_file_mib}. */
    public PlanStore(Path reportsDir, AtomicFileWriter writer) {
        this(reportsDir, writer, capFor(ConstituentFile.DEFAULT_MAX_BYTES));
    }

    /** A store refusing any plan file larger than {@code maxBytes}, without reading it. */
    public PlanStore(Path reportsDir, AtomicFileWriter writer, long maxBytes) {
        this.dir = reportsDir;
        this.writer = writer;
        this.maxBytes = maxBytes;
    }

    /** The plan cap for a given {@code max_file_mib} in bytes: {@value #CAP_TIMES_MAX_FILE} times it. */
    public static long capFor(long maxFileBytes) {
        return maxFileBytes * CAP_TIMES_MAX_FILE;
    }

    /** The fields a plan file holds, in order; a file with any other field is refused. */
    private static final List<String> FIELDS = List.of("report_id", "task", "file", "base_sha256", "created_at",
            "validation", "allow_large_change", "source", "content_sha256", "content", "checksum");

    /**
     * Saves a plan as a new file (an existing plan is never replaced) and returns its checksum, the
     * SHA-256 over every field; the run's report records it, binding the plan to that report.
     */
    public String save(Plan plan) throws IOException {
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
        String checksum = checksum(node);
        node.put("checksum", checksum);
        byte[] bytes = ReportJson.pretty(node).getBytes(StandardCharsets.UTF_8);
        // Under the report index's lock, so the index knows this change of the reports directory is accounted for.
        com.twsrobot.maintenance.core.report.ReportIndex.of(dir).record(() -> {
            writer.writeNew(path(plan.reportId(), plan.task()), bytes);
            return List.of();
        });
        return checksum;
    }

    /**
     * The plan a dry run saved for {@code task}, checked field by field: its own checksum over every
     * field, and the checksum its report recorded (so an edit with a recomputed checksum is caught too).
     * Empty if there is none.
     *
     * @throws IOException naming what differs when a plan file exists but is unreadable or was altered
     */
    public Optional<Plan> load(String reportId, String task) throws IOException {
        if (!ReportStore.isReportId(reportId) || !TASK_NAME.matcher(task).matches()) {
            return Optional.empty();
        }
        Path file = path(reportId, task);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        // Never through a link, and never more than the cap: a 300 MB plan is refused unread.
        String text = OwnFiles.readString(file, maxBytes, "plan (" + CAP_TIMES_MAX_FILE + " x max_file_mib)");
        ObjectNode node;
        try {
            node = (ObjectNode) STRICT.readTree(text);
        } catch (IOException | ClassCastException e) {
            throw new IOException("plan " + file + " cannot be read: " + e.getMessage());
        }
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        if (!fields.equals(FIELDS)) {
            throw new IOException("plan " + file + " was altered: it has the fields " + fields + ", a plan has " + FIELDS);
        }
        String recorded = node.path("checksum").asText();
        ObjectNode unsigned = node.deepCopy();
        unsigned.remove("checksum");
        if (!checksum(unsigned).equals(recorded)) {
            throw new IOException("plan " + file + " was altered after the preview: its content does not match its checksum");
        }
        String reported = reportedChecksum(reportId, task);
        if (!recorded.equals(reported)) {
            throw new IOException("plan " + file + " was altered after the preview: its checksum is not the one report "
                    + reportId + " recorded for " + task);
        }
        String content = node.path("content").asText();
        if (!reportId.equals(node.path("report_id").asText()) || !task.equals(node.path("task").asText())
                || !Sha256.hex(content.getBytes(StandardCharsets.UTF_8)).equals(node.path("content_sha256").asText())) {
            throw new IOException("plan " + file + " does not belong to report " + reportId + " and task " + task);
        }
        try {
            return Optional.of(new Plan(reportId, task, node.path("file").asText(), node.path("base_sha256").asText(),
                    Instant.parse(node.path("created_at").asText()),
                    ValidationStatus.fromWireName(node.path("validation").asText()),
                    node.path("allow_large_change").asBoolean(), node.path("source").asText(), content));
        } catch (RuntimeException e) {
            throw new IOException("plan " + file + " has a malformed field: " + e.getMessage());
        }
    }

    /** The tasks whose plans report {@code reportId} recorded; empty when there is no such dry-run report. */
    public List<String> tasksOf(String reportId) throws IOException {
        List<String> tasks = new ArrayList<>();
        JsonNode report = readReport(reportId);
        if (report == null || !report.path("dry_run").asBoolean()) {
            return tasks;
        }
        for (JsonNode result : report.path("results")) {
            if (result.path("detail").hasNonNull(PLAN_SHA256)) {
                tasks.add(result.path("task").asText());
            }
        }
        return tasks;
    }

    /** Task-result detail key holding the checksum of the plan the task saved. */
    public static final String PLAN_SHA256 = "plan_sha256";

    private String reportedChecksum(String reportId, String task) throws IOException {
        JsonNode report = readReport(reportId);
        if (report != null) {
            for (JsonNode result : report.path("results")) {
                if (task.equals(result.path("task").asText())) {
                    return result.path("detail").path(PLAN_SHA256).asText("");
                }
            }
        }
        return "";
    }

    private JsonNode readReport(String reportId) throws IOException {
        Path report = dir.resolve(reportId + ".json");
        if (!ReportStore.isReportId(reportId) || !Files.exists(report, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        String text = OwnFiles.readString(report, ReportStore.MAX_REPORT_BYTES, "report");
        return text.isEmpty() ? null : ReportJson.mapper().readTree(text);
    }

    private static String checksum(ObjectNode node) {
        return Sha256.hex(ReportJson.pretty(node).getBytes(StandardCharsets.UTF_8));
    }

    private Path path(String reportId, String task) {
        return dir.resolve(reportId + "." + task + ".plan.json");
    }

}
