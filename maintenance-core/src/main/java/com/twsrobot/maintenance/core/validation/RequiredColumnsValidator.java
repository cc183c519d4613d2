package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.api.Validator;

import java.util.ArrayList;
import java.util.List;

/** The file has {@code symbol, security, sector, sub_industry} (and {@code display_symbol} where the market uses it). */
public final class RequiredColumnsValidator implements Validator {

    @Override
    public String name() {
        return "required_columns";
    }

    @Override
    public ValidationResult validate(ValidationInput input) {
        List<String> missing = new ArrayList<>();
        for (String column : ConstituentTable.canonicalColumns(input.spec().hasDisplaySymbol())) {
            if (!input.proposed().columns().contains(column)) {
                missing.add(column);
            }
        }
        return Messages.errorIfAny(missing, NoticeCode.REQUIRED_COLUMNS,
                () -> "missing required column(s): " + String.join(", ", missing));
    }
}
