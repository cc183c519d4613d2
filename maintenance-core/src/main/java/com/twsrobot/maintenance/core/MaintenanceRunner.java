package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.Backup;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.IndexStatus;
import com.twsrobot.maintenance.api.MaintenanceStatus;
import com.twsrobot.maintenance.api.ReportSummary;
import com.twsrobot.maintenance.api.RunReport;
import com.twsrobot.maintenance.api.RunMode;
import com.twsrobot.maintenance.api.RunRequest;
import com.twsrobot.maintenance.api.events.LastSync;
import com.twsrobot.maintenance.api.events.MarketEventsService;
import com.twsrobot.maintenance.core.calendar.CalendarOverrides;
import com.twsrobot.maintenance.core.calendar.MarketClock;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.symbols.SqlQuerySymbols;
import com.twsrobot.maintenance.core.symbols.WatchlistSymbols;
import com.twsrobot.maintenance.core.report.ReportStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one entry point every front end uses. {@link #run(RunRequest)} resolves the named tasks, runs
 * them (concurrently, so network waits overlap), and writes a JSON and a Markdown report. It never
 * throws: every problem ends up in the returned report.
 */
public final class MaintenanceRunner {

    private final Path dataDir;
    private final Path reportsDir;
    private final Clock clock;
    private final Duration staleAfter;
    private final long maxFileBytes;
    private final ReportStore reports;
    private final Map<String, String> defaultSourceUrls;
    private final Consumer<String> progress;
    private final AtomicFileWriter writer;
    private final Duration keepReportsFor;
    private final String eventsDb;
    private final ClassLoader loader;
    private final Duration maxPlanAge;
    private final Duration sourceTimeout;
    private final List<com.twsrobot.maintenance.api.events.EventSymbols> eventSymbols;
    private MarketEventsService marketEvents;
    /** The host's service to open instead of the embedded one, and the settings to reach it with. */
    private final com.twsrobot.maintenance.api.events.HostConnection hostEvents;
    private final com.twsrobot.maintenance.api.HttpSettings hostHttp;
    private final boolean discover;
    private final Map<String, String> providerOptions;
    private final RunExecution execution;
    private final PluginCatalog catalog;
    /** Status reads and validates each constituent file once per version of it. */
    private final com.twsrobot.maintenance.core.constituents.FileCheckCache fileChecks;

    MaintenanceRunner(MaintenanceRunnerBuilder b) {
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
        this.hostEvents = b.hostEvents;
        this.hostHttp = b.http;
        this.discover = b.discover;
        this.loader = b.classLoader != null ? b.classLoader : MaintenanceRunner.class.getClassLoader();
        this.catalog = PluginCatalog.of(b, loader, this.dataDir, writer);
        RunnerConfigCheck.refuseProblems(b.config, catalog); // before anything is opened or written
        this.staleAfter = b.staleAfter;
        this.maxFileBytes = b.maxFileBytes;
        this.reports = new ReportStore(reportsDir, writer, clock);
        reports.index().lockWait(b.reportIndexLockWait);
        this.fileChecks = new com.twsrobot.maintenance.core.constituents.FileCheckCache(catalog.validators());
        this.execution = new RunExecution(dataDir, reportsDir, clock, progress, reports, writer, catalog.problems(),
                defaultSourceUrls, sourceTimeout, catalog.indexes(), maxPlanAge, catalog.registry(), keepReportsFor,
                this::marketEvents, catalog.exchanges(), eventSymbols, providerOptions, catalog.replacer(), b.http,
                b.maxFileBytes);
    }

    public static MaintenanceRunnerBuilder builder() {
        return new MaintenanceRunnerBuilder();
    }

    /** The tasks this runner knows and how they group. */
    public com.twsrobot.maintenance.api.TaskCatalog registry() {
        return catalog.registry();
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
        return catalog.indexes();
    }

    /**
     * Every URL key a source, second source or event provider of this runner reads
     * ({@code ftse100}, {@code fomc}, {@code ftse100-fund-holdings}, …): what {@code --source-url KEY=URL} accepts.
     */
    public java.util.Set<String> sourceKeys() {
        return catalog.sourceKeys();
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
        return execution.run(request, listener);
    }

    /**
     * Restores a backup of one task's file through the same path as an apply; {@code latest} only if the
     * task's newest rollback preview showed that backup (else refused, naming the ids).
     */
    public RunReport rollback(String taskName, String backupId) {
        return run(RunRequest.builder().task(taskName).mode(RunMode.rollback(backupId)).build());
    }

    /**
     * What {@link #rollback} would change, written nowhere: the report's added, removed and
     * {@code changed_rows} compare the current file with the backup, and its validation is the one the
     * restore would get; {@code latest} is pinned to the newest backup's id, which the report's mode names.
     */
    public RunReport previewRollback(String taskName, String backupId) {
        return run(RunRequest.builder().task(taskName).mode(RunMode.rollbackPreview(backupId)).build());
    }

    /** What {@link #compareVersions} names the file as it is now. */
    public static final String CURRENT_VERSION = com.twsrobot.maintenance.core.constituents.FileVersions.CURRENT;

    /**
     * The difference between two versions of a constituent file — each a backup id, {@code latest},
     * {@link #CURRENT_VERSION} or a report id (see
     * {@link com.twsrobot.maintenance.core.constituents.FileVersions}) — as symbols added and removed and
     * fields changed going from {@code from} to {@code to}. Reads only; an unknown task or version, or an
     * unreadable file, is an {@link IllegalArgumentException} naming it.
     */
    public com.twsrobot.maintenance.api.TableDiff compareVersions(String taskName, String from, String to) {
        return versions().compare(catalog.indexes(), taskName, from, to);
    }

    /** {@link #compareVersions} for every constituent task; a task either version does not name says why. */
    public List<com.twsrobot.maintenance.api.TableDiff.OfTask> compareAll(String from, String to) {
        return versions().compareAll(catalog.indexes(), from, to);
    }

    private com.twsrobot.maintenance.core.constituents.FileVersions versions() {
        return new com.twsrobot.maintenance.core.constituents.FileVersions(dataDir, reportsDir, writer, maxFileBytes);
    }

    /**
     * Backups that can be restored, newest first, for one task or (empty) all: the constituent tasks'
     * files and those plug-in tasks name ({@link com.twsrobot.maintenance.api.MaintenanceTask#files()}).
     */
    public List<Backup> backups(Optional<String> taskName) {
        List<Backup> out = new ArrayList<>();
        for (var task : catalog.registry().tasks()) {
            if (taskName.isEmpty() || taskName.get().equals(task.name())) {
                task.files().forEach(file -> out.addAll(catalog.replacer().backups(dataDir, file)));
            }
        }
        return out;
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
     * The host's market-events service, else the host's service over HTTP when one is configured
     * ({@code events_service = host-http}), else the embedded one on {@link #eventsDb()} (opened on
     * first use, found through ServiceLoader), else empty.
     */
    public synchronized Optional<MarketEventsService> marketEvents() {
        if (marketEvents == null) {
            marketEvents = MarketEventsOpener.open(hostEvents, discover, loader, eventsDb, clock, hostHttp).orElse(null);
        }
        return Optional.ofNullable(marketEvents);
    }

    /**
     * Warnings for the markets in session now ("NYSE appears open (closes 16:00 America/New_York)"), of the
     * exchanges its indices trade on ({@link #exchanges()}).
     */
    public List<String> marketOpenWarnings() {
        return MarketClock.openMarketWarnings(clock.instant(),
                MarketClock.of(CalendarOverrides.calendarsOrBundled(dataDir), exchanges()));
    }

    /** The exchanges (MICs) its indices trade on: the ones whose sessions the market-open warning watches. */
    public java.util.Set<String> exchanges() {
        return catalog.exchanges();
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

    /** The index's members on {@code date} (see {@link #membership(String, java.time.LocalDate, Map, boolean)}). */
    public com.twsrobot.maintenance.api.MembershipAsOf membership(String index, java.time.LocalDate date)
            throws com.twsrobot.maintenance.api.SourceException {
        return membership(index, date, Map.of(), false);
    }

    /**
     * The index's members on {@code date}: its source's list now, the dated changes after that date undone
     * ({@code sourceUrls} over the configured URLs; {@code snapshot}: the bundled copy). Reads only.
     *
     * @throws com.twsrobot.maintenance.api.SourceException when the index has no source, or it fails
     */
    public com.twsrobot.maintenance.api.MembershipAsOf membership(String index, java.time.LocalDate date,
            Map<String, String> sourceUrls, boolean snapshot) throws com.twsrobot.maintenance.api.SourceException {
        Map<String, String> urls = new java.util.HashMap<>(defaultSourceUrls);
        urls.putAll(sourceUrls);
        return com.twsrobot.maintenance.core.constituents.MembershipReconstruction.read(index, catalog.sources().get(index),
                new com.twsrobot.maintenance.api.SourceContext(urls, snapshot, clock, sourceTimeout, hostHttp), date);
    }

    /** Each index file as it stands (with its content date), and the latest report. */
    public MaintenanceStatus status() {
        List<IndexStatus> out = IndexStatuses.of(catalog, defaultSourceUrls, fileChecks, reports, dataDir, clock.instant());
        List<ReportSummary> latest = reports.recent(1).stream().map(RunReport::summary).toList();
        Optional<MarketEventsService> events = marketEvents();
        return new MaintenanceStatus(clock.instant(), out, latest.stream().findFirst(), events.isPresent(),
                events.flatMap(LastSync::newest), marketOpenWarnings(), calendarWarnings());
    }

    /** The newest {@code limit} reports, newest first. */
    public List<ReportSummary> reports(int limit) {
        return reports.list(limit);
    }

    /**
     * The {@code limit} newest whole reports, newest first. Up to {@value ReportStore#RECENT_CACHED} are
     * cached until the history changes ({@link #historyGeneration()}), so health and metrics read them
     * once per new report, however long the history.
     */
    public List<RunReport> recentReports(int limit) {
        return reports.recent(limit);
    }

    /**
     * A number that changes whenever a report is added, changes or is removed (by any process), so a
     * front end can keep what it computed from the reports until it does. Costs two small file-system
     * look-ups; -1 when the report index cannot be used (then cache nothing).
     */
    public long historyGeneration() {
        return reports.generation();
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

}
