package com.twsrobot.maintenance.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What started a run, recorded in its report as {@code detail.trigger}: {@code manual} (a person or a
 * host's code), {@code schedule} (the console's schedule) or {@code api:LABEL} (a program with the
 * console's API token of that label).
 */
public sealed interface Trigger permits Trigger.Manual, Trigger.Schedule, Trigger.ApiToken {

    /**
     * The value the report records.
     *
     * @return {@code manual}, {@code schedule} or {@code api:LABEL}
     */
    String wireName();

    /**
     * A run a person or a host's code asked for.
     *
     * @return the trigger
     */
    static Trigger manual() {
        return new Manual();
    }

    /**
     * A run the console's schedule started.
     *
     * @return the trigger
     */
    static Trigger schedule() {
        return new Schedule();
    }

    /**
     * A run a program asked the console for with an API token.
     *
     * @param label the token's label
     * @return the trigger
     * @throws IllegalArgumentException for a label that is not 1 to 64 letters, digits, {@code _ . -}
     */
    static Trigger apiToken(String label) {
        return new ApiToken(label);
    }

    /**
     * The trigger a report's {@code detail.trigger} names.
     *
     * @param wireName {@code manual}, {@code schedule} or {@code api:LABEL}
     * @return the trigger
     * @throws IllegalArgumentException for any other value
     */
    static Trigger parse(String wireName) {
        Objects.requireNonNull(wireName, "trigger");
        if (wireName.equals(Manual.NAME)) {
            return manual();
        }
        if (wireName.equals(Schedule.NAME)) {
            return schedule();
        }
        if (wireName.startsWith(ApiToken.PREFIX)) {
            return apiToken(wireName.substring(ApiToken.PREFIX.length()));
        }
        throw new IllegalArgumentException("trigger must be " + Manual.NAME + ", " + Schedule.NAME + " or "
                + ApiToken.PREFIX + "LABEL, got '" + wireName + "'");
    }

    /** A person or a host's code. */
    record Manual() implements Trigger {
        private static final String NAME = "manual";

        @Override
        public String wireName() {
            return NAME;
        }
    }

    /** The console's schedule. */
    record Schedule() implements Trigger {
        private static final String NAME = "schedule";

        @Override
        public String wireName() {
            return NAME;
        }
    }

    /**
     * A program with one of the console's API tokens.
     *
     * @param label the token's label
     */
    record ApiToken(String label) implements Trigger {
        private static final String PREFIX = "api:";
        private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

        /**
         * Checks the label.
         *
         * @param label 1 to 64 letters, digits, {@code _ . -}, starting with a letter or digit
         * @throws IllegalArgumentException for another label
         */
        public ApiToken {
            if (label == null || !LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("an API token's label must be 1 to 64 letters, digits, '_', '.' or "
                        + "'-', got '" + label + "'");
            }
        }

        @Override
        public String wireName() {
            return PREFIX + label;
        }
    }
}
