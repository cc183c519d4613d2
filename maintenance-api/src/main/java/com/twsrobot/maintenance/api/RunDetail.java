package com.twsrobot.maintenance.api;

import java.util.List;

/**
 * The run-wide facts of a report ({@link RunReport#detail()}), as a type. A null component is a fact the
 * run did not state (written absent). Facts no component names (an old or foreign report's, or a value of
 * another shape than the component's) are kept, as written, in {@link #extra()}: a rewrite (marking a run
 * interrupted, say) loses nothing.
 *
 * @param mode                  how the run was asked to run, e.g. {@code APPLY of plan maintenance_…}
 * @param requestedTasks        the tasks the request named (empty: all)
 * @param trigger               {@code manual}, {@code schedule} or {@code api:LABEL}
 * @param scheduleApply         why a scheduled run applied
 * @param lockHeldBy            the holder of the run lock that refused the run
 * @param pid                   the process that ran it
 * @param host                  the host that ran it
 * @param processStartedAt      when that process started (to the second), so a reused pid is not taken for it
 * @param pendingReplacements   each replace the run began, recorded before the file was replaced
 * @param replacements          each replace the run made, in its final report
 * @param removedTempFiles      temp files left by an interrupted run and removed
 * @param prunedReports         reports removed by retention
 * @param interruptedRuns       runs found interrupted and marked so
 * @param interruptedDetectedAt when this run was found interrupted
 * @param replacedFiles         of an interrupted run: the files it had replaced
 * @param notReplacedFiles      of an interrupted run: the files it left as they were
 * @param changedSinceFiles     of an interrupted run: the files changed again since
 * @param reportWritten         false when the run's report could not be written (stated only then)
 * @param extra                 facts no component names, in their order; never null
 */
public record RunDetail(String mode, List<String> requestedTasks, String trigger, String scheduleApply,
                        String lockHeldBy, Long pid, String host, String processStartedAt,
                        List<Replacement> pendingReplacements, List<Replacement> replacements,
                        List<String> removedTempFiles, List<String> prunedReports, List<String> interruptedRuns,
                        String interruptedDetectedAt, List<String> replacedFiles, List<String> notReplacedFiles,
                        List<String> changedSinceFiles, Boolean reportWritten, PluginDetail extra) {

    private static final RunDetail NONE = builder().build();

    /**
     * Copies the lists; a null extra is empty.
     *
     * @param mode                  see the record
     * @param requestedTasks        see the record
     * @param trigger               see the record
     * @param scheduleApply         see the record
     * @param lockHeldBy            see the record
     * @param pid                   see the record
     * @param host                  see the record
     * @param processStartedAt      see the record
     * @param pendingReplacements   see the record
     * @param replacements          see the record
     * @param removedTempFiles      see the record
     * @param prunedReports         see the record
     * @param interruptedRuns       see the record
     * @param interruptedDetectedAt see the record
     * @param replacedFiles         see the record
     * @param notReplacedFiles      see the record
     * @param changedSinceFiles     see the record
     * @param reportWritten         see the record
     * @param extra                 see the record
     */
    public RunDetail {
        requestedTasks = copy(requestedTasks);
        pendingReplacements = copy(pendingReplacements);
        replacements = copy(replacements);
        removedTempFiles = copy(removedTempFiles);
        prunedReports = copy(prunedReports);
        interruptedRuns = copy(interruptedRuns);
        replacedFiles = copy(replacedFiles);
        notReplacedFiles = copy(notReplacedFiles);
        changedSinceFiles = copy(changedSinceFiles);
        extra = extra == null ? new PluginDetail(null) : extra;
    }

    /**
     * A run that stated no run-wide fact.
     *
     * @return the empty detail
     */
    public static RunDetail none() {
        return NONE;
    }

    /**
     * A builder with no fact stated.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this detail's facts, to add to them (marking a run interrupted, say).
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.mode = mode;
        b.requestedTasks = requestedTasks;
        b.trigger = trigger;
        b.scheduleApply = scheduleApply;
        b.lockHeldBy = lockHeldBy;
        b.pid = pid;
        b.host = host;
        b.processStartedAt = processStartedAt;
        b.pendingReplacements = pendingReplacements;
        b.replacements = replacements;
        b.removedTempFiles = removedTempFiles;
        b.prunedReports = prunedReports;
        b.interruptedRuns = interruptedRuns;
        b.interruptedDetectedAt = interruptedDetectedAt;
        b.replacedFiles = replacedFiles;
        b.notReplacedFiles = notReplacedFiles;
        b.changedSinceFiles = changedSinceFiles;
        b.reportWritten = reportWritten;
        b.extra = extra;
        return b;
    }

    /** Builds a {@link RunDetail}; each setter states one fact (see the record's components). */
    public static final class Builder {
        private String mode;
        private List<String> requestedTasks;
        private String trigger;
        private String scheduleApply;
        private String lockHeldBy;
        private Long pid;
        private String host;
        private String processStartedAt;
        private List<Replacement> pendingReplacements;
        private List<Replacement> replacements;
        private List<String> removedTempFiles;
        private List<String> prunedReports;
        private List<String> interruptedRuns;
        private String interruptedDetectedAt;
        private List<String> replacedFiles;
        private List<String> notReplacedFiles;
        private List<String> changedSinceFiles;
        private Boolean reportWritten;
        private PluginDetail extra;

        /**
         * States {@link RunDetail#mode()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder mode(String value) {
            this.mode = value;
            return this;
        }

        /**
         * States {@link RunDetail#requestedTasks()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder requestedTasks(List<String> value) {
            this.requestedTasks = value;
            return this;
        }

        /**
         * States {@link RunDetail#trigger()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder trigger(String value) {
            this.trigger = value;
            return this;
        }

        /**
         * States {@link RunDetail#scheduleApply()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder scheduleApply(String value) {
            this.scheduleApply = value;
            return this;
        }

        /**
         * States {@link RunDetail#lockHeldBy()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder lockHeldBy(String value) {
            this.lockHeldBy = value;
            return this;
        }

        /**
         * States {@link RunDetail#pid()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder pid(Long value) {
            this.pid = value;
            return this;
        }

        /**
         * States {@link RunDetail#host()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder host(String value) {
            this.host = value;
            return this;
        }

        /**
         * States {@link RunDetail#processStartedAt()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder processStartedAt(String value) {
            this.processStartedAt = value;
            return this;
        }

        /**
         * States {@link RunDetail#pendingReplacements()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder pendingReplacements(List<Replacement> value) {
            this.pendingReplacements = value;
            return this;
        }

        /**
         * States {@link RunDetail#replacements()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder replacements(List<Replacement> value) {
            this.replacements = value;
            return this;
        }

        /**
         * States {@link RunDetail#removedTempFiles()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder removedTempFiles(List<String> value) {
            this.removedTempFiles = value;
            return this;
        }

        /**
         * States {@link RunDetail#prunedReports()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder prunedReports(List<String> value) {
            this.prunedReports = value;
            return this;
        }

        /**
         * States {@link RunDetail#interruptedRuns()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder interruptedRuns(List<String> value) {
            this.interruptedRuns = value;
            return this;
        }

        /**
         * States {@link RunDetail#interruptedDetectedAt()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder interruptedDetectedAt(String value) {
            this.interruptedDetectedAt = value;
            return this;
        }

        /**
         * States {@link RunDetail#replacedFiles()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder replacedFiles(List<String> value) {
            this.replacedFiles = value;
            return this;
        }

        /**
         * States {@link RunDetail#notReplacedFiles()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder notReplacedFiles(List<String> value) {
            this.notReplacedFiles = value;
            return this;
        }

        /**
         * States {@link RunDetail#changedSinceFiles()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder changedSinceFiles(List<String> value) {
            this.changedSinceFiles = value;
            return this;
        }

        /**
         * States {@link RunDetail#reportWritten()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder reportWritten(Boolean value) {
            this.reportWritten = value;
            return this;
        }

        /**
         * States {@link RunDetail#extra()}.
         *
         * @param value the fact
         * @return this builder
         */
        public Builder extra(PluginDetail value) {
            this.extra = value;
            return this;
        }

        /**
         * The detail.
         *
         * @return the detail with the facts stated
         */
        public RunDetail build() {
            return new RunDetail(mode, requestedTasks, trigger, scheduleApply, lockHeldBy, pid, host, processStartedAt, pendingReplacements, replacements, removedTempFiles, prunedReports, interruptedRuns, interruptedDetectedAt, replacedFiles, notReplacedFiles, changedSinceFiles, reportWritten, extra);
        }
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    /**
     * One file replace: written as {@code {file, old_sha256, new_sha256}}.
     *
     * @param file      the file's absolute path
     * @param oldSha256 its content's SHA-256 before
     * @param newSha256 its content's SHA-256 after
     */
    public record Replacement(String file, String oldSha256, String newSha256) {
    }
}
