package com.twsrobot.maintenance.api;

import java.util.ArrayList;
import java.util.List;

/** Warnings and errors found by validators; the status follows from them unless nothing ran. */
public record ValidationResult(ValidationStatus status, List<String> warnings, List<String> errors) {

    public ValidationResult {
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    public static ValidationResult of(List<String> warnings, List<String> errors) {
        ValidationStatus status = !errors.isEmpty() ? ValidationStatus.FAILED
                : !warnings.isEmpty() ? ValidationStatus.WARNING : ValidationStatus.PASSED;
        return new ValidationResult(status, warnings, errors);
    }

    public static ValidationResult passed() {
        return of(List.of(), List.of());
    }

    public static ValidationResult notRun() {
        return new ValidationResult(ValidationStatus.NOT_RUN, List.of(), List.of());
    }

    public static ValidationResult error(String error) {
        return of(List.of(), List.of(error));
    }

    public static ValidationResult warning(String warning) {
        return of(List.of(warning), List.of());
    }

    /** Both results' warnings and errors together; {@code not_run} only if both were not run. */
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

    public boolean failed() {
        return status == ValidationStatus.FAILED;
    }
}
