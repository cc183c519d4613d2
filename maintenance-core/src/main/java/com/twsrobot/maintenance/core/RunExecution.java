package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.CauseFormatter;
import com.twsrobot.maintenance.api.UnknownTaskException;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.MaintenanceTask;
import com.twsrobot.maintenance.api.Notice;
import com.twsrobot.maintenance.api.NoticeCode;
import com.twsrobot.maintenance.api.RunDetail;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.Trigger;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.api.events.EventSymbols;
import com.twsrobot.maintenance.api.events.MarketEventsService;
import com.twsrobot.maintenance.core.calendar.CalendarOverrides;
import com.twsrobot.maintenance.core.calendar.ExchangeCalendar;
import com.twsrobot.maintenance.core.calendar.MarketClock;
import com.twsrobot.maintenance.core.constituents.PlanCheck;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.io.RunLock;
import com.twsrobot.maintenance.core.io.TempFileSweeper;
import com.twsrobot.maintenance.core.report.InterruptedRuns;
import com.twsrobot.maintenance.core.report.ReportStore;
import com.twsrobot.maintenance.core.report.RunJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.twsrobot.maintenance.core.report.TaskDetails;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One runner's way of carrying out a request: reserve the report id, take the run lock for anything that
 * may write (a refused run only writes its report, saying so), write the {@code in_progress} journal,
 * check the calendars, resolve the tasks, run them (concurrently, a task that checks the others last),
 * and write the report — a writing run before it releases the lock. Problems end up in the report;
 * nothing throws.
 * Its components are what a run needs of its runner; one per runner.
 */
record RunExecution(Path dataDir, Path reportsDir, Clock clock, Consumer<String> progress, ReportStore reports,
                    AtomicFileWriter writer, List<String> setupProblems, Map<String, String> defaultSourceUrls,
                    Duration sourceTimeout, List<IndexSpec> indexes, Duration maxPlanAge, TaskRegistry registry,
                    Duration keepReportsFor, Supplier<Optional<MarketEventsService>> marketEvents,
                    java.util.Set<String> exchanges, List<EventSymbols> eventSymbols, Map<String, String> providerOptions,
                    com.twsrobot.maintenance.core.io.FileReplacer replacer, com.twsrobot.maintenance.api.HttpSettings http,
                    long maxFileBytes) {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceRunner.class);

    /** Runs the request and writes its report; never throws. Progress lines also go to {@code listener}. */
    RunReport run(RunRequest request, Consumer<String> listener) {
        Consumer<String> progress = message -> {
            this.progress.accept(message);
            listener.accept(message);
        };
        Instant started = clock.instant();
        RunJournal journal;
        try {
            RunDetail what = RunDetail.builder().mode(request.mode().label()).requestedTasks(request.tasks()).build();
            journal = RunJournal.reserve(reports, writer, request.dryRun(), started, what);
            if (request.dryRun()) {
                journal.begin();
            }
        } catch (IOException | RuntimeException e) {
            return unrecorded(request, started, e);
        }
        if (request.dryRun()) {
            return execute(request, started, journal, progress, null);
        }
        // A writing run is in_progress on disk only while it holds the lock, and writes its final report
        // before letting go: so the lock's holder knows every other in_progress writing report is dead.
        boolean dataDirExisted = Files.isDirectory(dataDir);
        RunLock lock;
        try {
            lock = RunLock.acquire(dataDir, "run " + journal.reportId() + " of " + (request.tasks().isEmpty()
                    ? request.mode().label() : request.tasks()), started);
        } catch (RunLock.HeldException e) {
            RunDetail.Builder detail = RunDetail.builder().lockHeldBy(e.holder());
            List<Notice> notices = setupNotices();
            notices.add(Notice.error(NoticeCode.LOCK_HELD,
                    e.getMessage() + "; nothing was run (try again when it has finished)"));
            return finish(request, started, journal.reportId(), List.of(), notices, detail, progress);
        } catch (IOException | RuntimeException e) {
            List<Notice> notices = setupNotices();
            notices.add(Notice.error(NoticeCode.LOCK_HELD,
                    "could not take the run lock in " + dataDir.toAbsolutePath() + ": "
                    + CauseFormatter.describe(e) + "; nothing was run, no file was changed"));
            return finish(request, started, journal.reportId(), List.of(), notices, RunDetail.builder(), progress);
        }
        try {
            try {
                journal.begin();
            } catch (IOException | RuntimeException e) {
                return unrecorded(request, started, e);
            }
            return execute(request, started, journal, progress, dataDirExisted);
        } finally {
            try {
                lock.close();
            } catch (IOException e) {
                LOG.warn("the run lock in {} could not be released cleanly: {}", dataDir, CauseFormatter.describe(e));
            }
        }
    }

    /** The runner's own set-up problems (e.g. a plug-in that could not be loaded), as the run's first warnings. */
    private List<Notice> setupNotices() {
        List<Notice> notices = new ArrayList<>();
        setupProblems.forEach(p -> notices.add(Notice.warning(NoticeCode.RUN_NOTE, p)));
        return notices;
    }

    /** No record can be kept, so nothing may change: refused before touching any data. */
    private RunReport unrecorded(RunRequest request, Instant started, Exception e) {
        LOG.warn("run refused: the reports directory {} cannot be written: {}", reportsDir, CauseFormatter.describe(e));
        String message = "refused: the reports directory " + reportsDir.toAbsolutePath() + " cannot be written ("
                + CauseFormatter.describe(e) + "); nothing was run, no file was changed";
        return new RunReport("maintenance_unrecorded", TaskStatus.FAILED, request.dryRun(), started, clock.instant(),
                0, List.of(), List.of(), List.of(message), RunDetail.builder().reportWritten(false).build());
    }

    /**
     * Checks the calendars, runs the tasks and writes the final report. A writing run calls it holding
     * the lock ({@code dataDirExisted} says whether the data directory was there before); a dry run
     * with {@code null}.
     */
    private RunReport execute(RunRequest request, Instant started, RunJournal journal, Consumer<String> progress,
                              Boolean dataDirExisted) {
        String reportId = journal.reportId();
        List<TaskResult> results = new ArrayList<>();
        List<Notice> notices = setupNotices();
        if (Boolean.FALSE.equals(dataDirExisted)) {
            notices.add(Notice.warning(NoticeCode.RUN_NOTE,
                    "the data directory " + dataDir + " did not exist and was created; if the deployment's "
                    + "data is elsewhere, set --data-dir or TWS_MAINTENANCE_DATA_DIR"));
        }
        // Metadata runs may go ahead during market hours, but the operator should know: of the exchanges
        // its indices trade on. Every calendar's coverage is checked (the holiday events read them too).
        try {
            List<ExchangeCalendar> calendars = CalendarOverrides.calendars(dataDir);
            MarketClock.openMarketWarnings(started, MarketClock.of(calendars, exchanges))
                    .forEach(w -> notices.add(Notice.warning(NoticeCode.MARKET_OPEN, w)));
            MarketClock.coverageWarnings(started.atZone(java.time.ZoneOffset.UTC).toLocalDate(), calendars, dataDir)
                    .forEach(w -> notices.add(Notice.warning(NoticeCode.CALENDAR_EXPIRING, w)));
        } catch (CalendarOverrides.MalformedException e) {
            notices.add(Notice.error(NoticeCode.FILE_UNREADABLE,
                    "calendar override file is malformed, nothing was run: "
                    + e.getMessage()));
        }
        RunRequest pinned = request;
        if (notices.stream().allMatch(Notice::isWarning)) {
            try {
                pinned = pinRollback(request);
            } catch (RollbackPin.Refused e) {
                notices.add(Notice.error(NoticeCode.BACKUP_REFUSED, e.getMessage()));
            }
        }
        RunDetail.Builder detail = RunDetail.builder().mode(pinned.mode().label()).trigger(request.trigger().wireName());
        if (request.trigger() instanceof Trigger.Schedule && request.mode() instanceof RunMode.ApplyPlan plan) {
            // The schedule applies only under schedule.apply = when-clean, and only a clean plan.
            detail.scheduleApply("when-clean: plan " + plan.planId()
                    + " passed validation with no warnings and no errors, so the schedule applied it");
        }
        if (notices.stream().allMatch(Notice::isWarning)) { // a problem found before the run (a malformed calendar file) runs nothing
            runTasks(pinned, started, journal, progress, results, notices, detail);
        }
        // A task refused by a lock of its own (the event store's, shared by several hosts) refuses the run like ours.
        results.stream().map(r -> TaskDetails.toMap(r.detail()).get(RunReport.LOCK_HELD_BY)).filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(holder -> detail.lockHeldBy(String.valueOf(holder)));
        if (!journal.replacements().isEmpty()) {
            detail.replacements(journal.replacements());
        }
        return finish(request, started, reportId, results, notices, detail, progress);
    }

    /** A rollback to {@code latest} pinned to the backup id it means now (see {@link RollbackPin}). */
    private RunRequest pinRollback(RunRequest request) throws RollbackPin.Refused {
        List<MaintenanceTask> tasks;
        try {
            tasks = registry.resolve(request.tasks());
        } catch (UnknownTaskException | RuntimeException e) {
            return request; // runTasks says what is wrong with the names
        }
        return new RollbackPin(reports, file -> replacer.backups(dataDir, file)).pin(request, tasks);
    }

    /** Writes the run's final report; a failure to write it is in the returned report. */
    private RunReport finish(RunRequest request, Instant started, String reportId, List<TaskResult> results,
                             List<Notice> notices, RunDetail.Builder detail, Consumer<String> progress) {
        TaskStatus status = notices.stream().allMatch(Notice::isWarning) ? TaskStatus.ofRun(results.stream().map(TaskResult::status).toList())
                : TaskStatus.FAILED;
        Instant finished = clock.instant();
        double seconds = Duration.between(started, finished).toNanos() / 1e9;
        RunDetail run = detail.build();
        RunReport report = new RunReport(reportId, status, request.dryRun(), started, finished, seconds, results, notices,
                run);
        try {
            reports.write(report);
        } catch (IOException | RuntimeException e) {
            // The in_progress record stays on disk, naming any file replaced; the next writing run marks it.
            LOG.warn("report {} could not be written to {}: {}", reportId, reportsDir, CauseFormatter.describe(e));
            List<Notice> withError = new ArrayList<>(notices);
            withError.add(Notice.error(NoticeCode.WRITE_FAILED, "the report could not be written to "
                    + reportsDir.toAbsolutePath() + ": " + CauseFormatter.describe(e)));
            report = new RunReport(reportId, TaskStatus.FAILED, report.dryRun(), started, finished, seconds, results,
                    withError, run);
        }
        progress.accept("run " + reportId + " finished: " + report.status().wireName());
        return report;
    }

    /** Resolves and runs the request's tasks (the caller holds the run lock when they may write); problems go to errors. */
    private void runTasks(RunRequest request, Instant started, RunJournal journal, Consumer<String> progress,
                          List<TaskResult> results, List<Notice> notices, RunDetail.Builder detail) {
        String reportId = journal.reportId();
        try {
            RunRequest effective = request.withDefaultSourceUrls(defaultSourceUrls).withDefaultSourceTimeout(sourceTimeout);
            PlanCheck plan = effective.mode() instanceof RunMode.ApplyPlan applyPlan ? PlanCheck.of(applyPlan, indexes,
                    dataDir, reportsDir, clock.instant(), maxPlanAge, maxFileBytes) : null;
            if (plan != null && effective.tasks().isEmpty()) {
                effective = effective.withTasks(plan.tasks());
            }
            List<MaintenanceTask> tasks = registry.resolve(effective.tasks());
            checkModeFits(effective, tasks);
            List<String> names = tasks.stream().map(MaintenanceTask::name).toList();
            progress.accept("run " + reportId + ": " + effective.mode().label() + " of " + names);
            if (effective.dryRun()) {
                results.addAll(runAll(tasks, effective, journal, progress));
            } else {
                List<String> interrupted = recoverInterrupted(reportId, notices, detail);
                if (plan != null) {
                    plan.verify(names); // under the lock: nothing can change the files after this check
                }
                List<Path> swept = new ArrayList<>(TempFileSweeper.sweep(List.of(dataDir)));
                // The reports directory is walked only when a writer may have died mid-write (see sweepTempFiles).
                swept.addAll(reports.sweepTempFiles(Duration.ofHours(1), !interrupted.isEmpty()));
                // A reserved report id left empty by a run that died before its first write; an hour, as for temp files.
                swept.addAll(reports.removeEmptyReserved(Duration.ofHours(1)));
                if (!swept.isEmpty()) {
                    detail.removedTempFiles(swept.stream().map(Path::toString).toList());
                    notices.add(Notice.warning(NoticeCode.RUN_NOTE, "removed " + swept.size()
                            + " temp file(s) left by an interrupted run: " + swept));
                }
                results.addAll(runAll(tasks, effective, journal, progress));
                // Retention keeps the reports just marked interrupted, and every report that produced a current file.
                List<Path> pruned = reports.prune(clock.instant().minus(keepReportsFor), java.util.Set.copyOf(interrupted));
                if (!pruned.isEmpty()) {
                    detail.prunedReports(pruned.stream().map(Path::toString).toList());
                }
            }
        } catch (PlanCheck.Refused e) {
            notices.add(Notice.error(NoticeCode.PLAN_REFUSED, e.getMessage()));
        } catch (UnknownTaskException | IllegalArgumentException e) {
            notices.add(Notice.error(NoticeCode.UNSPECIFIED, e.getMessage()));
        } catch (IOException e) {
            notices.add(Notice.error(NoticeCode.UNSPECIFIED, "could not prepare the run in " + dataDir.toAbsolutePath()
                    + ": " + CauseFormatter.describe(e)));
        } catch (RuntimeException | Error e) {
            LOG.error("run {} failed unexpectedly", reportId, e);
            notices.add(Notice.error(NoticeCode.TASK_FAILED, "run failed unexpectedly: " + CauseFormatter.describe(e)));
        }
    }

    /** Marks the reports of runs that died mid-way as interrupted, says so in this run's report, returns their ids. */
    private List<String> recoverInterrupted(String reportId, List<Notice> notices, RunDetail.Builder detail) {
        List<InterruptedRuns.Marked> marked = InterruptedRuns.mark(reports, writer, reportId, clock.instant());
        if (marked.isEmpty()) {
            return List.of();
        }
        detail.interruptedRuns(marked.stream().map(InterruptedRuns.Marked::reportId).toList());
        for (InterruptedRuns.Marked m : marked) {
            notices.add(Notice.warning(NoticeCode.RUN_NOTE,
                    "run " + m.reportId() + " was interrupted before it finished; its report now says so"
                    + (m.replacedFiles().isEmpty() ? " (it had replaced no file)"
                    : " and names the files it had replaced: " + m.replacedFiles())));
        }
        return marked.stream().map(InterruptedRuns.Marked::reportId).toList();
    }

    private static void checkModeFits(RunRequest request, List<MaintenanceTask> tasks) {
        boolean plan = request.mode() instanceof RunMode.ApplyPlan;
        boolean rollback = request.mode() instanceof RunMode.Rollback;
        if (!plan && !rollback) {
            return;
        }
        for (MaintenanceTask task : tasks) {
            // A rollback goes to a task with plans (a constituent task) or one that names the files it writes.
            boolean fits = task.capabilities().contains(MaintenanceTask.Capability.PLANS)
                    || (rollback && !task.files().isEmpty());
            if (!fits) {
                throw new IllegalArgumentException("task " + task.name() + " has no " + (plan ? "plans" : "backups")
                        + "; only tasks with plans (the constituent tasks) can " + (plan ? "apply a plan"
                        : "be rolled back, and tasks that name the files they write"));
            }
        }
    }

    /**
     * Runs the tasks concurrently, so network waits overlap; a task that checks the others' work
     * ({@code metadata_validation}) runs after them so that it checks the files they wrote. Results come back in registry order.
     */
    private List<TaskResult> runAll(List<MaintenanceTask> tasks, RunRequest request, RunJournal journal,
                                    Consumer<String> progress) {
        RunnerTaskContext context = new RunnerTaskContext(request, journal.reportId(), clock, dataDir, reportsDir,
                progress, marketEvents, journal, eventSymbols, providerOptions, indexes, replacer, http);
        List<MaintenanceTask> first = tasks.stream().filter(t -> !checksOthers(t)).toList();
        List<MaintenanceTask> last = tasks.stream().filter(RunExecution::checksOthers).toList();
        List<TaskResult> results = new ArrayList<>(runConcurrently(first, context));
        for (MaintenanceTask task : last) {
            results.add(runOne(task, context));
        }
        return results;
    }

    private static boolean checksOthers(MaintenanceTask task) {
        return task.capabilities().contains(MaintenanceTask.Capability.CHECKS_OTHERS);
    }

    private List<TaskResult> runConcurrently(List<MaintenanceTask> tasks, RunnerTaskContext context) {
        RunRequest request = context.request();
        if (tasks.size() <= 1) {
            return tasks.stream().map(t -> runOne(t, context)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(tasks.size(), 4), r -> {
            Thread t = new Thread(r, "maintenance-task");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TaskResult>> futures = new ArrayList<>();
            for (MaintenanceTask task : tasks) {
                futures.add(pool.submit(() -> runOne(task, context)));
            }
            List<TaskResult> results = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                results.add(await(futures.get(i), tasks.get(i), request));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private TaskResult await(Future<TaskResult> future, MaintenanceTask task, RunRequest request) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return crashed(task, request, "interrupted while waiting for the task");
        } catch (ExecutionException e) {
            return crashed(task, request, CauseFormatter.describe(e.getCause()));
        }
    }

    /** A task that throws becomes a failed result; the other tasks carry on. */
    private TaskResult runOne(MaintenanceTask task, RunnerTaskContext context) {
        Instant started = clock.instant();
        try {
            TaskResult result = task.run(context);
            if (result == null) {
                return crashed(task, context.request(), "the task returned no result");
            }
            return TaskDetails.typed(result);
        } catch (RuntimeException | Error e) {
            LOG.error("task {} threw", task.name(), e);
            return TaskResult.builder(task.name(), context.dryRun(), started)
                    .error(NoticeCode.TASK_FAILED,
                            "task " + task.name() + " failed unexpectedly: " + CauseFormatter.describe(e), e)
                    .finish(clock.instant());
        }
    }

    private TaskResult crashed(MaintenanceTask task, RunRequest request, String why) {
        Instant now = clock.instant();
        return TaskResult.builder(task.name(), request.dryRun(), now).error(NoticeCode.TASK_FAILED,
                "task " + task.name() + " failed: " + why)
                .finish(now);
    }
}
