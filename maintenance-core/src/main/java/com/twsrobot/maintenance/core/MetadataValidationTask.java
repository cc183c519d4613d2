package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.LocalFilesDetail;
import com.twsrobot.maintenance.api.MaintenanceTask;
import com.twsrobot.maintenance.api.TaskContext;
import com.twsrobot.maintenance.api.Notice;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.ValidationResult;
import com.twsrobot.maintenance.core.constituents.FileCheck;
import com.twsrobot.maintenance.core.validation.ValidatorChain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code metadata_validation}: checks the local constituent files against their rules and flags
 * files not refreshed for a while. Reads only; never writes data.
 */
final class MetadataValidationTask implements MaintenanceTask {

    static final String NAME = "metadata_validation";

    private final List<IndexSpec> specs;
    private final ValidatorChain validators;
    private final Duration staleAfter;

    MetadataValidationTask(List<IndexSpec> specs, ValidatorChain validators, Duration staleAfter) {
        this.specs = List.copyOf(specs);
        this.validators = validators;
        this.staleAfter = staleAfter;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PREVIEW, Capability.CHECKS_OTHERS);
    }

    @Override
    public Set<String> groups() {
        return Set.of("validation");
    }

    @Override
    public String description() {
        return "validate the local constituent files only (writes no data)";
    }

    @Override
    public TaskResult run(TaskContext context) {
        TaskResult.Builder result = context.newResult(NAME).source("local files in " + context.dataDir());
        ValidationResult all = ValidationResult.passed();
        List<LocalFilesDetail.LocalFile> files = new ArrayList<>();
        int total = 0;
        for (IndexSpec spec : specs) {
            FileCheck check = FileCheck.of(spec, context.dataDir().resolve(spec.fileName()), validators);
            ValidationResult prefixed = new ValidationResult(check.validation().status(),
                    prefix(spec, check.validation().notices()));
            all = all.merge(prefixed);
            check.lastModified().ifPresent(modified -> {
                Duration age = Duration.between(modified, context.clock().instant());
                if (age.compareTo(staleAfter) > 0) {
                    result.warning(NoticeCode.FILE_STALE,
                            spec.fileName() + " was last refreshed " + age.toDays() + " days ago (stale after "
                            + staleAfter.toDays() + " days)");
                }
            });
            total += check.symbolCount().orElse(0);
            files.add(new LocalFilesDetail.LocalFile(spec.index(), check.file().toString(),
                    check.symbolCount().orElse(null), check.validation().status().wireName()));
        }
        result.validation(all).beforeCount(total).afterCount(total).detail(new LocalFilesDetail(files));
        if (all.failed()) {
            result.error(NoticeCode.VALIDATION_FAILED, "local metadata failed validation; see the validation errors");
        }
        return result.finish(context.clock().instant());
    }

    /** Each message names its file; the code stays, and the notice names its index. */
    private static List<Notice> prefix(IndexSpec spec, List<Notice> notices) {
        return notices.stream().map(n -> new Notice(n.severity(), n.code(), spec.fileName() + ": " + n.message(),
                spec.index(), n.symbol(), n.field())).toList();
    }
}
