package com.twsrobot.maintenance.api;

import java.util.Set;

/**
 * A named unit of maintenance work. Built-in tasks ship with the library; a plug-in task is a class
 * listed in {@code META-INF/services/com.twsrobot.maintenance.api.MaintenanceTask} with a public
 * no-argument constructor.
 */
public interface MaintenanceTask {

    /** Group of tasks run when a request names none. */
    String GROUP_ALL = "all";
    /** Group of the constituent refresh tasks, one per index. */
    String GROUP_CONSTITUENTS = "constituents";
    /** Group of the market-events tasks. */
    String GROUP_EVENTS = "events";

    /**
     * The task's name: how requests, reports and the command line name it.
     *
     * @return a unique snake_case name, e.g. {@code sp500_constituents}
     */
    String name();

    /**
     * The groups this task belongs to; {@link #GROUP_ALL} puts it in the default set.
     *
     * @return group names
     */
    default Set<String> groups() {
        return Set.of(GROUP_ALL);
    }

    /**
     * One line for {@code --help} and the console.
     *
     * @return the description
     */
    default String description() {
        return name();
    }

    /**
     * Does the work. In a dry run ({@link TaskContext#dryRun()}) nothing may be written. Problems are
     * reported in the result; an exception thrown here is caught by the runner and reported as a
     * failed task.
     *
     * @param context what the run gives the task: the request, clock, directories, progress
     * @return the task's result
     */
    TaskResult run(TaskContext context);
}
