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
        double warnAt = input.policy().warnChangeRatio();
        String overFail = change + ", above the " + Messages.percent(failAt) + " failure threshold";
        return verdict(NoticeCode.COUNT_CHANGE, ratio, warnAt, failAt, input, overFail + "; " + ACCEPTED,
                overFail + "; " + RERUN, change + ", above the " + Messages.percent(warnAt) + " warning threshold");
    }
}
