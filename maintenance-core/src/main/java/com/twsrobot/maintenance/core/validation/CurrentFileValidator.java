package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.api.Validator;

/**
 * A check that judges the proposal against the current file; with nothing to compare (no current file,
 * or one without a symbol) it passes.
 */
public abstract class CurrentFileValidator implements Validator {

    @Override
    public ValidationResult validate(ValidationInput input) {
        if (input.current().isEmpty() || input.current().get().symbolCount() == 0) {
            return ValidationResult.passed();
        }
        return compare(input.current().get(), input);
    }

    /**
     * The judgement, given a current file that has symbols.
     *
     * @param current the current file
     * @param input   the whole input (proposal, policy, facts)
     * @return the result
     */
    protected abstract ValidationResult compare(ConstituentTable current, ValidationInput input);

    /** How a message over the failure threshold ends when a large change was allowed. */
    static final String ACCEPTED = "accepted because a large change was explicitly allowed";
    /** How a message over the failure threshold ends when it fails. */
    static final String RERUN = "rerun with --allow-large-change if this is expected";

    /**
     * The verdict on a change of {@code ratio} from the current file: above {@code failAt} an error, or a
     * warning where the policy allows a large change; above {@code warnAt} a warning; else passed. The
     * wording is each check's own.
     *
     * @param code     the notice's code
     * @param ratio    how far the proposal is from the current file
     * @param warnAt   the warning threshold
     * @param failAt   the failure threshold
     * @param input    whose policy says whether a large change is allowed
     * @param accepted the message over {@code failAt} when a large change is allowed
     * @param refused  the message over {@code failAt} otherwise
     * @param warned   the message over {@code warnAt}
     * @return the verdict
     */
    static ValidationResult verdict(NoticeCode code, double ratio, double warnAt, double failAt, ValidationInput input,
                                    String accepted, String refused, String warned) {
        if (ratio > failAt) {
            return input.policy().allowLargeChange() ? ValidationResult.warning(code, accepted)
                    : ValidationResult.error(code, refused);
        }
        return ratio > warnAt ? ValidationResult.warning(code, warned) : ValidationResult.passed();
    }
}
