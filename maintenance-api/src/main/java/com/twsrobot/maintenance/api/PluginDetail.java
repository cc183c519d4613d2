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
        return value("message", String.class);
    }

    @Override
    public Boolean changed() {
        return value("changed", Boolean.class);
    }

    @Override
    public Boolean written() {
        return value("written", Boolean.class);
    }

    @Override
    public String file() {
        return value(values.containsKey("file") ? "file" : "path", String.class);
    }

    @Override
    public String backup() {
        return value("backup", String.class);
    }

    @Override
    public String backupId() {
        return value("backup_id", String.class);
    }

    /** A well-known key's value when it has the expected type, else null. */
    private <T> T value(String key, Class<T> type) {
        Object value = values.get(key);
        return type.isInstance(value) ? type.cast(value) : null;
    }
}
