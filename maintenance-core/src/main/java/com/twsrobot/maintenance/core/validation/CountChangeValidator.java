package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.ValidationResult;

import java.util.Locale;

/** The distinct-symbol count did not move suspiciously far from the current file's. */
public final class CountChangeValidator extends CurrentFileValidator {

    @Override
    public String name() {
        return "count_change";
    }

    @Override
    protected ValidationResult compare(ConstituentTable current, ValidationInput input) {
        int before = current.symbolCount();
        int after = input.proposed().symbolCount();
        if (before == after) {
            return ValidationResult.passed();
        }
        double ratio = Math.abs(after - before) / (double) before;
        String change = String.format(Locale.ROOT, "count changes from %d to %d (%+.1f%%)", before, after,
                100.0 * (after - before) / before);
        double failAt = input.policy().failChangeRatio();
        if (ratio > failAt) {
            if (input.policy().allowLargeChange()) {
                return ValidationResult.warning(NoticeCode.COUNT_CHANGE, change + ", above the " + Messages.percent(failAt)
                        + " failure threshold; accepted because a large change was explicitly allowed");
            }
            return ValidationResult.error(NoticeCode.COUNT_CHANGE, change + ", above the " + Messages.percent(failAt)
                    + " failure threshold; rerun with --allow-large-change if this is expected");
        }
        if (ratio > input.policy().warnChangeRatio()) {
            return ValidationResult.warning(NoticeCode.COUNT_CHANGE,
                    change + ", above the " + Messages.percent(input.policy().warnChangeRatio())
                    + " warning threshold");
        }
        return ValidationResult.passed();
    }
}
