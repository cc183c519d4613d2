package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.CauseFormatter;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.api.Validator;

import java.util.ArrayList;
import java.util.List;

/** Runs every validator and collects all their findings, not just the first. */
public final class ValidatorChain {

    private final List<Validator> validators;

    public ValidatorChain(List<Validator> validators) {
        this.validators = List.copyOf(validators);
    }

    /** The built-in rules, in the order their messages read best. */
    public static List<Validator> builtIn() {
        return builtIn(new TextSafetyValidator());
    }

    /** The built-in rules with this text-safety rule (the operator's {@code text_safety.allow_leading}). */
    public static List<Validator> builtIn(TextSafetyValidator textSafety) {
        return List.of(new SourceRecordsValidator(), new RequiredColumnsValidator(), new BlankSymbolValidator(),
                new SymbolFormatValidator(), textSafety, new DuplicateSymbolValidator(), new MinimumRowsValidator(),
                new CountChangeValidator(), new ChurnValidator(), new ChangeRecordValidator(), new NameChangeValidator(),
                new SectorChangeValidator(), new ConsensusValidator());
    }

    public static ValidatorChain withBuiltIns(List<Validator> extra) {
        return withBuiltIns(extra, new TextSafetyValidator());
    }

    public static ValidatorChain withBuiltIns(List<Validator> extra, TextSafetyValidator textSafety) {
        List<Validator> all = new ArrayList<>(builtIn(textSafety));
        all.addAll(extra);
        return new ValidatorChain(all);
    }

    /** A validator that throws is reported as an error naming it; the others still run. */
    public ValidationResult validate(ValidationInput input) {
        ValidationResult result = ValidationResult.passed();
        for (Validator validator : validators) {
            ValidationResult one;
            try {
                one = validator.validate(input);
            } catch (RuntimeException e) {
                one = ValidationResult.error(NoticeCode.VALIDATOR_FAILED,
                        "validator " + validator.name() + " failed: " + CauseFormatter.describe(e));
            }
            result = result.merge(one);
        }
        // Each notice names the index it is about (a validator may name a symbol or field itself).
        return result.aboutIndex(input.spec().index());
    }
}
