package com.twsrobot.maintenance.core.config;

import com.twsrobot.maintenance.api.ConfigKey;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entries of a config file that passed their declarations, read by declaration — a typed view in
 * the manner of OpenTelemetry's {@code ConfigProperties}: each component asks for its own keys.
 */
public final class ConfigValues {

    private final Path file;
    private final Map<String, ConfigFileReader.Entry> entries = new LinkedHashMap<>();

    private ConfigValues(Path file, List<ConfigFileReader.Entry> valid) {
        this.file = file;
        valid.forEach(e -> entries.put(e.key(), e));
    }

    /** No settings. */
    public static ConfigValues none() {
        return new ConfigValues(null, List.of());
    }

    /**
     * Checks every entry against its declaration.
     *
     * @param problems gets one problem per entry that is not declared or not valid
     * @return the valid entries
     */
    public static ConfigValues check(Path file, List<ConfigFileReader.Entry> read, DeclaredKeys keys,
                                     List<ConfigProblem> problems) {
        List<ConfigFileReader.Entry> valid = new java.util.ArrayList<>();
        for (ConfigFileReader.Entry entry : read) {
            Optional<ConfigKey> declared = keys.find(entry.key());
            Optional<String> problem = declared.isEmpty() ? Optional.of(keys.unknown(entry.key()))
                    : declared.get().problem(entry.key(), entry.value());
            if (problem.isPresent()) {
                // Properties files have no comments after a value: "30   # days" is the value.
                String hint = declared.isPresent() && entry.value().contains("#")
                        ? " (a comment must be on a line of its own, starting with #)" : "";
                problems.add(new ConfigProblem(entry.line(), entry.key(), entry.value(), problem.get() + hint));
            } else {
                valid.add(entry);
            }
        }
        return new ConfigValues(file, valid);
    }

    /** The entries, in file order. */
    public List<ConfigFileReader.Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The file the values come from (null for {@link #none()}). */
    public Path file() {
        return file;
    }

    /** Whether {@code key} is set. */
    public boolean has(ConfigKey key) {
        return entries.containsKey(key.name());
    }

    /** The line {@code key} (as written) is on, or 0. */
    public int line(String key) {
        ConfigFileReader.Entry e = entries.get(key);
        return e == null ? 0 : e.line();
    }

    /** The value of a single key. */
    public Optional<String> text(ConfigKey key) {
        return Optional.ofNullable(entries.get(key.name())).map(ConfigFileReader.Entry::value);
    }

    /** A {@link ConfigKey.Type#WHOLE} key's value. */
    public Optional<Long> whole(ConfigKey key) {
        return text(key).map(key::wholeValue);
    }

    /** A {@link ConfigKey.Type#NUMBER} key's value. */
    public Optional<Double> number(ConfigKey key) {
        return text(key).map(key::numberValue);
    }

    /** A {@link ConfigKey.Type#PATH} key's value, relative to the config file's own folder. */
    public Optional<Path> path(ConfigKey key) {
        return text(key).map(this::relativeToFile);
    }

    /** A {@link ConfigKey.Type#LIST} key's names. */
    public Optional<List<String>> list(ConfigKey key) {
        return text(key).map(ConfigKey::list);
    }

    /**
     * The members of a family set in the file ({@code min_rows.my_index = 31} gives {@code my_index → 31}), whichever
     * declaration checked them.
     */
    public Map<String, String> members(ConfigKey family) {
        Map<String, String> out = new LinkedHashMap<>();
        entries.forEach((k, e) -> {
            if (family.matches(k)) {
                out.put(k.substring(family.prefix().length()), e.value());
            }
        });
        return out;
    }

    /** A path from the file, relative to the file's own folder (so it does not depend on the working directory). */
    private Path relativeToFile(String value) {
        Path p = Path.of(value);
        Path folder = file == null ? null : file.toAbsolutePath().getParent();
        return p.isAbsolute() || folder == null ? p : folder.resolve(p).normalize();
    }
}
