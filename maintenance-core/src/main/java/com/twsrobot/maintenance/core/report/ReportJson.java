package com.twsrobot.maintenance.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twsrobot.maintenance.api.IndexStatus;
import com.twsrobot.maintenance.api.MaintenanceStatus;
import com.twsrobot.maintenance.api.ReportSummary;
import com.twsrobot.maintenance.api.RunDetail;
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
import java.util.Objects;

/**
 * Reports to and from JSON with the request's snake_case keys in a fixed order: a run's report and its
 * task results through their declared layout ({@link ReportLayout}; the API module stays free of Jackson),
 * the other views (status, sync log, comparisons) as trees.
 */
public final class ReportJson {

    // A duration keeps its three decimals (0.200) on its way through a tree.
    private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    private ReportJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Writes a run's report and reads a constituent detail into its record, into the void: Jackson
     * builds its (de)serializers of a type on its first use, by reflection on every component, and
     * that is most of a short process's report writing. For a process to call on a spare thread while
     * it starts up, so the run's first report ({@code in_progress}) does not wait for it.
     */
    public static void prewarm() {
        RunDetail detail = RunDetail.builder().mode("dry_run").requestedTasks(List.of("prewarm")).pid(1L).host("prewarm")
                .processStartedAt("2000-01-01T00:00:00Z").build();
        write(new RunReport("prewarm", TaskStatus.IN_PROGRESS, true, Instant.EPOCH, Instant.EPOCH, 0, List.of(),
                List.of(), List.of(), detail));
        TaskDetails.of(Map.of("file", "prewarm", "proposed_rows", 0));
    }

    public static String write(RunReport report) {
        return pretty(toTree(report));
    }

    /** A run's report in its declared layout ({@link ReportLayout.Run}). */
    public static ObjectNode toTree(RunReport report) {
        return MAPPER.valueToTree(layout(report));
    }

    /** A task's result in its declared layout ({@link ReportLayout.Task}). */
    public static ObjectNode toTree(TaskResult result) {
        return MAPPER.valueToTree(layout(result));
    }

    private static ReportLayout.Run layout(RunReport report) {
        return new ReportLayout.Run(report.reportId(), report.status().wireName(), report.dryRun(),
                timestamp(report.startedAt()), timestamp(report.finishedAt()), seconds(report.durationSeconds()),
                report.results().stream().map(ReportJson::layout).toList(), report.warnings(), report.errors(),
                withNotices(TaskDetails.toMap(report.detail()), NoticeJson.entries(report.notices(), NoticeJson.RUN)));
    }

    private static ReportLayout.Task layout(TaskResult result) {
        List<NoticeJson.Entry> coded = new ArrayList<>(NoticeJson.entries(result.notices(), NoticeJson.TASK));
        coded.addAll(NoticeJson.entries(result.validation().notices(), NoticeJson.VALIDATION));
        ValidationResult v = result.validation();
        return new ReportLayout.Task(result.task(), result.status().wireName(), result.dryRun(), result.source(),
                timestamp(result.startedAt()), timestamp(result.finishedAt()), seconds(result.durationSeconds()),
                result.beforeCount(), result.afterCount(), changes(result.added()), changes(result.removed()),
                new ReportLayout.Validation(v.status().wireName(), v.warnings(), v.errors()), result.warnings(),
                result.errors(), withNotices(TaskDetails.toMap(result.detail()), coded));
    }

    /** The detail as written: the task's or run's own facts, then the codes of its warnings and errors. */
    private static Map<String, Object> withNotices(Map<String, Object> detail, List<NoticeJson.Entry> coded) {
        if (coded.isEmpty()) {
            return detail;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>(detail);
        out.put(NoticeJson.KEY, coded);
        return out;
    }

    private static List<ReportLayout.Change> changes(List<SymbolChange> values) {
        return values.stream().map(c -> new ReportLayout.Change(c.symbol(), c.security())).toList();
    }

    /** Two versions of a task's file compared ({@code diff}, {@code backups/compare}): the same change lists as a report. */
    public static ObjectNode toTree(String task, String from, String to,
                                    com.twsrobot.maintenance.api.TableDiff diff) {
        ObjectNode node = MAPPER.createObjectNode().put("task", task).put("from", from).put("to", to);
        changes(node.putArray("added"), diff.added());
        changes(node.putArray("removed"), diff.removed());
        ArrayNode changed = node.putArray("changed_rows");
        diff.changed().forEach(c -> changed.addObject().put("symbol", c.symbol()).put("field", c.field())
                .put("old", c.oldValue()).put("new", c.newValue()));
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
        // The mode as detail.mode records it, and in words: what a list shows (a rollback preview is one).
        node.put("mode", summary.mode().label());
        node.put("mode_title", summary.mode().title());
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

    /** Reads a report; keys this version does not know are ignored, and a missing list is empty. */
    public static RunReport read(String json) throws JsonProcessingException {
        ReportLayout.Run run = READER.readValue(json, ReportLayout.Run.class);
        Map<String, Object> detail = orEmpty(run.detail());
        List<TaskResult> results = new ArrayList<>();
        for (ReportLayout.Task task : orEmpty(run.results())) {
            results.add(readResult(task));
        }
        return new RunReport(Objects.requireNonNullElse(run.reportId(), ""),
                TaskStatus.fromWireName(Objects.requireNonNullElse(run.status(), "")), run.dryRun(),
                Instant.parse(String.valueOf(run.startedAt())), Instant.parse(String.valueOf(run.finishedAt())),
                seconds(run.durationSeconds()), results, NoticeJson.notices(orEmpty(run.warnings()),
                orEmpty(run.errors()), NoticeJson.read(MAPPER, detail), NoticeJson.RUN), TaskDetails.ofRun(withoutNotices(detail)));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper READER = MAPPER.copy()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The detail without the notices' codes (they belong to the warnings and errors). */
    private static Map<String, Object> withoutNotices(Map<String, Object> detail) {
        if (!(detail.get(NoticeJson.KEY) instanceof List)) {
            return detail;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>(detail);
        out.remove(NoticeJson.KEY);
        return out;
    }

    private static TaskResult readResult(ReportLayout.Task task) {
        Map<String, Object> detail = orEmpty(task.detail());
        List<NoticeJson.Entry> coded = NoticeJson.read(MAPPER, detail);
        ReportLayout.Validation v = task.validation() != null ? task.validation()
                : new ReportLayout.Validation(null, List.of(), List.of());
        ValidationResult validation = new ValidationResult(
                ValidationStatus.fromWireName(Objects.requireNonNullElse(v.status(), "not_run")),
                NoticeJson.notices(orEmpty(v.warnings()), orEmpty(v.errors()), coded, NoticeJson.VALIDATION));
        return new TaskResult(Objects.requireNonNullElse(task.task(), ""),
                TaskStatus.fromWireName(Objects.requireNonNullElse(task.status(), "")), task.dryRun(),
                Objects.requireNonNullElse(task.source(), ""), Instant.parse(String.valueOf(task.startedAt())),
                Instant.parse(String.valueOf(task.finishedAt())), seconds(task.durationSeconds()), task.beforeCount(),
                task.afterCount(), readChanges(task.added()), readChanges(task.removed()), validation,
                NoticeJson.notices(orEmpty(task.warnings()), orEmpty(task.errors()), coded, NoticeJson.TASK),
                TaskDetails.of(withoutNotices(detail)));
    }

    private static double seconds(BigDecimal value) {
        return value == null ? 0 : value.doubleValue();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Map<String, Object> orEmpty(Map<String, Object> map) {
        return map == null ? Map.of() : map;
    }

    private static List<SymbolChange> readChanges(List<ReportLayout.Change> changes) {
        return orEmpty(changes).stream().map(c -> new SymbolChange(String.valueOf(c.symbol()),
                Objects.requireNonNullElse(c.security(), ""))).toList();
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
        values.forEach(c -> array.add(MAPPER.valueToTree(new ReportLayout.Change(c.symbol(), c.security()))));
    }

}
