package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.CacheInvalidator;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.IndexStatus;
import com.twsrobot.maintenance.api.MaintenanceStatus;
import com.twsrobot.maintenance.api.MaintenanceTask;
import com.twsrobot.maintenance.api.ReportSummary;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.ServiceProviders;
import com.twsrobot.maintenance.api.TaskResult;
import com.twsrobot.maintenance.api.TaskStatus;
import com.twsrobot.maintenance.api.Validator;
import com.twsrobot.maintenance.api.events.LastSync;
import com.twsrobot.maintenance.api.events.MarketEventsService;
import com.twsrobot.maintenance.api.events.ProviderResult;
import com.twsrobot.maintenance.api.events.SyncSummary;
import com.twsrobot.maintenance.api.events.MarketEventsServiceFactory;
import com.twsrobot.maintenance.core.calendar.CalendarOverrides;
import com.twsrobot.maintenance.core.calendar.ExchangeCalendar;
import com.twsrobot.maintenance.core.calendar.MarketClock;
import com.twsrobot.maintenance.core.constituents.ConstituentFile;
import com.twsrobot.maintenance.core.constituents.ConstituentRefreshTask;
import com.twsrobot.maintenance.core.constituents.FileCheck;
import com.twsrobot.maintenance.core.invalidation.HttpCacheInvalidator;
import com.twsrobot.maintenance.core.invalidation.MarkerFileInvalidator;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.symbols.SqlQuerySymbols;
import com.twsrobot.maintenance.core.symbols.WatchlistSymbols;
import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.core.io.BackupStore;
import com.twsrobot.maintenance.core.io.FaultHook;
import com.twsrobot.maintenance.core.io.RunLock;
import com.twsrobot.maintenance.core.io.TempFileSweeper;
import com.twsrobot.maintenance.core.report.InterruptedRuns;
import com.twsrobot.maintenance.core.report.ReportStore;
import com.twsrobot.maintenance.core.report.RunJournal;
import com.twsrobot.maintenance.core.constituents.PlanCheck;
import com.twsrobot.maintenance.core.validation.ValidatorChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The one entry point every front end uses. {@link #run(RunRequest)} resolves the named tasks, runs
 * them (concurrently, so network waits overlap), and writes a JSON and a Markdown report. It never
 * throws: every problem ends up in the returned report.
 */
public final class MaintenanceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceRunner.class);

    private final Path dataDir;
    private final Path reportsDir;
    private final Clock clock;
    private final Duration staleAfter;
    private final long maxFileBytes;
    private final List<IndexSpec> indexes;
    private final Map<String, ConstituentSource> sources;
    private final ValidatorChain validators;
    private final TaskRegistry registry;
    private final ReportStore reports;
    private final Map<String, String> defaultSourceUrls;
    private final Consumer<String> progress;
    private final List<String> setupProblems;
    private final AtomicFileWriter writer;
    private final Duration keepReportsFor;
    private final String eventsDb;
    private final ClassLoader loader;
    private final Duration maxPlanAge;
    private final java.util.Set<String> sourceKeys;
    private final List<String> unknownKeys = new ArrayList<>();
    private final Duration sourceTimeout;
    private final List<com.twsrobot.maintenance.api.events.EventSymbols> eventSymbols;
    private MarketEventsService marketEvents;
    private final boolean discover;
    private final Map<String, String> providerOptions;

    private MaintenanceRunner(Builder b) {
        // Absolute from here on: reports, status and messages name the real place, whatever the working directory.
        this.dataDir = b.dataDir.toAbsolutePath().normalize();
        this.reportsDir = b.reportsDir.toAbsolutePath().normalize();
        this.clock = b.clock;
        this.progress = b.progress;
        this.defaultSourceUrls = Map.copyOf(b.sourceUrls);
        this.writer = new AtomicFileWriter(b.faultHook);
        this.keepReportsFor = b.keepReportsFor;
        this.maxPlanAge = b.maxPlanAge;
        this.sourceTimeout = b.sourceTimeout;
        this.eventsDb = b.eventsDb != null ? b.eventsDb : defaultEventsDb(this.dataDir);
        List<com.twsrobot.maintenance.api.events.EventSymbols> symbolSources = new ArrayList<>(b.eventSymbols);
        symbolSources.add(new WatchlistSymbols(b.watchlist != null ? b.watchlist : this.dataDir.resolve("watchlist.txt")));
        if (b.eventSymbolsQuery != null) {
            symbolSources.add(new SqlQuerySymbols(this.eventsDb, b.eventSymbolsQuery, b.sourceTimeout));
        }
        this.eventSymbols = List.copyOf(symbolSources);
        this.providerOptions = Map.copyOf(b.providerOptions);
        this.marketEvents = b.marketEventsService;
        this.discover = b.discover;
        this.loader = b.classLoader != null ? b.classLoader : MaintenanceRunner.class.getClassLoader();
        List<String> problems = new ArrayList<>();
        Consumer<String> report = problem -> {
            LOG.warn(problem);
            problems.add(problem);
        };

        List<ConstituentSource> allSources = new ArrayList<>(b.sources);
        List<Validator> extraValidators = new ArrayList<>(b.validators);
        List<CacheInvalidator> invalidators = new ArrayList<>(b.invalidators);
        if (b.invalidateUrl != null) {
            invalidators.add(new HttpCacheInvalidator(b.invalidateUrl, b.invalidateTokenFile, Duration.ofSeconds(5), 3));
        }
        if (b.invalidateMarker) {
            invalidators.add(new MarkerFileInvalidator(this.dataDir, writer));
        }
        List<MaintenanceTask> pluginTasks = new ArrayList<>(b.tasks);
        List<com.twsrobot.maintenance.api.MembershipSource> secondSources = new ArrayList<>(b.membershipSources);
        List<com.twsrobot.maintenance.api.events.EventProvider> eventProviders = new ArrayList<>();
        // The indices: discovered index plug-ins (the built-ins are three), else the built-in specs for a
        // runner without any; an index given to the builder adds to them or replaces one by key.
        Map<String, IndexSpec> specsByKey = new LinkedHashMap<>();
        List<ConstituentSource> indexSources = new ArrayList<>();
        if (b.discover) {
            for (com.twsrobot.maintenance.api.ConstituentIndex plugin
                    : ServiceProviders.load(com.twsrobot.maintenance.api.ConstituentIndex.class, loader, report)) {
                specsByKey.putIfAbsent(plugin.spec().index(), plugin.spec());
                indexSources.add(plugin.source());
            }
        }
        if (specsByKey.isEmpty()) {
            IndexSpec.BUILT_IN.forEach(spec -> specsByKey.put(spec.index(), spec));
        }
        specsByKey.putAll(b.indexes);
        if (b.discover) {
            allSources.addAll(ServiceProviders.load(ConstituentSource.class, loader, report));
            allSources.addAll(indexSources);
            extraValidators.addAll(ServiceProviders.load(Validator.class, loader, report));
            invalidators.addAll(ServiceProviders.load(CacheInvalidator.class, loader, report));
            pluginTasks.addAll(ServiceProviders.load(MaintenanceTask.class, loader, report));
            secondSources.addAll(ServiceProviders.load(com.twsrobot.maintenance.api.MembershipSource.class, loader, report));
            eventProviders.addAll(ServiceProviders.load(com.twsrobot.maintenance.api.events.EventProvider.class, loader,
                    report));
        }
        allSources.stream().map(ConstituentSource::index).filter(index -> !specsByKey.containsKey(index)).distinct()
                .forEach(index -> report.accept("a source for the index '" + index + "' has no index to serve, so it is "
                        + "not used: register a ConstituentIndex (META-INF/services/com.twsrobot.maintenance.api."
                        + "ConstituentIndex) or give the runner's builder its IndexSpec"));
        java.util.Set<String> keys = new java.util.TreeSet<>();
        allSources.forEach(src -> keys.add(src.index()));
        secondSources.forEach(src -> keys.add(src.key()));
        eventProviders.forEach(p -> keys.addAll(p.urlKeys()));
        this.sourceKeys = java.util.Collections.unmodifiableSet(keys);
        if (b.discover) {
            for (String key : b.sourceUrls.keySet()) {
                if (!keys.contains(key)) {
                    unknownKeys.add(key);
                    report.accept("a URL is configured for the key '" + key + "', which no source or provider reads "
                            + "(known keys: " + String.join(", ", keys) + "); it is ignored");
                }
            }
        }
        Map<String, ConstituentSource> byIndex = new LinkedHashMap<>();
        allSources.forEach(s -> byIndex.putIfAbsent(s.index(), s)); // programmatic sources come first and win
        this.sources = byIndex;
        this.validators = ValidatorChain.withBuiltIns(extraValidators);

        List<IndexSpec> specs = new ArrayList<>();
        for (IndexSpec spec : specsByKey.values()) {
            Integer minimum = b.minimumRows.get(spec.index());
            specs.add(minimum == null ? spec : spec.withMinimumRows(minimum));
        }
        this.indexes = List.copyOf(specs);

        List<MaintenanceTask> all = new ArrayList<>();
        for (IndexSpec spec : indexes) {
            all.add(new ConstituentRefreshTask(spec, byIndex.get(spec.index()), validators, invalidators,
                    new ConstituentRefreshTask.Settings(b.warnChangeRatio, b.failChangeRatio, b.maxPlanAge, b.keepBackups,
                            b.maxFileBytes, b.churn.getOrDefault(spec.index(), b.defaultChurn)[0],
                            b.churn.getOrDefault(spec.index(), b.defaultChurn)[1]),
                    writer, secondSources.stream().filter(m -> m.index().equals(spec.index())).toList()));
        }
        all.addAll(pluginTasks);
        all.add(new MetadataValidationTask(indexes, validators, b.staleAfter));
        this.staleAfter = b.staleAfter;
        this.maxFileBytes = b.maxFileBytes;
        this.registry = new TaskRegistry(all, problems);
        this.reports = new ReportStore(reportsDir, writer);
        this.setupProblems = List.copyOf(problems);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The tasks this runner knows and how they group. */
    public TaskRegistry registry() {
        return registry;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path reportsDir() {
        return reportsDir;
    }

    public Clock clock() {
        return clock;
    }

    /** The age past which a constituent file is stale (validation warns; health turns amber). */
    public Duration staleAfter() {
        return staleAfter;
    }

    public List<IndexSpec> indexes() {
        return indexes;
    }

    /**
     * Every URL key a source, second source or event provider of this runner reads
     * ({@code sp500}, {@code fomc}, {@code sp500-holdings-ivv}, …): what {@code --source-url KEY=URL} accepts.
     */
    public java.util.Set<String> sourceKeys() {
        return sourceKeys;
    }

    /** Keys of configured default URLs (builder, config file) that nothing reads: a typo, most likely. */
    public List<String> unknownSourceUrlKeys() {
        return List.copyOf(unknownKeys);
    }

    /**
     * Runs the request and writes its report. Never throws. A run that may write (apply, plan,
     * rollback) holds the run lock throughout, first removes temp files a crashed run left behind,
     * and last prunes reports and plans past their retention.
     */
    public RunReport run(RunRequest request) {
        return run(request, message -> { });
    }

    /** Like {@link #run(RunRequest)}, also sending this run's progress lines to {@code listener}. */
    public RunReport run(RunRequest request, Consumer<String> listener) {
        Consumer<String> progress = message -> {
            this.progress.accept(message);
            listener.accept(message);
        };
        Instant started = clock.instant();
        RunJournal journal;
        try {
            Map<String, Object> what = new LinkedHashMap<>();
            what.put("mode", describeMode(request));
            what.put("requested_tasks", request.tasks());
            journal = RunJournal.open(reports, writer, request.dryRun(), started, what);
        } catch (IOException | RuntimeException e) {
            // No record can be kept, so nothing may change: refuse before touching any data.
            LOG.warn("run refused: the reports directory {} cannot be written: {}", reportsDir, e.toString());
            String message = "refused: the reports directory " + reportsDir.toAbsolutePath() + " cannot be written ("
                    + e + "); nothing was run, no file was changed";
            return new RunReport("maintenance_unrecorded", TaskStatus.FAILED, request.dryRun(), started, clock.instant(),
                    0, List.of(), List.of(), List.of(message), Map.of("report_written", false));
        }
        String reportId = journal.reportId();
        List<TaskResult> results = new ArrayList<>();
        List<String> warnings = new ArrayList<>(setupProblems);
        List<String> errors = new ArrayList<>();
        // Metadata runs may go ahead during market hours, but the operator should know.
        try {
            List<ExchangeCalendar> calendars = CalendarOverrides.calendars(dataDir);
            warnings.addAll(MarketClock.openMarketWarnings(started, calendars));
            warnings.addAll(MarketClock.coverageWarnings(started.atZone(java.time.ZoneOffset.UTC).toLocalDate(), calendars,
                    dataDir));
        } catch (CalendarOverrides.MalformedException e) {
            errors.add("calendar override file is malformed, nothing was run: " + e.getMessage());
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("mode", describeMode(request));
        detail.put("trigger", request.trigger());
        if (request.trigger().equals(RunRequest.SCHEDULE) && request.hasPlan()) {
            // The schedule applies only under schedule.apply = when-clean, and only a clean plan.
            detail.put("schedule_apply", "when-clean: plan " + request.planId()
                    + " passed validation with no warnings and no errors, so the schedule applied it");
        }
        if (errors.isEmpty()) { // a problem found before the run (a malformed calendar file) runs nothing
            runTasks(request, started, journal, progress, results, warnings, errors, detail);
        }
        // A task refused by a lock of its own (the event store's, shared by several hosts) refuses the run like ours.
        results.stream().map(r -> r.detail().get(RunReport.LOCK_HELD_BY)).filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(holder -> detail.putIfAbsent(RunReport.LOCK_HELD_BY, holder));
        TaskStatus status = errors.isEmpty() ? TaskStatus.ofRun(results.stream().map(TaskResult::status).toList())
                : TaskStatus.FAILED;
        Instant finished = clock.instant();
        double seconds = Duration.between(started, finished).toNanos() / 1e9;
        RunReport report = new RunReport(reportId, status, request.dryRun(), started, finished, seconds, results, warnings,
                errors, detail);
        try {
            reports.write(report);
        } catch (IOException | RuntimeException e) {
            // The in_progress record stays on disk, naming any file replaced; the next writing run marks it.
            LOG.warn("report {} could not be written to {}: {}", reportId, reportsDir, e.toString());
            List<String> withError = new ArrayList<>(errors);
            withError.add("the report could not be written to " + reportsDir.toAbsolutePath() + ": " + e.getMessage());
            report = new RunReport(reportId, TaskStatus.FAILED, report.dryRun(), started, finished, seconds, results,
                    warnings, withError, detail);
        }
        progress.accept("run " + reportId + " finished: " + report.status().wireName());
        return report;
    }

    /** Resolves and runs the request's tasks (under the run lock when they may write); problems go to errors. */
    private void runTasks(RunRequest request, Instant started, RunJournal journal, Consumer<String> progress,
                          List<TaskResult> results, List<String> warnings, List<String> errors,
                          Map<String, Object> detail) {
        String reportId = journal.reportId();
        try {
            RunRequest effective = request.withDefaultSourceUrls(defaultSourceUrls).withDefaultSourceTimeout(sourceTimeout);
            PlanCheck plan = effective.hasPlan() ? PlanCheck.of(effective, indexes, dataDir, reportsDir, clock.instant(),
                    maxPlanAge) : null;
            if (plan != null && effective.tasks().isEmpty()) {
                effective = effective.withTasks(plan.tasks());
            }
            List<MaintenanceTask> tasks = registry.resolve(effective.tasks());
            checkModeFits(effective, tasks);
            List<String> names = tasks.stream().map(MaintenanceTask::name).toList();
            progress.accept("run " + reportId + ": " + describeMode(effective) + " of " + names);
            if (effective.dryRun()) {
                results.addAll(runAll(tasks, effective, journal, progress));
            } else {
                if (!Files.isDirectory(dataDir)) {
                    warnings.add("the data directory " + dataDir + " did not exist and was created; if the deployment's "
                            + "data is elsewhere, set --data-dir or TWS_MAINTENANCE_DATA_DIR");
                }
                try (RunLock lock = RunLock.acquire(dataDir, "run " + reportId + " of " + names, started)) {
                    recoverInterrupted(reportId, warnings, detail);
                    if (plan != null) {
                        plan.verify(names); // under the lock: nothing can change the files after this check
                    }
                    List<Path> swept = new ArrayList<>(TempFileSweeper.sweep(List.of(dataDir)));
                    swept.addAll(TempFileSweeper.sweep(List.of(reportsDir), Duration.ofHours(1)));
                    if (!swept.isEmpty()) {
                        detail.put("removed_temp_files", swept.stream().map(Path::toString).toList());
                        warnings.add("removed " + swept.size() + " temp file(s) left by an interrupted run: " + swept);
                    }
                    results.addAll(runAll(tasks, effective, journal, progress));
                    List<Path> pruned = reports.prune(clock.instant().minus(keepReportsFor));
                    if (!pruned.isEmpty()) {
                        detail.put("pruned_reports", pruned.stream().map(Path::toString).toList());
                    }
                }
            }
        } catch (RunLock.HeldException e) {
            errors.add(e.getMessage() + "; nothing was run (try again when it has finished)");
            detail.put(RunReport.LOCK_HELD_BY, e.holder());
        } catch (UnknownTaskException | IllegalArgumentException | PlanCheck.Refused e) {
            errors.add(e.getMessage());
        } catch (IOException e) {
            errors.add("could not prepare the run in " + dataDir.toAbsolutePath() + ": " + e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.error("run {} failed unexpectedly", reportId, e);
            errors.add("run failed unexpectedly: " + e);
        }
    }

    /** Marks the reports of runs that died mid-way as interrupted, and says so in this run's report. */
    private void recoverInterrupted(String reportId, List<String> warnings, Map<String, Object> detail) {
        List<InterruptedRuns.Marked> marked = InterruptedRuns.mark(reports, writer, reportId, clock.instant());
        if (marked.isEmpty()) {
            return;
        }
        detail.put("interrupted_runs", marked.stream().map(InterruptedRuns.Marked::reportId).toList());
        for (InterruptedRuns.Marked m : marked) {
            warnings.add("run " + m.reportId() + " was interrupted before it finished; its report now says so"
                    + (m.replacedFiles().isEmpty() ? " (it had replaced no file)"
                    : " and names the files it had replaced: " + m.replacedFiles()));
        }
    }

    /**
     * Restores a backup of one constituent task's file ({@link RunRequest#LATEST_BACKUP} for the newest)
     * through the same path as an apply.
     */
    public RunReport rollback(String taskName, String backupId) {
        return run(RunRequest.builder().task(taskName).apply().rollback(backupId).build());
    }

    /**
     * What {@link #rollback} would change, written nowhere: the report's added, removed and
     * {@code changed_rows} compare the current file with the backup, and its validation is the one the
     * restore would get.
     */
    public RunReport previewRollback(String taskName, String backupId) {
        return run(RunRequest.builder().task(taskName).rollback(backupId).build());
    }

    /** What {@link #compareVersions} names the file as it is now. */
    public static final String CURRENT_VERSION = com.twsrobot.maintenance.core.constituents.FileVersions.CURRENT;

    /**
     * The difference between two versions of a constituent file — each a backup id, {@code latest},
     * {@link #CURRENT_VERSION} or a report id (the list that run proposed or left; see
     * {@link com.twsrobot.maintenance.core.constituents.FileVersions}) — as symbols added and removed and
     * fields changed going from {@code from} to {@code to}. Reads only; an unknown task or version, or an
     * unreadable file, is an {@link IllegalArgumentException} naming it.
     */
    public com.twsrobot.maintenance.core.constituents.TableDiff compareVersions(String taskName, String from, String to) {
        IndexSpec spec = indexes.stream().filter(i -> i.taskName().equals(taskName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no constituent task '" + taskName + "' (known: "
                        + indexes.stream().map(IndexSpec::taskName).toList() + ")"));
        var versions = new com.twsrobot.maintenance.core.constituents.FileVersions(dataDir, reportsDir, writer, maxFileBytes);
        return com.twsrobot.maintenance.core.constituents.TableDiff.between(versions.table(spec, from),
                versions.table(spec, to));
    }

    /**
     * {@link #compareVersions} for every constituent task: a diff where both versions name a list of the
     * task's file, else the reason it was left out (e.g. a report that did not run the task).
     */
    public List<com.twsrobot.maintenance.core.constituents.TableDiff.OfTask> compareAll(String from, String to) {
        List<com.twsrobot.maintenance.core.constituents.TableDiff.OfTask> out = new ArrayList<>();
        for (IndexSpec spec : indexes) {
            try {
                out.add(new com.twsrobot.maintenance.core.constituents.TableDiff.OfTask(spec.taskName(),
                        Optional.of(compareVersions(spec.taskName(), from, to)), ""));
            } catch (IllegalArgumentException e) {
                out.add(new com.twsrobot.maintenance.core.constituents.TableDiff.OfTask(spec.taskName(), Optional.empty(),
                        e.getMessage()));
            }
        }
        return out;
    }

    /** Backups that can be restored, newest first, for one task or (empty) all constituent tasks. */
    public List<BackupStore.Backup> backups(Optional<String> taskName) {
        BackupStore store = new BackupStore(dataDir, writer);
        List<BackupStore.Backup> out = new ArrayList<>();
        for (IndexSpec spec : indexes) {
            if (taskName.isEmpty() || taskName.get().equals(spec.taskName())) {
                out.addAll(store.list(spec.fileName()));
            }
        }
        return out;
    }

    private static void checkModeFits(RunRequest request, List<MaintenanceTask> tasks) {
        if (!request.hasPlan() && !request.isRollback()) {
            return;
        }
        for (MaintenanceTask task : tasks) {
            if (!task.capabilities().contains(MaintenanceTask.Capability.PLANS)) {
                throw new IllegalArgumentException("task " + task.name() + " has no " + (request.hasPlan() ? "plans" : "backups")
                        + "; only tasks with plans (the constituent tasks) can " + (request.hasPlan() ? "apply a plan"
                        : "be rolled back"));
            }
        }
    }

    private static String describeMode(RunRequest request) {
        if (request.hasPlan()) {
            return "APPLY of plan " + request.planId();
        }
        if (request.isRollback()) {
            return (request.dryRun() ? "dry run of ROLLBACK" : "ROLLBACK") + " to backup " + request.rollbackBackupId();
        }
        return request.dryRun() ? "dry run" : "APPLY";
    }

    /**
     * Runs the tasks concurrently, so network waits overlap; a task that checks the others' work
     * ({@code metadata_validation}) runs after them so that it checks the files they wrote. Results come back in registry order.
     */
    private List<TaskResult> runAll(List<MaintenanceTask> tasks, RunRequest request, RunJournal journal,
                                    Consumer<String> progress) {
        RunnerTaskContext context = new RunnerTaskContext(request, journal.reportId(), clock, dataDir, reportsDir,
                progress, this::marketEvents, journal, eventSymbols, providerOptions);
        List<MaintenanceTask> first = tasks.stream().filter(t -> !checksOthers(t)).toList();
        List<MaintenanceTask> last = tasks.stream().filter(MaintenanceRunner::checksOthers).toList();
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
            return crashed(task, request, String.valueOf(e.getCause()));
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
            return result;
        } catch (RuntimeException | Error e) {
            LOG.error("task {} threw", task.name(), e);
            return TaskResult.builder(task.name(), context.dryRun(), started)
                    .error("task " + task.name() + " failed unexpectedly: " + e, e).finish(clock.instant());
        }
    }

    private TaskResult crashed(MaintenanceTask task, RunRequest request, String why) {
        Instant now = clock.instant();
        return TaskResult.builder(task.name(), request.dryRun(), now).error("task " + task.name() + " failed: " + why)
                .finish(now);
    }

    /** {@code jdbc:sqlite:<data-dir>/market_events.db}: the embedded event store's default. */
    public static String defaultEventsDb(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve("market_events.db");
    }

    /** The JDBC URL the embedded market-events service uses (unused when the host gives its own service). */
    public String eventsDb() {
        return eventsDb;
    }

    /**
     * The host's market-events service, else the embedded one on {@link #eventsDb()} (opened on first
     * use, found through ServiceLoader), else empty.
     */
    public synchronized Optional<MarketEventsService> marketEvents() {
        if (marketEvents == null && discover) {
            for (MarketEventsServiceFactory factory : ServiceProviders.load(MarketEventsServiceFactory.class, loader,
                    LOG::warn)) {
                marketEvents = factory.open(eventsDb, clock);
                break;
            }
        }
        return Optional.ofNullable(marketEvents);
    }

    /** Warnings for the markets in session now ("NYSE appears open (closes 16:00 America/New_York)"). */
    public List<String> marketOpenWarnings() {
        try {
            return MarketClock.openMarketWarnings(clock.instant(), CalendarOverrides.calendars(dataDir));
        } catch (CalendarOverrides.MalformedException e) {
            return MarketClock.openMarketWarnings(clock.instant());
        }
    }

    /** Exchange calendars whose known data ends within 60 days, or a malformed override file. */
    public List<String> calendarWarnings() {
        try {
            return MarketClock.coverageWarnings(clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                    CalendarOverrides.calendars(dataDir), dataDir);
        } catch (CalendarOverrides.MalformedException e) {
            return List.of("calendar override file is malformed: " + e.getMessage());
        }
    }

    /** Each index file as it stands, and the latest report. */
    public MaintenanceStatus status() {
        List<IndexStatus> out = new ArrayList<>();
        for (IndexSpec spec : indexes) {
            FileCheck check = FileCheck.of(spec, dataDir.resolve(spec.fileName()), validators);
            ConstituentSource source = sources.get(spec.index());
            String url = defaultSourceUrls.getOrDefault(spec.index(), source == null ? "" : source.defaultUrl());
            out.add(new IndexStatus(spec.index(), spec.taskName(), check.file().toString(), check.lastModified(),
                    check.symbolCount(), url, check.validation(), spec.title()));
        }
        List<ReportSummary> latest = reports.list(1);
        Optional<MarketEventsService> events = marketEvents();
        return new MaintenanceStatus(clock.instant(), out, latest.stream().findFirst(), events.isPresent(),
                events.flatMap(MaintenanceRunner::lastSync), marketOpenWarnings(), calendarWarnings());
    }

    /** The newest sync in a service's log, summed over its providers. */
    static Optional<LastSync> lastSync(MarketEventsService service) {
        List<ProviderResult> log = service.syncLog(50);
        if (log.isEmpty()) {
            return Optional.empty();
        }
        String syncId = log.get(0).syncId();
        List<ProviderResult> sync = log.stream().filter(p -> p.syncId().equals(syncId)).toList();
        return Optional.of(new LastSync(syncId, log.get(0).finishedAt(), SyncSummary.statusOf(sync),
                sync.stream().mapToInt(ProviderResult::fetchedCount).sum(),
                sync.stream().mapToInt(ProviderResult::upsertedCount).sum(),
                sync.stream().mapToInt(ProviderResult::staleCount).sum(),
                sync.stream().mapToInt(ProviderResult::errorCount).sum(), sync.size()));
    }

    /** The newest {@code limit} reports, newest first. */
    public List<ReportSummary> reports(int limit) {
        return reports.list(limit);
    }

    /** The {@code limit} newest whole reports, newest first (each read once). */
    public List<RunReport> recentReports(int limit) {
        return reports.select(com.twsrobot.maintenance.core.report.ReportFilter.newest(limit));
    }

    /** The reports a history filter selects (task, status, mode, paging), newest first. */
    public List<ReportSummary> reports(com.twsrobot.maintenance.core.report.ReportFilter filter) {
        return reports.list(filter);
    }

    public Optional<RunReport> report(String reportId) {
        return reports.read(reportId);
    }

    public Optional<String> reportMarkdown(String reportId) {
        return reports.readMarkdown(reportId);
    }

    /** Configures a runner; everything has a default, and plug-ins are discovered unless turned off. */
    public static final class Builder {
        private Path dataDir = Path.of("data");
        private Path reportsDir = Path.of("reports", "maintenance");
        private Clock clock = Clock.systemUTC();
        private final Map<String, IndexSpec> indexes = new LinkedHashMap<>();
        private final Map<String, Integer> minimumRows = new LinkedHashMap<>();
        private final List<MaintenanceTask> tasks = new ArrayList<>();
        private final List<ConstituentSource> sources = new ArrayList<>();
        private final List<Validator> validators = new ArrayList<>();
        private final List<CacheInvalidator> invalidators = new ArrayList<>();
        private final Map<String, String> sourceUrls = new LinkedHashMap<>();
        private double warnChangeRatio = com.twsrobot.maintenance.api.ValidationPolicy.DEFAULT_WARN_CHANGE_RATIO;
        private double failChangeRatio = com.twsrobot.maintenance.api.ValidationPolicy.DEFAULT_FAIL_CHANGE_RATIO;
        private Duration staleAfter = Duration.ofDays(30);
        private Duration maxPlanAge = Duration.ofHours(24);
        private Duration sourceTimeout = com.twsrobot.maintenance.api.SourceContext.DEFAULT_TIMEOUT;
        private int keepBackups = 30;
        private long maxFileBytes = ConstituentFile.DEFAULT_MAX_BYTES;
        private double[] defaultChurn = {com.twsrobot.maintenance.api.ValidationPolicy.DEFAULT_CHURN_WARN_RATIO,
                com.twsrobot.maintenance.api.ValidationPolicy.DEFAULT_CHURN_FAIL_RATIO};
        /**
         * Churn defaults per index, in names per refresh: the S&P 500 changes a few of 500 a month (2 % = 10
         * names warns, 10 % = 50 fails); the STI's quarterly reviews change 1–3 of 30 (10 % = 3 warns, 20 % = 6
         * fails); the HSI's 1–5 of 85 (5 % = 4 warns, 15 % = 12 fails). Anything above is a stale or wrong page
         * until the operator says otherwise.
         */
        private final Map<String, double[]> churn = new LinkedHashMap<>(Map.of("sti", new double[]{0.10, 0.20},
                "hsi", new double[]{0.05, 0.15}));
        private Duration keepReportsFor = Duration.ofDays(90);
        private FaultHook faultHook = FaultHook.NONE;
        private MarketEventsService marketEventsService;
        private String eventsDb;
        private Consumer<String> progress = message -> LOG.info(message);
        private boolean discover = true;
        private java.net.URI invalidateUrl;
        private final List<com.twsrobot.maintenance.api.events.EventSymbols> eventSymbols = new ArrayList<>();
        private final List<com.twsrobot.maintenance.api.MembershipSource> membershipSources = new ArrayList<>();
        private Path watchlist;
        private String eventSymbolsQuery;
        private Path invalidateTokenFile;
        private boolean invalidateMarker;
        private ClassLoader classLoader;
        private final Map<String, String> providerOptions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        public Builder reportsDir(Path dir) {
            this.reportsDir = dir;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Adds an index, or replaces the built-in one with the same key. */
        public Builder index(IndexSpec spec) {
            indexes.put(spec.index(), spec);
            return this;
        }

        /** Builds a policy to check its ranges, turning its refusal into a configuration error. */
        private static void checkedPolicy(java.util.function.Supplier<com.twsrobot.maintenance.api.ValidationPolicy> policy) {
            try {
                policy.get();
            } catch (IllegalArgumentException e) {
                throw new com.twsrobot.maintenance.api.ConfigurationException(e.getMessage());
            }
        }

        public Builder minimumRows(String index, int rows) {
            minimumRows.put(index, rows);
            return this;
        }

        /** Count-change thresholds as fractions: warn above {@code warn}, fail above {@code fail}. */
        public Builder changeThresholds(double warn, double fail) {
            if (!Double.isFinite(warn) || !Double.isFinite(fail)) {
                throw new com.twsrobot.maintenance.api.ConfigurationException("change thresholds must be finite numbers, got "
                        + warn + " and " + fail);
            }
            checkedPolicy(() -> new com.twsrobot.maintenance.api.ValidationPolicy(0, warn, fail, false)); // checks the range
            this.warnChangeRatio = warn;
            this.failChangeRatio = fail;
            return this;
        }

        /**
         * Membership-churn thresholds as fractions of the current count (symbols replaced = max(added,
         * removed)): warn above {@code warn}, fail above {@code fail} unless a large change is allowed;
         * for one index, or for all ({@code index} null; call it first, then per index). Defaults: see
         * {@code churn} below.
         */
        public Builder churnThresholds(String index, double warn, double fail) {
            checkedPolicy(() -> new com.twsrobot.maintenance.api.ValidationPolicy(0, 0, 0, false, warn, fail)); // checks the range
            if (index == null) { // every index, the built-in per-index defaults included
                this.defaultChurn = new double[]{warn, fail};
                churn.clear();
            } else {
                churn.put(index, new double[]{warn, fail});
            }
            return this;
        }

        /** {@code metadata_validation} warns about files older than this (30 days by default). */
        public Builder staleAfter(Duration age) {
            this.staleAfter = age;
            return this;
        }

        /**
         * The deadline for each source and event provider (60 s by default): DNS, connect, TLS, headers,
         * the whole body, every retry and fallback, and parsing. A request's own deadline wins.
         */
        public Builder sourceTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new com.twsrobot.maintenance.api.ConfigurationException("the source timeout must be positive, got " + timeout);
            }
            this.sourceTimeout = timeout;
            return this;
        }

        /** The oldest plan an apply accepts (24 hours by default). */
        public Builder maxPlanAge(Duration age) {
            this.maxPlanAge = age;
            return this;
        }

        /** Newest backups kept per constituent file (30 by default; the newest is never removed). */
        public Builder keepBackups(int count) {
            if (count < 1) {
                throw new com.twsrobot.maintenance.api.ConfigurationException("keep at least one backup, got " + count);
            }
            this.keepBackups = count;
            return this;
        }

        /** The largest constituent file read (64 MiB by default); a larger one fails its task naming the cap. */
        public Builder maxFileBytes(long bytes) {
            if (bytes < 1) {
                throw new com.twsrobot.maintenance.api.ConfigurationException("the file size cap must be positive, got " + bytes);
            }
            this.maxFileBytes = bytes;
            return this;
        }

        /** How long reports and plans are kept (90 days by default; the newest report is never removed). */
        public Builder keepReportsFor(Duration age) {
            this.keepReportsFor = age;
            return this;
        }

        /** Fails chosen file-write steps, for tests that prove a failure anywhere changes nothing. */
        Builder faultHook(FaultHook hook) {
            this.faultHook = hook;
            return this;
        }

        /** The host's own market-events service; without one the embedded JDBC service is used. */
        public Builder marketEventsService(MarketEventsService service) {
            this.marketEventsService = service;
            return this;
        }

        /** JDBC URL of the embedded event store (default {@code jdbc:sqlite:<data-dir>/market_events.db}). */
        public Builder eventsDb(String jdbcUrl) {
            this.eventsDb = jdbcUrl;
            return this;
        }

        public Builder task(MaintenanceTask task) {
            tasks.add(task);
            return this;
        }

        /** A source given here wins over a discovered one for the same index. */
        public Builder source(ConstituentSource source) {
            sources.add(source);
            return this;
        }

        public Builder validator(Validator validator) {
            validators.add(validator);
            return this;
        }

        public Builder cacheInvalidator(CacheInvalidator invalidator) {
            invalidators.add(invalidator);
            return this;
        }

        /**
         * After each replace, POST {@code {index, file, sha256, report_id, changed_at}} to {@code url} (5 s a
         * try, 3 tries), with {@code Authorization: Bearer <token>} from {@code tokenFile} when not null. A
         * failure is a warning in the report; the file stays replaced.
         */
        public Builder invalidateUrl(java.net.URI url, Path tokenFile) {
            this.invalidateUrl = url;
            this.invalidateTokenFile = tokenFile;
            return this;
        }

        /** A second source of an index's members (besides ServiceLoader's); used only when its URL key is set. */
        public Builder membershipSource(com.twsrobot.maintenance.api.MembershipSource source) {
            membershipSources.add(source);
            return this;
        }

        /** A source of event symbols (the host's positions, strategies ...), besides ServiceLoader's. */
        public Builder eventSymbols(com.twsrobot.maintenance.api.events.EventSymbols source) {
            eventSymbols.add(source);
            return this;
        }

        /** The watchlist file of event symbols (default {@code <data-dir>/watchlist.txt}; missing is fine). */
        public Builder watchlist(Path file) {
            this.watchlist = file;
            return this;
        }

        /**
         * A SELECT against the events database whose first column gives event symbols (e.g. the host's
         * open positions); run read-only within the source timeout.
         */
        public Builder eventSymbolsQuery(String sql) {
            new SqlQuerySymbols("jdbc:unused:", sql, Duration.ofSeconds(1)); // checks it is one SELECT
            this.eventSymbolsQuery = sql;
            return this;
        }

        /** After each replace, atomically rewrite {@code <data>/.generation/<index>.json} (a generation counter). */
        public Builder invalidateMarker(boolean on) {
            this.invalidateMarker = on;
            return this;
        }

        /** A default URL for a source key; a request's own URL for the key wins. */
        public Builder sourceUrl(String key, String url) {
            sourceUrls.put(key, url);
            return this;
        }

        /** Where progress lines go (logged at INFO by default). */
        public Builder progressListener(Consumer<String> listener) {
            this.progress = listener;
            return this;
        }

        /** Whether to find tasks, sources, validators and invalidators with ServiceLoader (default true). */
        /**
         * Tunes a source or provider of this runner (not JVM-wide), e.g. {@code yahoo.concurrency = 8} or
         * {@code yahoo.requests_per_second = 5}; the provider reads its own keys and refuses a bad value.
         */
        public Builder providerOption(String key, String value) {
            providerOptions.put(java.util.Objects.requireNonNull(key, "key"), java.util.Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder discover(boolean value) {
            this.discover = value;
            return this;
        }

        public Builder classLoader(ClassLoader loader) {
            this.classLoader = loader;
            return this;
        }

        public MaintenanceRunner build() {
            return new MaintenanceRunner(this);
        }
    }
}
