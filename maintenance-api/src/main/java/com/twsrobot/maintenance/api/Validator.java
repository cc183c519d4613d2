package com.twsrobot.maintenance.api;

/**
 * One rule a proposed constituent table must pass before it may replace the current file.
 * Built-in rules ship with the core; more are found with {@link java.util.ServiceLoader}.
 * A validator reports every problem it sees and never throws for bad data.
 */
public interface Validator {

    /**
     * A short name for logs.
     *
     * @return e.g. {@code duplicate_symbols}
     */
    String name();

    /**
     * Checks the proposal.
     *
     * @param input the index, the proposed and current tables, the policy and the second opinions
     * @return passed, or warnings and errors that name the symbols and numbers involved
     */
    ValidationResult validate(ValidationInput input);
}
