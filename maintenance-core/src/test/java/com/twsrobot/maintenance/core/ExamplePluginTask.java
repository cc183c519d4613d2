package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.MaintenanceTask;
import com.twsrobot.maintenance.api.TaskContext;
import com.twsrobot.maintenance.api.TaskResult;

/** Registered in this module's test META-INF/services to prove discovery works. */
public class ExamplePluginTask implements MaintenanceTask {

    @Override
    public String name() {
        return "example_plugin_task";
    }

    @Override
    public TaskResult run(TaskContext context) {
        return context.newResult(name()).detail("dry_run_seen", context.dryRun()).finish(context.clock().instant());
    }
}
