package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.api.Validator;

import java.util.ArrayList;
import java.util.List;

/** Every row has a symbol. */
public final class BlankSymbolValidator implements Validator {

    @Override
    public String name() {
        return "blank_symbols";
    }

    @Override
    public ValidationResult validate(ValidationInput input) {
        List<String> rows = new ArrayList<>();
        List<ConstituentRow> all = input.proposed().rows();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).symbol().isBlank()) {
                rows.add("row " + (i + 1) + (all.get(i).security().isBlank() ? "" : " (" + all.get(i).security() + ")"));
            }
        }
        return Messages.errorIfAny(rows, NoticeCode.BLANK_SYMBOL,
                () -> rows.size() + " row(s) with a blank symbol: " + Messages.listSome(rows));
    }
}
