package com.twsrobot.maintenance.api;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a run treats the data: a preview, an apply, the apply of a saved plan, or a rollback to a backup
 * (previewed or applied). One value instead of a flag and two optional ids, as Terraform keeps its plan
 * mode. A report records its run's mode as {@link #label()} ({@code detail.mode}); {@link #parse} reads it back.
 */
public sealed interface RunMode permits RunMode.Preview, RunMode.Apply, RunMode.ApplyPlan, RunMode.Rollback {

    /** The backup id meaning "the newest backup of the file". */
    String LATEST_BACKUP = "latest";

    /**
     * Whether the run may write data (everything but a preview and a rollback preview).
     *
     * @return true for an apply, a plan's apply and a rollback's apply
     */
    boolean writes();

    /**
     * Whether nothing but the report is written.
     *
     * @return {@code !writes()}: the report's {@code dry_run}
     */
    default boolean dryRun() {
        return !writes();
    }

    /**
     * The mode as the report records it in {@code detail.mode}, e.g. {@code dry run},
     * {@code APPLY of plan maintenance_20260624_001500}, {@code dry run of ROLLBACK to backup 20260624_001500}.
     *
     * @return the label {@link #parse} reads back
     */
    String label();

    /**
     * The mode in an operator's words, for summaries and titles: {@code dry run}, {@code apply},
     * {@code apply of plan ID}, {@code rollback preview of backup ID}, {@code rollback to backup ID}.
     *
     * @return a short lower-case phrase
     */
    String title();

    /**
     * A preview: nothing but the report (and a constituent task's plan) is written.
     *
     * @return the mode
     */
    static RunMode preview() {
        return Preview.INSTANCE;
    }

    /**
     * Fetch, validate and write in one go.
     *
     * @return the mode
     */
    static RunMode apply() {
        return Apply.INSTANCE;
    }

    /**
     * Write exactly what the preview with this report id saved, without fetching.
     *
     * @param planId the preview's report id
     * @return the mode
     */
    static RunMode applyPlan(String planId) {
        return new ApplyPlan(planId);
    }

    /**
     * Show what restoring the backup would change; write nothing.
     *
     * @param backupId a backup id, or {@link #LATEST_BACKUP}
     * @return the mode
     */
    static RunMode rollbackPreview(String backupId) {
        return new Rollback(backupId, false);
    }

    /**
     * Restore the backup through the apply path.
     *
     * @param backupId a backup id, or {@link #LATEST_BACKUP}
     * @return the mode
     */
    static RunMode rollback(String backupId) {
        return new Rollback(backupId, true);
    }

    /**
     * The mode a report's {@code detail.mode} names.
     *
     * @param label what {@link #label()} wrote
     * @return the mode; empty for a label no mode writes
     */
    static Optional<RunMode> parse(String label) {
        if (label == null) {
            return Optional.empty();
        }
        if (label.equals(Preview.LABEL)) {
            return Optional.of(preview());
        }
        if (label.equals(Apply.LABEL)) {
            return Optional.of(apply());
        }
        Matcher plan = ApplyPlan.LABEL.matcher(label);
        if (plan.matches()) {
            return Optional.of(applyPlan(plan.group(1)));
        }
        Matcher rollback = Rollback.LABEL.matcher(label);
        if (rollback.matches()) {
            return Optional.of(new Rollback(rollback.group(2), rollback.group(1) == null));
        }
        return Optional.empty();
    }

    /**
     * The mode a report's run had: its {@code detail.mode}, else (a run refused before it recorded one)
     * a preview or an apply as its {@code dry_run} says.
     *
     * @param report a run's report
     * @return the mode
     */
    static RunMode of(RunReport report) {
        return parse(report.detail().mode()).filter(m -> m.dryRun() == report.dryRun())
                .orElse(report.dryRun() ? preview() : apply());
    }

    /** A preview. */
    record Preview() implements RunMode {
        private static final Preview INSTANCE = new Preview();
        private static final String LABEL = "dry run";

        @Override
        public boolean writes() {
            return false;
        }

        @Override
        public String label() {
            return LABEL;
        }

        @Override
        public String title() {
            return "dry run";
        }
    }

    /** An apply that fetches, validates and writes. */
    record Apply() implements RunMode {
        private static final Apply INSTANCE = new Apply();
        private static final String LABEL = "APPLY";

        @Override
        public boolean writes() {
            return true;
        }

        @Override
        public String label() {
            return LABEL;
        }

        @Override
        public String title() {
            return "apply";
        }
    }

    /**
     * The apply of the plan a preview saved.
     *
     * @param planId the preview's report id
     */
    record ApplyPlan(String planId) implements RunMode {
        private static final Pattern LABEL = Pattern.compile("APPLY of plan (\\S+)");

        /**
         * Checks the id.
         *
         * @param planId the preview's report id, not blank
         * @throws IllegalArgumentException for a blank id
         */
        public ApplyPlan {
            if (Objects.requireNonNull(planId, "planId").isBlank()) {
                throw new IllegalArgumentException("a plan's apply needs the preview's report id");
            }
        }

        @Override
        public boolean writes() {
            return true;
        }

        @Override
        public String label() {
            return "APPLY of plan " + planId;
        }

        @Override
        public String title() {
            return "apply of plan " + planId;
        }
    }

    /**
     * A rollback to a backup: previewed, or applied.
     *
     * @param backupId the backup, or {@link #LATEST_BACKUP} for the newest
     * @param apply    true to restore it, false to preview the restore
     */
    record Rollback(String backupId, boolean apply) implements RunMode {
        private static final Pattern LABEL = Pattern.compile("(dry run of )?ROLLBACK to backup (\\S+)");

        /**
         * Checks the id.
         *
         * @param backupId a backup id or {@link #LATEST_BACKUP}, not blank
         * @param apply    true to restore
         * @throws IllegalArgumentException for a blank id
         */
        public Rollback {
            if (Objects.requireNonNull(backupId, "backupId").isBlank()) {
                throw new IllegalArgumentException("a rollback needs a backup id (or " + LATEST_BACKUP + ")");
            }
        }

        /**
         * Whether the backup is "the newest", to be pinned to an id when the run starts.
         *
         * @return true for {@link #LATEST_BACKUP}
         */
        public boolean latest() {
            return backupId.equals(LATEST_BACKUP);
        }

        /**
         * The same rollback to another backup.
         *
         * @param id the backup id
         * @return a new mode
         */
        public Rollback to(String id) {
            return new Rollback(id, apply);
        }

        @Override
        public boolean writes() {
            return apply;
        }

        @Override
        public String label() {
            return (apply ? "" : "dry run of ") + "ROLLBACK to backup " + backupId;
        }

        @Override
        public String title() {
            return (apply ? "rollback to backup " : "rollback preview of backup ") + backupId;
        }
    }
}
