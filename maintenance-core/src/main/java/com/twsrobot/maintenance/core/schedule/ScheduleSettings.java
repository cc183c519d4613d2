package com.twsrobot.maintenance.core.schedule;

import com.twsrobot.maintenance.api.MaintenanceTask;

import java.util.List;
import java.util.Objects;

/**
 * The console's schedule, from {@code schedule.dry_run}, {@code schedule.apply} and {@code schedule.tasks}.
 *
 * @param dryRun         when dry runs are due
 * @param applyWhenClean apply a scheduled dry run's plan when its validation passed with no warnings and
 *                       no errors ({@code schedule.apply = when-clean}); otherwise the plan waits for review
 * @param tasks          the tasks or groups each scheduled dry run covers (default: the constituent tasks)
 */
public record ScheduleSettings(Schedule dryRun, boolean applyWhenClean, List<String> tasks) {

    public static final List<String> DEFAULT_TASKS = List.of(MaintenanceTask.GROUP_CONSTITUENTS);

    public ScheduleSettings {
        Objects.requireNonNull(dryRun, "dryRun");
        tasks = tasks == null || tasks.isEmpty() ? DEFAULT_TASKS : List.copyOf(tasks);
    }
}
