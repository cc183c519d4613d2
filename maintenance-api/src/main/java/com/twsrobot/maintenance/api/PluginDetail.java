package com.twsrobot.maintenance.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The open extension: the facts of a plug-in task of any other kind, as it gave them with
 * {@link TaskResult.Builder#detail(String, Object)} (strings, numbers, booleans, lists and maps of them).
 * The well-known keys ({@code message}, {@code changed}, {@code written}, {@code file}, {@code backup}, {@code backup_id})
 * are read by the {@link TaskDetail} methods when they have the expected type.
 *
 * @param values the facts, by snake-case key, in the order the task gave them
 */
public record PluginDetail(Map<String, Object> values) implements TaskDetail {

    /**
     * Copies the map.
     *
     * @param values see the record
     */
    public PluginDetail {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public Optional<PluginDetail> asPlugin() {
        return Optional.of(this);
    }

    @Override
    public String message() {
        return values.get("message") instanceof String s ? s : null;
    }

    @Override
    public Boolean changed() {
        return values.get("changed") instanceof Boolean b ? b : null;
    }

    @Override
    public Boolean written() {
        return values.get("written") instanceof Boolean b ? b : null;
    }

    @Override
    public String file() {
        Object file = values.containsKey("file") ? values.get("file") : values.get("path");
        return file instanceof String s ? s : null;
    }

    @Override
    public String backup() {
        return values.get("backup") instanceof String s ? s : null;
    }

    @Override
    public String backupId() {
        return values.get("backup_id") instanceof String s ? s : null;
    }
}
