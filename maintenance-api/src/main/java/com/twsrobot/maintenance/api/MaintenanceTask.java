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
     * @return a unique snake_case name, e.g. {@code ftse100_constituents}
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

    /** What a task can do, declared by the task so the runner never has to guess from its class. */
    enum Capability {
        /** A dry run of it shows what an apply would change. */
        PREVIEW,
        /**
         * Its dry run saves a plan that an apply writes exactly, and the files it replaces are backed up
         * and can be restored: it accepts a request with a plan id or a rollback.
         */
        PLANS,
        /** It writes data files when applied (the runner holds the run lock for it). */
        WRITES_FILES,
        /** It checks what the other tasks of the run wrote, so it runs after them. */
        CHECKS_OTHERS
    }

    /**
     * What the task can do.
     *
     * @return its capabilities; {@link Capability#PREVIEW} by default
     */
    default Set<Capability> capabilities() {
        return Set.of(Capability.PREVIEW);
    }

    /**
     * The data-dir files this task replaces through
     * {@link TaskContext#replaceFile(String, String, byte[], ContentCheck)}, by plain name: the runner
     * lists their backups under this task ({@code backups --task}) and routes {@code rollback --task}
     * to it (the task then calls {@link TaskContext#restoreFile}).
     *
     * @return file names; empty (the default) for a task that writes no data-dir file
     */
    default Set<String> files() {
        return Set.of();
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
