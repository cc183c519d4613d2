package com.twsrobot.maintenance.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.twsrobot.maintenance.api.ConstituentDetail;
import com.twsrobot.maintenance.api.EventSyncDetail;
import com.twsrobot.maintenance.api.FileWriteDetail;
import com.twsrobot.maintenance.api.LocalFilesDetail;
import com.twsrobot.maintenance.api.PluginDetail;
import com.twsrobot.maintenance.api.RunDetail;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.TableDiff;
import com.twsrobot.maintenance.api.TaskDetail;
import com.twsrobot.maintenance.api.TaskResult;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task result's {@code detail} as its typed record, and back. The mapping is declared: the records'
 * components in snake case, and mix-ins for the few keys that are not (a change's {@code old} and
 * {@code new}); a null component is a key the report did not state and is written absent.
 * The kind is told by the keys: a detail whose keys all belong to one kind (and include one only that
 * kind writes) is that kind's record, <em>provided the record writes back the same JSON tree</em>
 * (numbers compared by value, key order free). Any other detail (a plug-in's, or an old or foreign
 * report's with a key or a value no record names) is the open {@link PluginDetail}, whole: a rewrite
 * (marking a report interrupted, say) loses nothing, and no fact is dropped from a view. Keeping such a
 * detail whole, rather than splitting it into a record and a remainder, means a record is only ever what
 * its kind's writer wrote. Reports written before this type existed read the same way.
 */
public final class TaskDetails {

    /** Keys only a constituent refresh writes. */
    private static final Set<String> CONSTITUENT_ONLY = Set.of("enriched_rows", "proposed_rows", "second_opinion",
            "changed_rows", "change_classification", "renames", "content", "content_sha256", "plan_id", "plan_sha256",
            "restored_backup", "written_through_link");
    /** Keys a file write records ({@code FileWrite.reportInto}) with the task's own file, note and change. */
    private static final Set<String> FILE_WRITE = Set.of("file", "message", "changed", "written", "sha256", "backup",
            "backup_id", "caches_invalidated", "cache_invalidation", "pruned_backups", TaskResult.CAUSE);
    private static final Set<String> CONSTITUENT = union(CONSTITUENT_ONLY, FILE_WRITE);
    private static final Set<String> EVENT_SYNC = Set.of("mode", "sync_id", "window", "symbols", "symbol_sources",
            "providers", "totals", "changes", "lock_held_by", TaskResult.CAUSE);
    private static final Set<String> LOCAL_FILES = Set.of("files");

    /** Mix-in: a field change's values are {@code old} and {@code new}. */
    abstract static class FieldChangeMixIn {
        @JsonProperty("old")
        abstract String oldValue();

        @JsonProperty("new")
        abstract String newValue();
    }

    /** Mix-in: a rename's symbols are {@code old} and {@code new}. */
    abstract static class RenameMixIn {
        @JsonProperty("old")
        abstract String oldSymbol();

        @JsonProperty("new")
        abstract String newSymbol();
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .addMixIn(TableDiff.FieldChange.class, FieldChangeMixIn.class)
            .addMixIn(EventSyncDetail.FieldEdit.class, FieldChangeMixIn.class)
            .addMixIn(ConstituentDetail.Rename.class, RenameMixIn.class)
            .build();

    private TaskDetails() {
    }

    /**
     * A result whose detail is given as facts ({@link PluginDetail}, e.g. a built-in task's or a plug-in's
     * {@code FileWrite.reportInto}) with the kind's record the facts are; any other result as it is.
     *
     * @param result a task's result
     * @return the result with its typed detail
     */
    public static TaskResult typed(TaskResult result) {
        if (!(result.detail() instanceof PluginDetail facts)) {
            return result;
        }
        TaskDetail typed = of(facts.values());
        if (typed == facts || typed instanceof PluginDetail) {
            return result;
        }
        return new TaskResult(result.task(), result.status(), result.dryRun(), result.source(), result.startedAt(),
                result.finishedAt(), result.durationSeconds(), result.beforeCount(), result.afterCount(),
                result.added(), result.removed(), result.validation(), result.notices(), typed);
    }

    /**
     * The typed record of a detail map (as a report holds it); see the class comment.
     *
     * @param detail the detail's keys and values
     * @return the kind's record, or the whole map as a {@link PluginDetail}
     */
    public static TaskDetail of(Map<String, Object> detail) {
        TaskDetail typed = kind(detail);
        if (!(typed instanceof PluginDetail) && !sameTree(toMap(typed), detail)) {
            return new PluginDetail(detail);
        }
        return typed;
    }

    /**
     * A detail as the report writes it: a record's stated components in snake case, a plug-in's facts as given.
     *
     * @param detail the detail
     * @return its keys and values, in the record's order (a plug-in's: in its order)
     */
    public static Map<String, Object> toMap(TaskDetail detail) {
        if (detail instanceof PluginDetail plugin) {
            return plugin.values();
        }
        return MAPPER.convertValue(detail, new TypeReference<java.util.LinkedHashMap<String, Object>>() {
        });
    }

    /** Whether two details are the same JSON tree: numbers by value, objects' keys in any order. */
    private static boolean sameTree(Map<String, Object> a, Map<String, Object> b) {
        JsonNode left = MAPPER.valueToTree(a);
        JsonNode right = MAPPER.valueToTree(b);
        return left.equals((x, y) -> x.isNumber() && y.isNumber()
                ? x.decimalValue().compareTo(y.decimalValue()) : x.equals(y) ? 0 : 1, right);
    }

    private static TaskDetail kind(Map<String, Object> detail) {
        Set<String> keys = detail.keySet();
        try {
            if (!keys.isEmpty() && LOCAL_FILES.containsAll(keys)) {
                return MAPPER.convertValue(detail, LocalFilesDetail.class);
            }
            if (keys.stream().anyMatch(k -> k.equals("providers") || k.equals("totals") || k.equals("sync_id")
                    || k.equals(RunReport.LOCK_HELD_BY))
                    && EVENT_SYNC.containsAll(keys)) {
                return MAPPER.convertValue(detail, EventSyncDetail.class);
            }
            if (keys.stream().anyMatch(CONSTITUENT_ONLY::contains) && CONSTITUENT.containsAll(keys)) {
                return MAPPER.convertValue(detail, ConstituentDetail.class);
            }
            if (keys.contains("file") && FILE_WRITE.containsAll(keys)) {
                return MAPPER.convertValue(detail, FileWriteDetail.class);
            }
        } catch (IllegalArgumentException e) {
            // A value of another shape than the kind's (a plug-in's own "file" object, say): the open view keeps it.
        }
        return new PluginDetail(detail);
    }

    /** Mix-in: a run detail's extension is written as its own keys, not as a component. */
    abstract static class RunDetailMixIn {
        @com.fasterxml.jackson.annotation.JsonIgnore
        abstract PluginDetail extra();
    }

    /** The keys the {@link RunDetail} components are written as. */
    private static final Set<String> RUN_KEYS = java.util.Arrays.stream(RunDetail.class.getRecordComponents())
            .map(c -> c.getName()).filter(n -> !n.equals("extra"))
            .map(n -> new PropertyNamingStrategies.SnakeCaseStrategy().translate(n))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * A report's run-wide facts (as its {@code detail} holds them) as a {@link RunDetail}: each key a
     * component names and whose value that component writes back the same (numbers by value) is that
     * component; every other key (a foreign or old report's, a value of another shape) stays, as written,
     * in {@link RunDetail#extra()}. Never an error.
     *
     * @param detail the run-wide keys and values
     * @return the typed detail
     */
    public static RunDetail ofRun(Map<String, Object> detail) {
        if (RUN_KEYS.containsAll(detail.keySet()) && !detail.containsValue(null)) { // the usual case: one conversion
            try {
                RunDetail whole = RUN_MAPPER.convertValue(detail, RunDetail.class);
                if (sameTree(toMap(whole), detail)) {
                    return whole;
                }
            } catch (IllegalArgumentException e) {
                // a value of another shape: sorted out key by key below
            }
        }
        Map<String, Object> known = new java.util.LinkedHashMap<>();
        Map<String, Object> extra = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Object> e : detail.entrySet()) {
            Map<String, Object> one = new java.util.LinkedHashMap<>();
            one.put(e.getKey(), e.getValue());
            boolean typed = false;
            if (e.getValue() != null && RUN_KEYS.contains(e.getKey())) {
                try {
                    typed = sameTree(toMap(RUN_MAPPER.convertValue(one, RunDetail.class)), one);
                } catch (IllegalArgumentException ex) {
                    typed = false; // a value of another shape than the component's: kept as written
                }
            }
            (typed ? known : extra).put(e.getKey(), e.getValue());
        }
        RunDetail run = RUN_MAPPER.convertValue(known, RunDetail.class);
        return extra.isEmpty() ? run : run.toBuilder().extra(new PluginDetail(extra)).build();
    }

    /**
     * A run detail as the report writes it: the stated components in snake case, then the extension's keys.
     *
     * @param detail the run-wide facts
     * @return its keys and values
     */
    public static Map<String, Object> toMap(RunDetail detail) {
        Map<String, Object> out = RUN_MAPPER.convertValue(detail,
                new TypeReference<java.util.LinkedHashMap<String, Object>>() {
                });
        detail.extra().values().forEach(out::putIfAbsent);
        return out;
    }

    private static final ObjectMapper RUN_MAPPER = MAPPER.copy().addMixIn(RunDetail.class, RunDetailMixIn.class);

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
