package com.twsrobot.maintenance.api;

import java.util.Objects;

/**
 * One warning or error as a value: how serious, a stable code, the sentence an operator reads, and
 * what it refers to (an index, a symbol, a field), each optional (null when it refers to none).
 *
 * @param severity a warning or an error
 * @param code     what a front end decides from
 * @param message  one sentence naming what and where
 * @param index    the key of the index it is about ({@code IndexSpec.index()}), or null
 * @param symbol   the symbol it is about, or null
 * @param field    the field (column, option, provider) it is about, or null
 */
public record Notice(Severity severity, NoticeCode code, String message, String index, String symbol, String field) {

    /** Whether a notice blocks (an error) or informs (a warning). */
    public enum Severity {
        /** What an operator should read. */
        WARNING,
        /** Why something was not done. */
        ERROR
    }

    /**
     * Checks the required parts.
     *
     * @param severity the severity
     * @param code     the code
     * @param message  the message
     * @param index    the index, or null
     * @param symbol   the symbol, or null
     * @param field    the field, or null
     * @throws NullPointerException when the severity, code or message is null
     */
    public Notice {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A warning.
     *
     * @param code    its code
     * @param message the sentence
     * @return the notice, referring to nothing yet
     */
    public static Notice warning(NoticeCode code, String message) {
        return new Notice(Severity.WARNING, code, message, null, null, null);
    }

    /**
     * An error.
     *
     * @param code    its code
     * @param message the sentence
     * @return the notice, referring to nothing yet
     */
    public static Notice error(NoticeCode code, String message) {
        return new Notice(Severity.ERROR, code, message, null, null, null);
    }

    /**
     * The same notice about an index.
     *
     * @param value the index key (null for none)
     * @return a copy
     */
    public Notice withIndex(String value) {
        return new Notice(severity, code, message, value, symbol, field);
    }

    /**
     * The same notice about a symbol.
     *
     * @param value the symbol (null for none)
     * @return a copy
     */
    public Notice withSymbol(String value) {
        return new Notice(severity, code, message, index, value, field);
    }

    /**
     * The same notice about a field.
     *
     * @param value the field (null for none)
     * @return a copy
     */
    public Notice withField(String value) {
        return new Notice(severity, code, message, index, symbol, value);
    }

    /**
     * Whether this is a warning.
     *
     * @return true for a warning
     */
    public boolean isWarning() {
        return severity == Severity.WARNING;
    }
}
