package com.twsrobot.maintenance.api;

import java.util.Locale;

/** Outcome of validating one table: {@code passed}, {@code warning}, {@code failed}, or {@code not_run}. */
public enum ValidationStatus {
    /** Every rule passed. */
    PASSED,
    /** Some rule warned; the table may be applied after review. */
    WARNING,
    /** Some rule failed; the table may not be applied. */
    FAILED,
    /** Nothing was validated (the task had no table to check). */
    NOT_RUN;

    /**
     * The name used in JSON and on the command line.
     *
     * @return e.g. {@code not_run}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status with this wire name.
     *
     * @param name e.g. {@code passed}
     * @return the status
     * @throws IllegalArgumentException for a name that is none of them
     */
    public static ValidationStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
