package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.MaintenanceTask;
import com.twsrobot.maintenance.api.TaskCatalog;
import com.twsrobot.maintenance.api.UnknownTaskException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tasks a runner knows, by name, and the groups they form. */
final class TaskRegistry implements TaskCatalog {

    private final Map<String, MaintenanceTask> tasks = new LinkedHashMap<>();

    /** Registers tasks in order; a later task with a taken name is refused with a message. */
    TaskRegistry(List<MaintenanceTask> candidates, List<String> problems) {
        for (MaintenanceTask task : candidates) {
            MaintenanceTask previous = tasks.putIfAbsent(task.name(), task);
            if (previous != null && previous != task) {
                problems.add("task name '" + task.name() + "' of " + task.getClass().getName()
                        + " is already taken by " + previous.getClass().getName() + "; ignored");
            }
        }
    }

    @Override
    public List<MaintenanceTask> tasks() {
        return List.copyOf(tasks.values());
    }

    @Override
    public Set<String> taskNames() {
        return tasks.keySet();
    }

    @Override
    public Set<String> groupNames() {
        Set<String> groups = new java.util.TreeSet<>(); // sorted: a task's own group set has no order
        tasks.values().forEach(t -> groups.addAll(t.groups()));
        return groups;
    }

    @Override
    public String describeKnown() {
        return "tasks: " + String.join(", ", taskNames()) + "; groups: " + String.join(", ", groupNames());
    }

    @Override
    public List<MaintenanceTask> resolve(List<String> names) throws UnknownTaskException {
        List<String> wanted = names.isEmpty() ? List.of(MaintenanceTask.GROUP_ALL) : names;
        Set<MaintenanceTask> chosen = new LinkedHashSet<>();
        for (String name : wanted) {
            MaintenanceTask task = tasks.get(name);
            if (task != null) {
                chosen.add(task);
                continue;
            }
            List<MaintenanceTask> group = new ArrayList<>();
            tasks.values().stream().filter(t -> t.groups().contains(name)).forEach(group::add);
            if (group.isEmpty()) {
                throw new UnknownTaskException("unknown task '" + name + "'; known " + describeKnown());
            }
            chosen.addAll(group);
        }
        List<MaintenanceTask> ordered = new ArrayList<>();
        tasks.values().stream().filter(chosen::contains).forEach(ordered::add);
        return ordered;
    }
}
