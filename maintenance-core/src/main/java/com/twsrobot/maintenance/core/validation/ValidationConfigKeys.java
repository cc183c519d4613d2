package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.api.DeclaredConfigKeys;
import com.twsrobot.maintenance.api.ValidationPolicy;
import com.twsrobot.maintenance.core.config.ConfigProblem;
import com.twsrobot.maintenance.core.config.ConfigValues;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The thresholds of the validation rules a proposed constituent file must pass. */
public final class ValidationConfigKeys extends DeclaredConfigKeys {

    public static final ConfigKey MIN_ROWS = ConfigKey.whole("min_rows.<index>", 0, 100_000, "S&P 500 450, STI 25, HSI 70",
            "the fewest rows an index's file may have").refersTo(ConfigKey.Refers.INDEX);
    public static final ConfigKey WARN_CHANGE_PERCENT = ConfigKey.number("warn_change_percent", 0, 1000, "10",
            "a change of the row count by more than this warns");
    public static final ConfigKey FAIL_CHANGE_PERCENT = ConfigKey.number("fail_change_percent", 0, 1000, "25",
            "a change of the row count by more than this fails (not below warn_change_percent)");
    public static final ConfigKey CHURN_WARN_PERCENT = ConfigKey.number("churn_warn_percent", 0, 100, "2",
            "symbols replaced, in percent, past which a run warns");
    public static final ConfigKey CHURN_WARN_PERCENT_OF = ConfigKey.number("churn_warn_percent.<index>", 0, 100,
            "the index plug-in's", "churn_warn_percent for one index").refersTo(ConfigKey.Refers.INDEX);
    public static final ConfigKey CHURN_FAIL_PERCENT = ConfigKey.number("churn_fail_percent", 0, 100, "10",
            "symbols replaced, in percent, past which a run fails (not below the warning)");
    public static final ConfigKey CHURN_FAIL_PERCENT_OF = ConfigKey.number("churn_fail_percent.<index>", 0, 100,
            "the index plug-in's", "churn_fail_percent for one index").refersTo(ConfigKey.Refers.INDEX);
    public static final ConfigKey HEAVY_REMOVAL_PERCENT = ConfigKey.number("heavy_removal_percent", 0, 100, "1",
            "an unexplained removal of a member weighing more than this fails");
    public static final ConfigKey STALE_AFTER_DAYS = ConfigKey.whole("stale_after_days", 1, 3650, "30",
            "files and content older than this warn");
    public static final ConfigKey TEXT_SAFETY_ALLOW_LEADING = ConfigKey.of(TextSafetyValidator.ALLOW_LEADING_KEY,
            ConfigKey.Type.TEXT, "none", "formula starts (= + - @) the real names of an index may begin with")
            .checkedBy((key, value) -> value.chars().allMatch(c -> TextSafetyValidator.ALLOWABLE_LEADING.indexOf(c) >= 0)
                    ? Optional.empty() : Optional.of(key + " may hold only the characters "
                    + TextSafetyValidator.ALLOWABLE_LEADING + ", got '" + value + "'"));

    /** A warning and a failure threshold, in percent. */
    public record Thresholds(double warn, double fail) {
    }

    /** Each failure threshold is at least its warning: a file naming one is checked with the default of the other. */
    public static void checkTogether(ConfigValues v, List<ConfigProblem> problems) {
        changeThresholds(v).filter(t -> t.fail() < t.warn()).ifPresent(t -> {
            String key = v.has(FAIL_CHANGE_PERCENT) ? FAIL_CHANGE_PERCENT.name() : WARN_CHANGE_PERCENT.name();
            problems.add(new ConfigProblem(v.line(key), key, "", "fail_change_percent (" + t.fail()
                    + ") must not be below warn_change_percent (" + t.warn() + ")"));
        });
        churnThresholds(v).forEach((index, t) -> {
            if (t.fail() < t.warn()) {
                String suffix = index.isEmpty() ? "" : "." + index;
                int line = Math.max(v.line("churn_fail_percent" + suffix), v.line("churn_warn_percent" + suffix));
                problems.add(new ConfigProblem(line, "churn_fail_percent" + suffix, "", "churn_fail_percent" + suffix
                        + " (" + t.fail() + ") must not be below churn_warn_percent (" + t.warn() + ")"));
            }
        });
    }

    /** The row-count change thresholds, when the file sets either (the other one its default). */
    public static Optional<Thresholds> changeThresholds(ConfigValues v) {
        if (!v.has(WARN_CHANGE_PERCENT) && !v.has(FAIL_CHANGE_PERCENT)) {
            return Optional.empty();
        }
        return Optional.of(new Thresholds(v.number(WARN_CHANGE_PERCENT).orElse(100 * ValidationPolicy.DEFAULT_WARN_CHANGE_RATIO),
                v.number(FAIL_CHANGE_PERCENT).orElse(100 * ValidationPolicy.DEFAULT_FAIL_CHANGE_RATIO)));
    }

    /**
     * The churn thresholds of each index the file names ("" for every index): what the file sets, else
     * the file's all-index value, else the default.
     */
    public static Map<String, Thresholds> churnThresholds(ConfigValues v) {
        Map<String, Double> warn = churn(v, CHURN_WARN_PERCENT, CHURN_WARN_PERCENT_OF);
        Map<String, Double> fail = churn(v, CHURN_FAIL_PERCENT, CHURN_FAIL_PERCENT_OF);
        Set<String> indexes = new LinkedHashSet<>(warn.keySet());
        indexes.addAll(fail.keySet());
        Map<String, Thresholds> out = new LinkedHashMap<>();
        for (String index : indexes) {
            out.put(index, new Thresholds(
                    warn.getOrDefault(index, warn.getOrDefault("", 100 * ValidationPolicy.DEFAULT_CHURN_WARN_RATIO)),
                    fail.getOrDefault(index, fail.getOrDefault("", 100 * ValidationPolicy.DEFAULT_CHURN_FAIL_RATIO))));
        }
        return out;
    }

    /** One churn threshold in percent by index ("" for every index), as the file sets it. */
    private static Map<String, Double> churn(ConfigValues v, ConfigKey all, ConfigKey perIndex) {
        Map<String, Double> out = new LinkedHashMap<>();
        v.number(all).ifPresent(n -> out.put("", n));
        v.members(perIndex).forEach((index, value) -> out.put(index, perIndex.numberValue(value)));
        return out;
    }

    public ValidationConfigKeys() {
        super("the validation rules", MIN_ROWS, WARN_CHANGE_PERCENT, FAIL_CHANGE_PERCENT, CHURN_WARN_PERCENT, CHURN_WARN_PERCENT_OF, CHURN_FAIL_PERCENT, CHURN_FAIL_PERCENT_OF, HEAVY_REMOVAL_PERCENT, STALE_AFTER_DAYS, TEXT_SAFETY_ALLOW_LEADING);
    }
}
