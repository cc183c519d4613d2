package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.ValidationPolicy;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.core.constituents.Enrichment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Company names of the members kept: a name that changes beyond normalisation ({@link Enrichment#normaliseName},
 * so "3M" → "3M Company" is no change) is listed anyway in {@code detail.changed_rows}; when more than
 * 10 % of the members change names it warns, above 25 % it fails unless a large change is allowed —
 * a page whose names were rewritten is a damaged page, whatever its symbols say.
 */
public final class NameChangeValidator extends CurrentFileValidator {

    @Override
    public String name() {
        return "member_names";
    }

    @Override
    protected ValidationResult compare(ConstituentTable current, ValidationInput input) {
        Map<String, ConstituentRow> before = current.bySymbol();
        Map<String, ConstituentRow> after = new TreeMap<>(input.proposed().bySymbol());
        List<String> changed = new ArrayList<>();
        after.forEach((symbol, row) -> {
            ConstituentRow was = before.get(symbol);
            if (was != null && !Enrichment.normaliseName(was.security()).equals(Enrichment.normaliseName(row.security()))) {
                changed.add(symbol + " '" + was.security() + "' → '" + row.security() + "'");
            }
        });
        double ratio = changed.size() / (double) before.size();
        if (ratio <= ValidationPolicy.NAME_CHANGE_WARN_RATIO) {
            return ValidationResult.passed();
        }
        String what = String.format(Locale.ROOT, "company names changed for %d of %d kept members (%.1f%%): %s",
                changed.size(), before.size(), 100 * ratio, String.join(", ", changed.subList(0, Math.min(12, changed.size())))
                        + (changed.size() > 12 ? " … (" + (changed.size() - 12) + " more)" : ""));
        String overFail = what + "; above the " + Messages.percent(ValidationPolicy.NAME_CHANGE_FAIL_RATIO)
                + " failure threshold";
        return verdict(NoticeCode.NAME_CHANGE, ratio, ValidationPolicy.NAME_CHANGE_WARN_RATIO,
                ValidationPolicy.NAME_CHANGE_FAIL_RATIO, input, overFail + ", " + ACCEPTED,
                overFail + " (a damaged page?); " + RERUN, what + "; above the "
                + Messages.percent(ValidationPolicy.NAME_CHANGE_WARN_RATIO) + " warning threshold");
    }
}
