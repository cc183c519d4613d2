package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskContext;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/** The context the runner hands each task. */
record RunnerTaskContext(RunRequest request, String reportId, Clock clock, Path dataDir, Path reportsDir,
                         Consumer<String> progressListener) implements TaskContext {

    @Override
    public boolean dryRun() {
        return request.dryRun();
    }

    @Override
    public void progress(String message) {
        progressListener.accept(message);
    }
}
