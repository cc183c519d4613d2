package com.twsrobot.maintenance.api;

import java.util.Locale;

/** Outcome of validating one table: {@code passed}, {@code warning}, {@code failed}, or {@code not_run}. */
public enum ValidationStatus {
    PASSED, WARNING, FAILED, NOT_RUN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ValidationStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
