package com.twsrobot.maintenance.core.validation;

import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.api.Validator;

/** The source parsed at least one record: an empty proposal never replaces a file. */
public final class SourceRecordsValidator implements Validator {

    @Override
    public String name() {
        return "source_records";
    }

    @Override
    public ValidationResult validate(ValidationInput input) {
        return input.recordsParsed() > 0 && input.proposed().rowCount() > 0 ? ValidationResult.passed()
                : ValidationResult.error(NoticeCode.NO_SOURCE_RECORDS, "no source records were parsed");
    }
}
