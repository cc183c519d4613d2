package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.ValidationResult;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** What the built-in checks' messages share: long lists kept readable, thresholds as percentages. */
final class Messages {

    private static final int SHOWN = 10;

    private Messages() {
    }

    /** The first ten items, then "and N more". */
    static String listSome(List<String> items) {
        if (items.size() <= SHOWN) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, SHOWN)) + " and " + (items.size() - SHOWN) + " more";
    }

    /** A ratio as a whole percentage, e.g. 0.1 → "10%". */
    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    /** Passed when a check found nothing, else one error with {@code code} and the message about what it found. */
    static ValidationResult errorIfAny(List<String> found, NoticeCode code, Supplier<String> message) {
        return found.isEmpty() ? ValidationResult.passed() : ValidationResult.error(code, message.get());
    }
}
