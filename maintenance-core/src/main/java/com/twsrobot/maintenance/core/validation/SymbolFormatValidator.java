package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.api.Validator;

import java.util.ArrayList;
import java.util.List;

/** Every non-blank symbol matches the market's rule (S&amp;P {@code BRK-B}, STI {@code D05.SI}, HSI {@code 0005.HK}). */
public final class SymbolFormatValidator implements Validator {

    @Override
    public String name() {
        return "symbol_format";
    }

    @Override
    public ValidationResult validate(ValidationInput input) {
        List<String> bad = new ArrayList<>();
        for (ConstituentRow row : input.proposed().rows()) {
            if (!row.symbol().isBlank() && !input.spec().isValidSymbol(row.symbol())) {
                bad.add("'" + row.symbol() + "'");
            }
        }
        return Messages.errorIfAny(bad, NoticeCode.SYMBOL_FORMAT, () -> bad.size() + " symbol(s) not in "
                + input.spec().title() + " format (" + input.spec().symbolRule() + "): " + Messages.listSome(bad));
    }
}
