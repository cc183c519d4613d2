package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskContext;
import com.twsrobot.maintenance.api.events.MarketEventsService;

import com.twsrobot.maintenance.core.report.RunJournal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The context the runner hands each task. */
record RunnerTaskContext(RunRequest request, String reportId, Clock clock, Path dataDir, Path reportsDir,
                         Consumer<String> progressListener,
                         Supplier<Optional<MarketEventsService>> events, RunJournal journal,
                         java.util.List<com.twsrobot.maintenance.api.events.EventSymbols> eventSymbols,
                         java.util.Map<String, String> providerOptions)
        implements TaskContext {

    @Override
    public void recordReplace(Path file, String oldSha256, String newSha256) throws IOException {
        journal.aboutToReplace(file, oldSha256, newSha256);
    }

    @Override
    public Optional<MarketEventsService> marketEvents() {
        return events.get();
    }

    @Override
    public boolean dryRun() {
        return request.dryRun();
    }

    @Override
    public void progress(String message) {
        progressListener.accept(message);
    }
}
