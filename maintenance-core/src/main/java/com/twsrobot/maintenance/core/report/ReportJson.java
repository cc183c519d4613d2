package com.twsrobot.maintenance.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.api.IndexStatus;
import com.twsrobot.maintenance.api.MaintenanceStatus;
import com.twsrobot.maintenance.api.ReportSummary;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.SymbolChange;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.api.events.LastSync;
import com.twsrobot.maintenance.api.events.ProviderResult;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.api.ValidationStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reports to and from JSON with the request's snake_case keys in a fixed order. Written by hand
 * rather than by annotations so the API module stays free of Jackson and the key order is explicit.
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(RunReport report) {
        return pretty(toTree(report));
    }

    public static ObjectNode toTree(RunReport report) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("report_id", report.reportId());
        node.put("status", report.status().wireName());
        node.put("dry_run", report.dryRun());
        node.put("started_at", timestamp(report.startedAt()));
        node.put("finished_at", timestamp(report.finishedAt()));
        node.put("duration_seconds", seconds(report.durationSeconds()));
        ArrayNode results = node.putArray("results");
        report.results().forEach(r -> results.add(toTree(r)));
        strings(node.putArray("warnings"), report.warnings());
        strings(node.putArray("errors"), report.errors());
        ObjectNode detail = MAPPER.valueToTree(report.detail());
        NoticeJson.put(MAPPER, detail, NoticeJson.entries(report.notices(), NoticeJson.RUN));
        node.set("detail", detail);
        return node;
    }

    public static ObjectNode toTree(TaskResult result) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("task", result.task());
        node.put("status", result.status().wireName());
        node.put("dry_run", result.dryRun());
        node.put("source", result.source());
        node.put("started_at", timestamp(result.startedAt()));
        node.put("finished_at", timestamp(result.finishedAt()));
        node.put("duration_seconds", seconds(result.durationSeconds()));
        node.put("before_count", result.beforeCount());
        node.put("after_count", result.afterCount());
        changes(node.putArray("added"), result.added());
        changes(node.putArray("removed"), result.removed());
        ObjectNode validation = node.putObject("validation");
        validation.put("status", result.validation().status().wireName());
        strings(validation.putArray("warnings"), result.validation().warnings());
        strings(validation.putArray("errors"), result.validation().errors());
        strings(node.putArray("warnings"), result.warnings());
        strings(node.putArray("errors"), result.errors());
        ObjectNode detail = MAPPER.valueToTree(result.detail());
        List<NoticeJson.Entry> coded = new ArrayList<>(NoticeJson.entries(result.notices(), NoticeJson.TASK));
        coded.addAll(NoticeJson.entries(result.validation().notices(), NoticeJson.VALIDATION));
        NoticeJson.put(MAPPER, detail, coded);
        node.set("detail", detail);
        return node;
    }

    /** Two versions of a task's file compared ({@code diff}, {@code backups/compare}): the same change lists as a report. */
    public static ObjectNode toTree(String task, String from, String to,
                                    com.twsrobot.maintenance.api.TableDiff diff) {
        ObjectNode node = MAPPER.createObjectNode().put("task", task).put("from", from).put("to", to);
        changes(node.putArray("added"), diff.added());
        changes(node.putArray("removed"), diff.removed());
        ArrayNode changed = node.putArray("changed_rows");
        diff.changed().forEach(c -> changed.add(MAPPER.valueToTree(c.toMap())));
        return node;
    }

    /**
     * A comparison of two versions across tasks: {@code {from, to, tasks: [{task, from, to, added, removed,
     * changed_rows}], skipped: [{task, reason}]}}.
     */
    public static ObjectNode toTree(String from, String to,
                                    List<com.twsrobot.maintenance.api.TableDiff.OfTask> comparison) {
        ObjectNode node = MAPPER.createObjectNode().put("from", from).put("to", to);
        ArrayNode tasks = node.putArray("tasks");
        ArrayNode skipped = node.putArray("skipped");
        for (var part : comparison) {
            if (part.diff().isPresent()) {
                tasks.add(toTree(part.task(), from, to, part.diff().get()));
            } else {
                skipped.addObject().put("task", part.task()).put("reason", part.skipped());
            }
        }
        return node;
    }

    public static ObjectNode toTree(ReportSummary summary) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("report_id", summary.reportId());
        node.put("status", summary.status().wireName());
        node.put("dry_run", summary.dryRun());
        node.put("started_at", timestamp(summary.startedAt()));
        node.put("finished_at", timestamp(summary.finishedAt()));
        node.put("warning_count", summary.warningCount());
        node.put("error_count", summary.errorCount());
        return node;
    }

    public static ObjectNode toTree(MaintenanceStatus status) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("generated_at", timestamp(status.generatedAt()));
        ArrayNode indexes = node.putArray("constituents");
        for (IndexStatus index : status.indexes()) {
            ObjectNode i = indexes.addObject();
            i.put("index", index.index());
            i.put("task", index.task());
            i.put("title", index.title());
            i.put("file", index.file());
            i.put("last_refreshed", index.lastModified().map(ReportJson::timestamp).orElse(null));
            i.put("row_count", index.rowCount().orElse(null));
            i.put("source", index.source());
            if (index.content().isPresent()) {
                i.set("content", MAPPER.valueToTree(com.twsrobot.maintenance.core.constituents.ContentDates.toMap(
                        index.content().get(), status.generatedAt())));
            } else {
                i.putNull("content");
            }
            i.put("content_note", index.contentNote());
            ObjectNode v = i.putObject("validation");
            v.put("status", index.validation().status().wireName());
            strings(v.putArray("warnings"), index.validation().warnings());
            strings(v.putArray("errors"), index.validation().errors());
        }
        if (status.latestReport().isPresent()) {
            node.set("latest_report", toTree(status.latestReport().get()));
        } else {
            node.putNull("latest_report");
        }
        ObjectNode events = node.putObject("market_events");
        events.put("available", status.marketEventsAvailable());
        if (status.marketEvents().isPresent()) {
            LastSync s = status.marketEvents().get();
            events.put("last_sync_at", timestamp(s.finishedAt()));
            events.put("sync_id", s.syncId());
            events.put("status", s.status());
            events.put("fetched_count", s.fetchedCount());
            events.put("upserted_count", s.upsertedCount());
            events.put("stale_count", s.staleCount());
            events.put("error_count", s.errorCount());
            events.put("provider_count", s.providerCount());
        } else {
            events.putNull("last_sync_at");
            events.put("message", status.marketEventsAvailable() ? "no market-events sync yet"
                    : "no market-events service is configured in this runner");
        }
        strings(node.putArray("market_open"), status.marketOpen());
        strings(node.putArray("calendar_warnings"), status.calendarWarnings());
        return node;
    }

    /** One sync-log row with the host's column names. */
    public static ObjectNode toTree(ProviderResult p) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("sync_id", p.syncId());
        node.put("provider", p.provider());
        node.put("event_type", p.eventType());
        node.put("status", p.status());
        node.put("fetched_count", p.fetchedCount());
        node.put("inserted_count", p.insertedCount());
        node.put("updated_count", p.updatedCount());
        node.put("upserted_count", p.upsertedCount());
        node.put("stale_count", p.staleCount());
        node.put("error_count", p.errorCount());
        node.put("error_message", p.errorMessage());
        strings(node.putArray("warnings"), p.warnings());
        node.put("started_at", timestamp(p.startedAt()));
        node.put("finished_at", timestamp(p.finishedAt()));
        return node;
    }

    /** Pretty JSON of any tree, with a final newline. */
    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RunReport read(String json) throws JsonProcessingException {
        JsonNode node = MAPPER.readTree(json);
        List<TaskResult> results = new ArrayList<>();
        for (JsonNode r : node.path("results")) {
            results.add(readResult(r));
        }
        List<NoticeJson.Entry> coded = NoticeJson.read(MAPPER, node.path("detail"));
        return new RunReport(node.path("report_id").asText(), TaskStatus.fromWireName(node.path("status").asText()),
                node.path("dry_run").asBoolean(), Instant.parse(node.path("started_at").asText()),
                Instant.parse(node.path("finished_at").asText()), node.path("duration_seconds").asDouble(), results,
                NoticeJson.notices(readStrings(node.path("warnings")), readStrings(node.path("errors")), coded,
                        NoticeJson.RUN), readDetail(node.path("detail")));
    }

    /** The detail as a map, without the notices' codes (they belong to the warnings and errors). */
    private static Map<String, Object> readDetail(JsonNode node) {
        if (!node.isObject()) {
            return Map.of();
        }
        Map<String, Object> detail = MAPPER.convertValue(node, new TypeReference<java.util.LinkedHashMap<String, Object>>() {
        });
        if (node.path(NoticeJson.KEY).isArray()) {
            detail.remove(NoticeJson.KEY);
        }
        return detail;
    }

    private static TaskResult readResult(JsonNode node) {
        JsonNode v = node.path("validation");
        List<NoticeJson.Entry> coded = NoticeJson.read(MAPPER, node.path("detail"));
        ValidationResult validation = new ValidationResult(ValidationStatus.fromWireName(v.path("status").asText("not_run")),
                NoticeJson.notices(readStrings(v.path("warnings")), readStrings(v.path("errors")), coded,
                        NoticeJson.VALIDATION));
        Map<String, Object> detail = readDetail(node.path("detail"));
        return new TaskResult(node.path("task").asText(), TaskStatus.fromWireName(node.path("status").asText()),
                node.path("dry_run").asBoolean(), node.path("source").asText(""),
                Instant.parse(node.path("started_at").asText()), Instant.parse(node.path("finished_at").asText()),
                node.path("duration_seconds").asDouble(), optionalInt(node.path("before_count")),
                optionalInt(node.path("after_count")), readChanges(node.path("added")),
                readChanges(node.path("removed")), validation, NoticeJson.notices(readStrings(node.path("warnings")),
                readStrings(node.path("errors")), coded, NoticeJson.TASK), detail);
    }

    /** ISO-8601 UTC to the second, as in the request's example ({@code 2026-06-24T00:00:04Z}). */
    public static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static BigDecimal seconds(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void changes(ArrayNode array, List<SymbolChange> values) {
        for (SymbolChange change : values) {
            array.addObject().put("symbol", change.symbol()).put("security", change.security());
        }
    }

    private static List<String> readStrings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<SymbolChange> readChanges(JsonNode array) {
        List<SymbolChange> out = new ArrayList<>();
        array.forEach(n -> out.add(new SymbolChange(n.path("symbol").asText(), n.path("security").asText(""))));
        return out;
    }

    private static Integer optionalInt(JsonNode node) {
        return node.isNumber() ? node.asInt() : null;
    }
}
