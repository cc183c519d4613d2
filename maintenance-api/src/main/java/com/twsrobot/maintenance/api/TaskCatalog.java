package com.twsrobot.maintenance.api;

import java.util.List;
import java.util.Set;

/**
 * The tasks a runner knows, by name, and the groups they form: its constituent tasks (one per index),
 * the plug-in tasks and the built-in ones. Front ends ask it to validate and list task names rather
 * than keep a list of their own.
 */
public interface TaskCatalog {

    /**
     * Every task, in the runner's order (constituent tasks first, in index order).
     *
     * @return the tasks
     */
    List<MaintenanceTask> tasks();

    /**
     * Every task's name, in the runner's order.
     *
     * @return the names
     */
    Set<String> taskNames();

    /**
     * Every group some task is in, sorted.
     *
     * @return the group names
     */
    Set<String> groupNames();

    /**
     * Task and group names in one line, for "known tasks" messages.
     *
     * @return e.g. {@code tasks: a, b; groups: all, constituents}
     */
    String describeKnown();

    /**
     * The tasks named (task or group names) in the runner's order, each once; the {@code all} group when
     * {@code names} is empty.
     *
     * @param names task or group names
     * @return the tasks
     * @throws UnknownTaskException naming the first unknown name and listing the known ones
     */
    List<MaintenanceTask> resolve(List<String> names) throws UnknownTaskException;
}
