package com.twsrobot.maintenance.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Warnings and errors found by validators, as {@link Notice}s with stable codes; the status follows
 * from them unless nothing ran.
 *
 * @param status  failed with errors, warning with warnings, passed, or not run
 * @param notices the warnings (what an operator should read before applying) and errors (why the
 *                proposal may not be applied), in the order the validators found them
 */
public record ValidationResult(ValidationStatus status, List<Notice> notices) {

    /**
     * Copies the list.
     *
     * @param status  the status
     * @param notices the notices
     */
    public ValidationResult {
        notices = List.copyOf(notices);
    }

    /**
     * A result of messages without codes (they read as {@link NoticeCode#UNSPECIFIED}), e.g. a plug-in
     * validator's or an old report's.
     *
     * @param status   the status
     * @param warnings the warnings
     * @param errors   the errors
     */
    public ValidationResult(ValidationStatus status, List<String> warnings, List<String> errors) {
        this(status, uncoded(warnings, errors));
    }

    /**
     * A result whose status follows from its notices.
     *
     * @param notices the warnings and errors
     * @return failed with an error, warning with a warning, else passed
     */
    public static ValidationResult of(List<Notice> notices) {
        ValidationStatus status = notices.stream().anyMatch(n -> !n.isWarning()) ? ValidationStatus.FAILED
                : !notices.isEmpty() ? ValidationStatus.WARNING : ValidationStatus.PASSED;
        return new ValidationResult(status, notices);
    }

    /**
     * A result whose status follows from its messages, without codes.
     *
     * @param warnings the warnings
     * @param errors   the errors
     * @return failed with errors, warning with warnings, else passed
     */
    public static ValidationResult of(List<String> warnings, List<String> errors) {
        return of(uncoded(warnings, errors));
    }

    /**
     * A clean result.
     *
     * @return passed, without messages
     */
    public static ValidationResult passed() {
        return of(List.of());
    }

    /**
     * The result of a task that validated nothing.
     *
     * @return not run, without messages
     */
    public static ValidationResult notRun() {
        return new ValidationResult(ValidationStatus.NOT_RUN, List.of());
    }

    /**
     * A failed result, without a code.
     *
     * @param error why
     * @return failed, with that error
     */
    public static ValidationResult error(String error) {
        return error(NoticeCode.UNSPECIFIED, error);
    }

    /**
     * A failed result.
     *
     * @param code  the error's code
     * @param error why
     * @return failed, with that error
     */
    public static ValidationResult error(NoticeCode code, String error) {
        return of(List.of(Notice.error(code, error)));
    }

    /**
     * A result with one warning, without a code.
     *
     * @param warning what to read
     * @return warning, with that message
     */
    public static ValidationResult warning(String warning) {
        return warning(NoticeCode.UNSPECIFIED, warning);
    }

    /**
     * A result with one warning.
     *
     * @param code    the warning's code
     * @param warning what to read
     * @return warning, with that message
     */
    public static ValidationResult warning(NoticeCode code, String warning) {
        return of(List.of(Notice.warning(code, warning)));
    }

    /**
     * The same result with every notice about an index (notices already about one keep theirs).
     *
     * @param index the index key
     * @return a copy
     */
    public ValidationResult aboutIndex(String index) {
        return new ValidationResult(status, notices.stream().map(n -> n.index() == null ? n.withIndex(index) : n).toList());
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
        List<Notice> all = new ArrayList<>(notices);
        all.addAll(other.notices);
        return of(all);
    }

    /**
     * The warnings' messages, as reports list them.
     *
     * @return the messages, in order
     */
    public List<String> warnings() {
        return notices.stream().filter(Notice::isWarning).map(Notice::message).toList();
    }

    /**
     * The errors' messages, as reports list them.
     *
     * @return the messages, in order
     */
    public List<String> errors() {
        return notices.stream().filter(n -> !n.isWarning()).map(Notice::message).toList();
    }

    /**
     * Whether the proposal may not be applied.
     *
     * @return true when the status is failed
     */
    public boolean failed() {
        return status == ValidationStatus.FAILED;
    }

    /**
     * Whether a notice with this code is among the warnings or errors.
     *
     * @param code the code
     * @return true when one has it
     */
    public boolean has(NoticeCode code) {
        return notices.stream().anyMatch(n -> n.code() == code);
    }

    static List<Notice> uncoded(List<String> warnings, List<String> errors) {
        List<Notice> out = new ArrayList<>();
        warnings.forEach(w -> out.add(Notice.warning(NoticeCode.UNSPECIFIED, w)));
        errors.forEach(e -> out.add(Notice.error(NoticeCode.UNSPECIFIED, e)));
        return out;
    }
}
