package com.twsrobot.maintenance.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Warnings and errors found by validators; the status follows from them unless nothing ran.
 *
 * @param status   failed with errors, warning with warnings, passed, or not run
 * @param warnings what an operator should read before applying
 * @param errors   why the proposal may not be applied
 */
public record ValidationResult(ValidationStatus status, List<String> warnings, List<String> errors) {

    /**
     * Copies the lists.
     *
     * @param status   the status
     * @param warnings the warnings
     * @param errors   the errors
     */
    public ValidationResult {
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    /**
     * A result whose status follows from its messages.
     *
     * @param warnings the warnings
     * @param errors   the errors
     * @return failed with errors, warning with warnings, else passed
     */
    public static ValidationResult of(List<String> warnings, List<String> errors) {
        ValidationStatus status = !errors.isEmpty() ? ValidationStatus.FAILED
                : !warnings.isEmpty() ? ValidationStatus.WARNING : ValidationStatus.PASSED;
        return new ValidationResult(status, warnings, errors);
    }

    /**
     * A clean result.
     *
     * @return passed, without messages
     */
    public static ValidationResult passed() {
        return of(List.of(), List.of());
    }

    /**
     * The result of a task that validated nothing.
     *
     * @return not run, without messages
     */
    public static ValidationResult notRun() {
        return new ValidationResult(ValidationStatus.NOT_RUN, List.of(), List.of());
    }

    /**
     * A failed result.
     *
     * @param error why
     * @return failed, with that error
     */
    public static ValidationResult error(String error) {
        return of(List.of(), List.of(error));
    }

    /**
     * A result with one warning.
     *
     * @param warning what to read
     * @return warning, with that message
     */
    public static ValidationResult warning(String warning) {
        return of(List.of(warning), List.of());
    }

    /**
     * Both results' warnings and errors together.
     *
     * @param other another result
     * @return the merged result; not run only if both were not run
     */
    public ValidationResult merge(ValidationResult other) {
        if (status == ValidationStatus.NOT_RUN) {
            return other;
        }
        if (other.status == ValidationStatus.NOT_RUN) {
            return this;
        }
        List<String> w = new ArrayList<>(warnings);
        w.addAll(other.warnings);
        List<String> e = new ArrayList<>(errors);
        e.addAll(other.errors);
        return of(w, e);
    }

    /**
     * Whether the proposal may not be applied.
     *
     * @return true when the status is failed
     */
    public boolean failed() {
        return status == ValidationStatus.FAILED;
    }
}
