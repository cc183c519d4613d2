package com.twsrobot.maintenance.api;

import java.util.List;

/**
 * The run-wide facts of a report ({@link RunReport#detail()}) that front ends show, as a type. Null
 * (or empty) where the run did not state them; the report keeps every other run-wide fact as written.
 *
 * @param mode             how the run was asked to run, e.g. {@code APPLY of plan maintenance_…}
 * @param trigger          {@code manual}, {@code schedule} or {@code api:LABEL}
 * @param scheduleApply    why a scheduled run applied, or null
 * @param lockHeldBy       the holder of the run lock that refused the run, or null
 * @param removedTempFiles temp files left by an interrupted run and removed
 * @param prunedReports    reports removed by retention
 * @param interruptedRuns  runs found interrupted and marked so
 */
public record RunDetail(String mode, String trigger, String scheduleApply, String lockHeldBy,
                        List<String> removedTempFiles, List<String> prunedReports, List<String> interruptedRuns) {

    /**
     * Absent lists are empty.
     *
     * @param mode             see the record
     * @param trigger          see the record
     * @param scheduleApply    see the record
     * @param lockHeldBy       see the record
     * @param removedTempFiles see the record
     * @param prunedReports    see the record
     * @param interruptedRuns  see the record
     */
    public RunDetail {
        removedTempFiles = removedTempFiles == null ? List.of() : List.copyOf(removedTempFiles);
        prunedReports = prunedReports == null ? List.of() : List.copyOf(prunedReports);
        interruptedRuns = interruptedRuns == null ? List.of() : List.copyOf(interruptedRuns);
    }
}
