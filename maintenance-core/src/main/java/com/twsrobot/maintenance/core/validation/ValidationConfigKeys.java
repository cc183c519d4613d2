package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.api.DeclaredConfigKeys;

import java.util.Optional;

/** The thresholds of the validation rules a proposed constituent file must pass. */
public final class ValidationConfigKeys extends DeclaredConfigKeys {

    public static final ConfigKey MIN_ROWS = ConfigKey.whole("min_rows.<index>", 0, 100_000, "S&P 500 450, STI 25, HSI 70",
            "the fewest rows an index's file may have");
    public static final ConfigKey WARN_CHANGE_PERCENT = ConfigKey.number("warn_change_percent", 0, 1000, "10",
            "a change of the row count by more than this warns");
    public static final ConfigKey FAIL_CHANGE_PERCENT = ConfigKey.number("fail_change_percent", 0, 1000, "25",
            "a change of the row count by more than this fails (not below warn_change_percent)");
    public static final ConfigKey CHURN_WARN_PERCENT = ConfigKey.number("churn_warn_percent", 0, 100, "2",
            "symbols replaced, in percent, past which a run warns");
    public static final ConfigKey CHURN_WARN_PERCENT_OF = ConfigKey.number("churn_warn_percent.<index>", 0, 100,
            "the index plug-in's", "churn_warn_percent for one index");
    public static final ConfigKey CHURN_FAIL_PERCENT = ConfigKey.number("churn_fail_percent", 0, 100, "10",
            "symbols replaced, in percent, past which a run fails (not below the warning)");
    public static final ConfigKey CHURN_FAIL_PERCENT_OF = ConfigKey.number("churn_fail_percent.<index>", 0, 100,
            "the index plug-in's", "churn_fail_percent for one index");
    public static final ConfigKey HEAVY_REMOVAL_PERCENT = ConfigKey.number("heavy_removal_percent", 0, 100, "1",
            "an unexplained removal of a member weighing more than this fails");
    public static final ConfigKey STALE_AFTER_DAYS = ConfigKey.whole("stale_after_days", 1, 3650, "30",
            "files and content older than this warn");
    public static final ConfigKey TEXT_SAFETY_ALLOW_LEADING = ConfigKey.of(TextSafetyValidator.ALLOW_LEADING_KEY,
            ConfigKey.Type.TEXT, "none", "formula starts (= + - @) the real names of an index may begin with")
            .checkedBy((key, value) -> value.chars().allMatch(c -> TextSafetyValidator.ALLOWABLE_LEADING.indexOf(c) >= 0)
                    ? Optional.empty() : Optional.of(key + " may hold only the characters "
                    + TextSafetyValidator.ALLOWABLE_LEADING + ", got '" + value + "'"));

    public ValidationConfigKeys() {
        super("the validation rules", MIN_ROWS, WARN_CHANGE_PERCENT, FAIL_CHANGE_PERCENT, CHURN_WARN_PERCENT, CHURN_WARN_PERCENT_OF, CHURN_FAIL_PERCENT, CHURN_FAIL_PERCENT_OF, HEAVY_REMOVAL_PERCENT, STALE_AFTER_DAYS, TEXT_SAFETY_ALLOW_LEADING);
    }
}
