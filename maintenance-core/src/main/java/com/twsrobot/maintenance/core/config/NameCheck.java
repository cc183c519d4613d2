package com.twsrobot.maintenance.core.config;

import com.twsrobot.maintenance.api.ConfigKey;

import java.util.List;
import java.util.Optional;

/**
 * Judges what a config file's entries name against the runner the file configures: a family's member
 * ({@code min_rows.st1}) must be one of the runner's indices, a {@code source_url.<key>} one of its source
 * keys, each name of {@code schedule.tasks} one of its tasks or groups — whatever the declaration
 * {@link ConfigKey#refers() refers} to. Each miss is a problem naming the line, key and value, with the nearest
 * name the runner has.
 */
public final class NameCheck {

    private NameCheck() {
    }

    /**
     * The problems of {@code values}' entries with {@code names}.
     *
     * @param values   the entries that passed their declarations
     * @param keys     the declarations
     * @param names    the runner's names
     * @param problems gets one problem per entry that names something the runner does not have
     */
    public static void check(ConfigValues values, DeclaredKeys keys, RunnerNames names, List<ConfigProblem> problems) {
        for (ConfigFileReader.Entry entry : values.entries()) {
            Optional<ConfigKey> declared = keys.find(entry.key());
            if (declared.isEmpty() || declared.get().refers() == ConfigKey.Refers.ANYTHING) {
                continue;
            }
            ConfigKey key = declared.get();
            List<String> named = key.isFamily() ? List.of(entry.key().substring(key.prefix().length()))
                    : ConfigKey.list(entry.value());
            for (String name : named) {
                if (!names.has(key.refers(), name)) {
                    problems.add(new ConfigProblem(entry.line(), entry.key(), entry.value(),
                            miss(entry, key, name, names)));
                }
            }
        }
    }

    private static String miss(ConfigFileReader.Entry entry, ConfigKey key, String name, RunnerNames names) {
        StringBuilder message = new StringBuilder(entry.key() + " = " + entry.value() + ": "
                + names.absent(key.refers(), name));
        DeclaredKeys.nearestOf(name, names.all(key.refers())).ifPresent(near -> message.append("; did you mean '")
                .append(key.isFamily() ? key.prefix() + near : near).append("'?"));
        return message.toString();
    }
}
