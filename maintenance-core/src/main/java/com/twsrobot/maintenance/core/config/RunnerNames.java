package com.twsrobot.maintenance.core.config;

import com.twsrobot.maintenance.api.ConfigKey;

import java.util.List;

/**
 * The names a runner's plug-ins decide, as its catalog found them: what a config file's family members and
 * lists may name ({@link ConfigKey.Refers}).
 *
 * @param indexes    the indices, in the runner's order
 * @param sourceKeys the URL keys its sources, second sources and event providers read
 * @param tasks      its tasks' names
 * @param groups     its groups of tasks
 */
public record RunnerNames(List<String> indexes, List<String> sourceKeys, List<String> tasks, List<String> groups) {

    public RunnerNames {
        indexes = List.copyOf(indexes);
        sourceKeys = List.copyOf(sourceKeys);
        tasks = List.copyOf(tasks);
        groups = List.copyOf(groups);
    }

    /** Whether {@code name} is one the runner has of the kind {@code what}. */
    boolean has(ConfigKey.Refers what, String name) {
        return switch (what) {
            case ANYTHING -> true;
            case INDEX -> indexes.contains(name);
            case SOURCE_KEY -> sourceKeys.contains(name);
            case TASK -> tasks.contains(name) || groups.contains(name);
        };
    }

    /** Every name of the kind {@code what}, for the nearest one. */
    List<String> all(ConfigKey.Refers what) {
        return switch (what) {
            case ANYTHING -> List.of();
            case INDEX -> indexes;
            case SOURCE_KEY -> sourceKeys;
            case TASK -> java.util.stream.Stream.concat(tasks.stream(), groups.stream()).toList();
        };
    }

    /** "no index 'x'; the indices are a, b" — what is missing and what there is. */
    String absent(ConfigKey.Refers what, String name) {
        return switch (what) {
            case ANYTHING -> "";
            case INDEX -> "no index '" + name + "'; the indices are " + listed(indexes);
            case SOURCE_KEY -> "no source or provider reads the key '" + name + "'; the keys are " + listed(sourceKeys);
            case TASK -> "no task or group '" + name + "'; the tasks are " + listed(tasks) + "; the groups are "
                    + listed(groups);
        };
    }

    private static String listed(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
