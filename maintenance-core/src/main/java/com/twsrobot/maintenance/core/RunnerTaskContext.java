package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.Backup;
import com.twsrobot.maintenance.api.ContentCheck;
import com.twsrobot.maintenance.api.FileWrite;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.TaskContext;
import com.twsrobot.maintenance.api.events.MarketEventsService;

import com.twsrobot.maintenance.core.io.FileReplacer;
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
                         java.util.Map<String, String> providerOptions,
                         java.util.List<com.twsrobot.maintenance.api.IndexSpec> indexes, FileReplacer replacer,
                         com.twsrobot.maintenance.api.HttpSettings http)
        implements TaskContext {

    @Override
    public void recordReplace(Path file, String oldSha256, String newSha256) throws IOException {
        journal.aboutToReplace(file, oldSha256, newSha256);
    }

    @Override
    public FileWrite replaceFile(String changeKey, String fileName, byte[] content, ContentCheck check) throws IOException {
        return replacer.replace(this, changeKey, fileName, content, check);
    }

    @Override
    public FileWrite restoreFile(String changeKey, String fileName, String backupId, ContentCheck check) throws IOException {
        return replacer.restore(this, changeKey, fileName, backupId, check);
    }

    @Override
    public java.util.List<Backup> backups(String fileName) {
        return replacer.backups(dataDir, fileName);
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
