package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.Notice;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.api.Validator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A symbol listed twice with identical data is collapsed with a warning naming it; listed twice with
 * different data it fails, naming both rows. Nothing is dropped before this check runs.
 */
public final class DuplicateSymbolValidator implements Validator {

    @Override
    public String name() {
        return "duplicate_symbols";
    }

    @Override
    public ValidationResult validate(ValidationInput input) {
        Map<String, List<Integer>> rowsBySymbol = new LinkedHashMap<>();
        List<ConstituentRow> rows = input.proposed().rows();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).symbol().isBlank()) {
                rowsBySymbol.computeIfAbsent(rows.get(i).symbol(), s -> new ArrayList<>()).add(i);
            }
        }
        List<Notice> warnings = new ArrayList<>();
        List<Notice> errors = new ArrayList<>();
        rowsBySymbol.forEach((symbol, indexes) -> {
            if (indexes.size() < 2) {
                return;
            }
            ConstituentRow first = rows.get(indexes.get(0));
            for (int k = 1; k < indexes.size(); k++) {
                ConstituentRow other = rows.get(indexes.get(k));
                if (!other.equals(first)) {
                    errors.add(Notice.error(NoticeCode.DUPLICATE_SYMBOL,
                            "duplicate symbol " + symbol + " with different data: row " + (indexes.get(0) + 1) + " "
                            + describe(first) + " vs row " + (indexes.get(k) + 1) + " " + describe(other)).withSymbol(symbol));
                    return;
                }
            }
            warnings.add(Notice.warning(NoticeCode.DUPLICATE_SYMBOL,
                    "duplicate symbol " + symbol + " listed " + indexes.size()
                    + " times with identical data; collapsed to one row").withSymbol(symbol));
        });
        List<Notice> all = new ArrayList<>(warnings);
        all.addAll(errors);
        return ValidationResult.of(all);
    }

    private static String describe(ConstituentRow row) {
        return "(" + row.security() + " | " + row.sector() + " | " + row.subIndustry() + ")";
    }
}
