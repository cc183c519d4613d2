package com.twsrobot.maintenance.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One setting of the config file, declared by the component that reads it: its name, type, default,
 * range or allowed values and a one-line description. The config reader checks every entry of a file
 * against the declarations and reports every problem at once; {@code docs/configuration.md} is checked
 * against them by a test.
 *
 * <p>A name ending in {@code .<placeholder>} declares a family: {@code min_rows.<index>} is every key
 * {@code min_rows.X} with a non-empty {@code X}. An exact declaration wins over a family's.
 *
 * @param name         the key, e.g. {@code keep_backups} or {@code min_rows.<index>}
 * @param type         what its value must be
 * @param defaultValue what applies when it is absent, as the documentation says it (e.g. {@code 30}, {@code none})
 * @param min          the smallest value of a {@link Type#WHOLE} or {@link Type#NUMBER} key (else 0)
 * @param max          the largest value of a {@link Type#WHOLE} or {@link Type#NUMBER} key (else 0)
 * @param allowed      the values of a {@link Type#CHOICE} key (else empty)
 * @param doc          one line: what the setting does
 * @param check        a further rule for the value (e.g. a parser of the component's), or {@link Check#NONE}
 * @param refers       what a family's member (or each name of a {@link Type#LIST} value) must name in the runner
 *                     the file configures, e.g. one of its indices; {@link Refers#ANYTHING} when free
 */
public record ConfigKey(String name, Type type, String defaultValue, double min, double max, List<String> allowed,
                        String doc, Check check, Refers refers) {

    /**
     * What a family's member ({@code min_rows.<index>}: the part after the prefix) or each name of a
     * {@link Type#LIST} value must name. Only the runner knows its plug-ins, so these are judged when a
     * runner is built from the file, with the rest of the file, and a name it does not have is a problem of
     * the file's (with the nearest name it has).
     */
    public enum Refers {
        /** Any name. */
        ANYTHING,
        /** An index of the runner (a discovered index plug-in's, or one given to the builder). */
        INDEX,
        /** A URL key a source, second source or event provider of the runner reads. */
        SOURCE_KEY,
        /** A task or a group of tasks of the runner. */
        TASK
    }

    /** What a value must be. */
    public enum Type {
        /** A whole number from {@code min} to {@code max}. */
        WHOLE,
        /** A finite decimal number from {@code min} to {@code max}. */
        NUMBER,
        /** Any text. */
        TEXT,
        /** A file or folder; relative to the config file's folder. */
        PATH,
        /** An http or https URL with a host. */
        URL,
        /** One of {@code allowed}. */
        CHOICE,
        /** Comma-separated names, at least one. */
        LIST
    }

    /** A rule of the declaring component's for a value that already has the right type. */
    @FunctionalInterface
    public interface Check {

        /** No further rule. */
        Check NONE = (key, value) -> Optional.empty();

        /**
         * What is wrong with {@code value}, as a sentence naming {@code key} and the value, or empty.
         *
         * @param key   the key as written in the file (a family's member, e.g. {@code min_rows.my_index})
         * @param value the value, trimmed
         * @return the problem, or empty when the value is fine
         */
        Optional<String> problem(String key, String value);
    }

    private static final Pattern WHOLE_TEXT = Pattern.compile("[+-]?\\d{1,18}");
    /** Decimal notation only: no NaN, Infinity, hex or type suffixes, which Double.parseDouble also takes. */
    private static final Pattern NUMBER_TEXT = Pattern.compile(
            "[+-]?(\\d{1,30}(\\.\\d{0,30})?|\\.\\d{1,30})([eE][+-]?\\d{1,3})?");

    /**
     * A declaration, checked.
     *
     * @param name         the key, or a family's name ending in {@code .<placeholder>}
     * @param type         what its value must be
     * @param defaultValue the default, as documented
     * @param min          the smallest value of a number key
     * @param max          the largest value of a number key
     * @param allowed      the values of a choice
     * @param doc          one line
     * @param check        a further rule, or {@link Check#NONE}
     * @param refers       what a member or a list's names must name, or {@link Refers#ANYTHING}
     * @throws NullPointerException     when a part is missing
     * @throws IllegalArgumentException when the name or description is blank or a range is empty
     */
    public ConfigKey {
        if (name == null || type == null || defaultValue == null || doc == null || check == null || refers == null) {
            throw new NullPointerException("a config key needs a name, type, default, description, check and refers");
        }
        allowed = List.copyOf(allowed);
        if (name.isBlank() || doc.isBlank()) {
            throw new IllegalArgumentException("a config key needs a name and a description: '" + name + "'");
        }
        if ((type == Type.WHOLE || type == Type.NUMBER) && !(min <= max)) {
            throw new IllegalArgumentException(name + ": the range " + min + " to " + max + " is empty");
        }
        if (type == Type.CHOICE && allowed.isEmpty()) {
            throw new IllegalArgumentException(name + ": a choice needs its allowed values");
        }
        if (refers != Refers.ANYTHING && !(name.endsWith(">") && name.lastIndexOf(".<") > 0) && type != Type.LIST) {
            throw new IllegalArgumentException(name + ": only a family's member or a list's names can refer to names");
        }
    }

    /**
     * A declaration whose member or names may be anything ({@link Refers#ANYTHING}).
     *
     * @param name         the key, or a family's name ending in {@code .<placeholder>}
     * @param type         what its value must be
     * @param defaultValue the default, as documented
     * @param min          the smallest value of a number key
     * @param max          the largest value of a number key
     * @param allowed      the values of a choice
     * @param doc          one line
     * @param check        a further rule, or {@link Check#NONE}
     */
    public ConfigKey(String name, Type type, String defaultValue, double min, double max, List<String> allowed,
                     String doc, Check check) {
        this(name, type, defaultValue, min, max, allowed, doc, check, Refers.ANYTHING);
    }

    /**
     * A whole-number key.
     *
     * @param name         the key
     * @param min          the smallest value
     * @param max          the largest value
     * @param defaultValue the default, as documented
     * @param doc          one line
     * @return the declaration
     */
    public static ConfigKey whole(String name, long min, long max, String defaultValue, String doc) {
        return new ConfigKey(name, Type.WHOLE, defaultValue, min, max, List.of(), doc, Check.NONE);
    }

    /**
     * A decimal-number key.
     *
     * @param name         the key
     * @param min          the smallest value
     * @param max          the largest value
     * @param defaultValue the default, as documented
     * @param doc          one line
     * @return the declaration
     */
    public static ConfigKey number(String name, double min, double max, String defaultValue, String doc) {
        return new ConfigKey(name, Type.NUMBER, defaultValue, min, max, List.of(), doc, Check.NONE);
    }

    /**
     * A key of another type without a range ({@link Type#TEXT}, {@link Type#PATH}, {@link Type#URL}, {@link Type#LIST}).
     *
     * @param name         the key
     * @param type         its type
     * @param defaultValue the default, as documented
     * @param doc          one line
     * @return the declaration
     */
    public static ConfigKey of(String name, Type type, String defaultValue, String doc) {
        return new ConfigKey(name, type, defaultValue, 0, 0, List.of(), doc, Check.NONE);
    }

    /**
     * A key whose value is one of a few words.
     *
     * @param name         the key
     * @param allowed      the words
     * @param defaultValue the default, as documented
     * @param doc          one line
     * @return the declaration
     */
    public static ConfigKey choice(String name, List<String> allowed, String defaultValue, String doc) {
        return new ConfigKey(name, Type.CHOICE, defaultValue, 0, 0, allowed, doc, Check.NONE);
    }

    /**
     * This declaration with a further rule.
     *
     * @param rule the rule, applied once the value has the right type
     * @return the declaration
     */
    public ConfigKey checkedBy(Check rule) {
        return new ConfigKey(name, type, defaultValue, min, max, allowed, doc, rule, refers);
    }

    /**
     * This declaration with its family's members (or its list's names) naming something of the runner's,
     * e.g. {@code min_rows.<index>} refers to {@link Refers#INDEX}.
     *
     * @param what what they must name
     * @return the declaration
     * @throws IllegalArgumentException when this is neither a family nor a list
     */
    public ConfigKey refersTo(Refers what) {
        return new ConfigKey(name, type, defaultValue, min, max, allowed, doc, check, what);
    }

    /**
     * Whether this declares a family ({@code min_rows.<index>}).
     *
     * @return whether the name ends in a {@code .<placeholder>}
     */
    public boolean isFamily() {
        return name.endsWith(">") && name.lastIndexOf(".<") > 0;
    }

    /**
     * The part of a family's keys before the member, e.g. {@code min_rows.}; the name of a single key.
     *
     * @return the prefix
     */
    public String prefix() {
        return isFamily() ? name.substring(0, name.lastIndexOf(".<") + 1) : name;
    }

    /**
     * Whether {@code key} is this key, or a member of this family.
     *
     * @param key a key as written in a file
     * @return whether it matches
     */
    public boolean matches(String key) {
        return isFamily() ? key.startsWith(prefix()) && key.length() > prefix().length() : key.equals(name);
    }

    /**
     * What is wrong with {@code value} for {@code key} (this key or a member of its family): a sentence
     * naming the key and the value, or empty.
     *
     * @param key   the key as written in the file
     * @param value the value, trimmed
     * @return the problem, or empty
     */
    public Optional<String> problem(String key, String value) {
        if (!hasType(value)) {
            return Optional.of(key + " must be " + expected() + ", got '" + value + "'");
        }
        return check.problem(key, value);
    }

    private boolean hasType(String value) {
        return switch (type) {
            case WHOLE -> wholeOrNull(value) != null && inRange(wholeOrNull(value));
            case NUMBER -> numberOrNull(value) != null && inRange(numberOrNull(value));
            case CHOICE -> allowed.contains(value);
            case URL -> isHttpUrl(value);
            case LIST -> !list(value).isEmpty();
            case PATH -> isPath(value);
            case TEXT -> true;
        };
    }

    /** What a value must be, to follow "must be". */
    private String expected() {
        return switch (type) {
            case WHOLE -> "a whole number from " + show(min) + " to " + show(max);
            case NUMBER -> "a number from " + show(min) + " to " + show(max);
            case CHOICE -> String.join(" or ", allowed);
            case URL -> "an http or https URL";
            case LIST -> "one or more names, comma-separated";
            case PATH -> "a file or folder path";
            case TEXT -> "text";
        };
    }

    /**
     * A valid {@link Type#WHOLE} value as a number.
     *
     * @param value a value {@link #problem} accepted
     * @return the number
     * @throws IllegalArgumentException when it is not a whole number (the value was not checked)
     */
    public long wholeValue(String value) {
        Long n = wholeOrNull(value);
        if (n == null) {
            throw new IllegalArgumentException(name + ": '" + value + "' was not checked");
        }
        return n;
    }

    /**
     * A valid {@link Type#NUMBER} (or {@link Type#WHOLE}) value as a number.
     *
     * @param value a value {@link #problem} accepted
     * @return the number
     * @throws IllegalArgumentException when it is not a number (the value was not checked)
     */
    public double numberValue(String value) {
        Double n = numberOrNull(value);
        if (n == null) {
            throw new IllegalArgumentException(name + ": '" + value + "' was not checked");
        }
        return n;
    }

    /**
     * A {@link Type#LIST} value's names: split at commas, trimmed, blanks dropped.
     *
     * @param value the value
     * @return the names
     */
    public static List<String> list(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    private boolean inRange(double n) {
        return n >= min && n <= max;
    }

    /** The number a whole-number text means, or null when it is not one (no exception: the pattern decides). */
    private static Long wholeOrNull(String value) {
        return WHOLE_TEXT.matcher(value).matches() ? Long.parseLong(value) : null;
    }

    /** The finite number a decimal text means, or null (no NaN, Infinity, hex or type suffixes). */
    private static Double numberOrNull(String value) {
        if (!NUMBER_TEXT.matcher(value).matches()) {
            return null;
        }
        double n = Double.parseDouble(value);
        return Double.isFinite(n) ? n : null;
    }

    private static boolean isHttpUrl(String value) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(value);
        } catch (java.net.URISyntaxException e) {
            return false; // the JDK's URI parser reports a malformed URL only by this exception
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    }

    private static boolean isPath(String value) {
        try {
            java.nio.file.Path.of(value);
            return true;
        } catch (java.nio.file.InvalidPathException e) {
            return false; // the file system reports a path it cannot hold only by this exception
        }
    }

    private static String show(double n) {
        return n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n);
    }
}
