package com.twsrobot.maintenance.core.report;

import com.fasterxml.jackson.annotation.JsonProperty;
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
 * A task result's {@code detail} as its typed record. The mapping is declared: the records' components
 * in snake case, and mix-ins for the few keys that are not (a change's {@code old} and {@code new}).
 * The kind is told by the keys: a detail whose keys all belong to one kind (and include one only that
 * kind writes) is that kind's record; any other, a plug-in's, is the open {@link PluginDetail}, so no
 * fact of a report is ever dropped from a view. Reports written before this type existed read the same way.
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
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .addMixIn(TableDiff.FieldChange.class, FieldChangeMixIn.class)
            .addMixIn(EventSyncDetail.FieldEdit.class, FieldChangeMixIn.class)
            .addMixIn(ConstituentDetail.Rename.class, RenameMixIn.class)
            .build();

    private TaskDetails() {
    }

    /** The typed detail of a result. */
    public static TaskDetail of(TaskResult result) {
        return of(result.detail());
    }

    /** The typed record of a detail map (as a report holds it). */
    public static TaskDetail of(Map<String, Object> detail) {
        Set<String> keys = detail.keySet();
        try {
            if (!keys.isEmpty() && LOCAL_FILES.containsAll(keys)) {
                return MAPPER.convertValue(detail, LocalFilesDetail.class);
            }
            if (keys.stream().anyMatch(k -> k.equals("providers") || k.equals("totals") || k.equals("sync_id"))
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

    /**
     * A report's run-wide facts as a {@link RunDetail}; a fact of another shape than expected (a plug-in
     * host's own) reads as absent, never as an error.
     */
    public static RunDetail ofRun(RunReport report) {
        Map<String, Object> known = new java.util.LinkedHashMap<>();
        for (String key : List.of("mode", "trigger", "schedule_apply", RunReport.LOCK_HELD_BY)) {
            if (report.detail().get(key) != null) {
                known.put(key, String.valueOf(report.detail().get(key)));
            }
        }
        for (String key : List.of("removed_temp_files", "pruned_reports", "interrupted_runs")) {
            known.put(key, report.detail().get(key));
        }
        try {
            return MAPPER.convertValue(known, RunDetail.class);
        } catch (IllegalArgumentException e) {
            known.keySet().removeAll(List.of("removed_temp_files", "pruned_reports", "interrupted_runs"));
            return MAPPER.convertValue(known, RunDetail.class);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
