package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.api.Validator;

import java.util.Locale;
import java.util.Map;

/**
 * A change of sector for more than a fifth of the members warns: single reclassifications are
 * normal, but a wholesale change is a sector-scheme change (or a page that moved its columns) worth a
 * look before it reaches the screener.
 */
public final class SectorChangeValidator implements Validator {

    /** The share of kept members whose sector may change before it warns. */
    public static final double WARN_SHARE = 0.20;

    @Override
    public String name() {
        return "sector_change";
    }

    @Override
    public ValidationResult validate(ValidationInput input) {
        if (input.current().isEmpty()) {
            return ValidationResult.passed();
        }
        Map<String, ConstituentRow> before = input.current().get().bySymbol();
        Map<String, ConstituentRow> after = input.proposed().bySymbol();
        int kept = 0;
        int changed = 0;
        for (Map.Entry<String, ConstituentRow> e : after.entrySet()) {
            ConstituentRow old = before.get(e.getKey());
            if (old == null || isBlank(old.sector()) || isBlank(e.getValue().sector())) {
                continue;
            }
            kept++;
            if (!old.sector().equals(e.getValue().sector())) {
                changed++;
            }
        }
        int members = before.size();
        if (members > 0 && changed / (double) members > WARN_SHARE) {
            return ValidationResult.warning(NoticeCode.SECTOR_CHANGE,
                    String.format(Locale.ROOT, "the sector changes for %d of %d members "
                    + "(%.0f%%, above %.0f%%; %d kept): a sector-scheme change, or a page whose columns moved? Review "
                    + "the field changes", changed, members, 100.0 * changed / members, 100 * WARN_SHARE, kept));
        }
        return ValidationResult.passed();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
