package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ConstituentTable;
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
}
