package com.twsrobot.maintenance.core.constituents;

import com.twsrobot.maintenance.api.CauseFormatter;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.ValidationInput;
import com.twsrobot.maintenance.api.ValidationPolicy;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.core.csv.CsvFormatException;
import com.twsrobot.maintenance.core.validation.ValidatorChain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A constituent file checked as it stands on disk against its index's rules: the one check behind
 * both {@code metadata_validation} and the status display.
 */
public record FileCheck(Path file, Optional<Instant> lastModified, Optional<Integer> symbolCount,
                        ValidationResult validation, Optional<String> sha256) {

    public static FileCheck of(IndexSpec spec, Path file, ValidatorChain validators) {
        if (!Files.exists(file)) {
            return new FileCheck(file, Optional.empty(), Optional.empty(),
                    ValidationResult.error(NoticeCode.FILE_MISSING, file + " does not exist"), Optional.empty());
        }
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            ConstituentFile read = ConstituentFile.read(file);
            ValidationPolicy policy = new ValidationPolicy(spec.minimumRows(), ValidationPolicy.DEFAULT_WARN_CHANGE_RATIO,
                    ValidationPolicy.DEFAULT_FAIL_CHANGE_RATIO, false);
            ValidationResult result = validators.validate(new ValidationInput(spec, read.table(), Optional.empty(), policy,
                    read.table().rowCount()));
            return new FileCheck(file, Optional.of(modified), Optional.of(read.table().symbolCount()), result,
                    Optional.of(com.twsrobot.maintenance.api.Sha256.hex(read.bytes())));
        } catch (IOException e) {
            return new FileCheck(file, Optional.empty(), Optional.empty(),
                    ValidationResult.error(NoticeCode.FILE_UNREADABLE,
                            "cannot read " + file + ": " + CauseFormatter.describe(e)), Optional.empty());
        } catch (CsvFormatException e) {
            return new FileCheck(file, Optional.empty(), Optional.empty(), ValidationResult.error(NoticeCode.FILE_UNREADABLE,
                    e.getMessage()), Optional.empty());
        }
    }
}
