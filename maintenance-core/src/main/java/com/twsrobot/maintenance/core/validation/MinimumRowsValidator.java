package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.api.Validator;

/** At least the policy's minimum of distinct symbols (S&amp;P 500: 450, STI: 25, HSI: 70 by default). */
public final class MinimumRowsValidator implements Validator {

    @Override
    public String name() {
        return "minimum_rows";
    }

    @Override
    public ValidationResult validate(ValidationInput input) {
        int count = input.proposed().symbolCount();
        int minimum = input.policy().minimumRows();
        return count >= minimum ? ValidationResult.passed()
                : ValidationResult.error(NoticeCode.MINIMUM_ROWS,
                        input.spec().title() + " has " + count + " distinct symbols, below the minimum of "
                + minimum);
    }
}
