package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.CacheInvalidator;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.MaintenanceTask;
import com.twsrobot.maintenance.api.Validator;
import com.twsrobot.maintenance.api.events.MarketEventsService;
import com.twsrobot.maintenance.core.constituents.ConstituentFile;
import com.twsrobot.maintenance.core.symbols.SqlQuerySymbols;
import com.twsrobot.maintenance.core.io.FaultHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Configures a runner; everything has a default, and plug-ins are discovered unless turned off. */
public final class MaintenanceRunnerBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceRunner.class);

    Path dataDir = Path.of("data");
    Path reportsDir = Path.of("reports", "maintenance");
    Clock clock = Clock.systemUTC();
    final Map<String, IndexSpec> indexes = new LinkedHashMap<>();
    final Map<String, Integer> minimumRows = new LinkedHashMap<>();
    final List<MaintenanceTask> tasks = new ArrayList<>();
    final List<ConstituentSource> sources = new ArrayList<>();
    final List<Validator> validators = new ArrayList<>();
    final List<CacheInvalidator> invalidators = new ArrayList<>();
    final Map<String, String> sourceUrls = new LinkedHashMap<>();
    double warnChangeRatio = com.twsrobot.maintenance.api.ValidationPolicy.DEFAULT_WARN_CHANGE_RATIO;
    double failChangeRatio = com.twsrobot.maintenance.api.ValidationPolicy.DEFAULT_FAIL_CHANGE_RATIO;
    Duration staleAfter = Duration.ofDays(30);
    double heavyRemovalPercent = com.twsrobot.maintenance.api.ValidationPolicy.DEFAULT_HEAVY_REMOVAL_PERCENT;
    Duration maxPlanAge = Duration.ofHours(24);
    Duration sourceTimeout = com.twsrobot.maintenance.api.SourceContext.DEFAULT_TIMEOUT;
    com.twsrobot.maintenance.api.HttpSettings http = com.twsrobot.maintenance.api.HttpSettings.DEFAULT;
    int keepBackups = 30;
    long maxFileBytes = ConstituentFile.DEFAULT_MAX_BYTES;
    String textSafetyAllowLeading = "";
    /** The builder's churn thresholds for every index (null until {@code churnThresholds(null, ...)}). */
    IndexSpec.Churn allChurn;
    /** The builder's churn thresholds per index key: they win over everything else. */
    final Map<String, IndexSpec.Churn> churn = new LinkedHashMap<>();
    Duration keepReportsFor = Duration.ofDays(90);
    Duration reportIndexLockWait = com.twsrobot.maintenance.core.report.ReportIndex.LOCK_WAIT;
    FaultHook faultHook = FaultHook.NONE;
    MarketEventsService marketEventsService;
    com.twsrobot.maintenance.api.events.HostConnection hostEvents;
    String eventsDb;
    Consumer<String> progress = message -> LOG.info(message);
    boolean discover = true;
    java.net.URI invalidateUrl;
    final List<com.twsrobot.maintenance.api.events.EventSymbols> eventSymbols = new ArrayList<>();
    final List<com.twsrobot.maintenance.api.MembershipSource> membershipSources = new ArrayList<>();
    Path watchlist;
    String eventSymbolsQuery;
    Path invalidateTokenFile;
    boolean invalidateMarker;
    ClassLoader classLoader;
    final Map<String, String> providerOptions = new LinkedHashMap<>();
    /** The config file applied, judged as a whole by {@link #build()}; null without one. */
    MaintenanceConfig config;

    MaintenanceRunnerBuilder() {
    }

    /**
     * Applies a config file ({@link MaintenanceConfig#read(Path, ClassLoader)} with this builder's class loader,
     * then {@link MaintenanceConfig#applyTo}); settings made after this call win over the file's. {@link #build()}
     * refuses a file with problems, naming every one with its line, key and value.
     *
     * @throws MaintenanceConfig.ConfigException when the file cannot be read at all
     */
    public MaintenanceRunnerBuilder config(Path file) {
        ClassLoader loader = classLoader != null ? classLoader : MaintenanceRunnerBuilder.class.getClassLoader();
        return MaintenanceConfig.read(file, loader).applyTo(this);
    }

    public MaintenanceRunnerBuilder dataDir(Path dir) {
        this.dataDir = dir;
        return this;
    }

    public MaintenanceRunnerBuilder reportsDir(Path dir) {
        this.reportsDir = dir;
        return this;
    }

    public MaintenanceRunnerBuilder clock(Clock value) {
        this.clock = value;
        return this;
    }

    /**
     * Adds an index, or replaces a discovered one with the same key. A runner's indices are its discovered
     * index plug-ins ({@link com.twsrobot.maintenance.api.ConstituentIndex}) and these; without discovery
     * ({@link #discover(boolean)}) only these.
     */
    public MaintenanceRunnerBuilder index(IndexSpec spec) {
        indexes.put(spec.index(), spec);
        return this;
    }

    /**
     * The runner's network settings (timeouts, user agent, proxy, tries per URL, body limit), handed to
     * every source and provider with each fetch; {@link com.twsrobot.maintenance.api.HttpSettings#DEFAULT}
     * by default.
     */
    public MaintenanceRunnerBuilder http(com.twsrobot.maintenance.api.HttpSettings settings) {
        this.http = java.util.Objects.requireNonNull(settings, "http settings");
        return this;
    }

    /** {@link #index(IndexSpec)} for each, in order. */
    public MaintenanceRunnerBuilder indexes(java.util.Collection<IndexSpec> specs) {
        specs.forEach(this::index);
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

    public MaintenanceRunnerBuilder minimumRows(String index, int rows) {
        minimumRows.put(index, rows);
        return this;
    }

    /** Count-change thresholds as fractions: warn above {@code warn}, fail above {@code fail}. */
    public MaintenanceRunnerBuilder changeThresholds(double warn, double fail) {
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
     * for one index, or for all ({@code index} null; call it first, then per index). Defaults: the index
     * plug-in's ({@link IndexSpec#churn()}), else 2 % and 10 %.
     */
    public MaintenanceRunnerBuilder churnThresholds(String index, double warn, double fail) {
        checkedPolicy(() -> new com.twsrobot.maintenance.api.ValidationPolicy(0, 0, 0, false, warn, fail)); // checks the range
        if (index == null) { // every index, the plug-ins' own defaults included
            this.allChurn = new IndexSpec.Churn(warn, fail);
            churn.clear();
        } else {
            churn.put(index, new IndexSpec.Churn(warn, fail));
        }
        return this;
    }

    /**
     * An index's churn thresholds: the builder's for that index, else the builder's for every index, else
     * the index plug-in's ({@link IndexSpec#churn()}), else the library's (2 % warns, 10 % fails).
     */
    IndexSpec.Churn churnFor(IndexSpec spec) {
        IndexSpec.Churn own = churn.get(spec.index());
        if (own != null) {
            return own;
        }
        if (allChurn != null) {
            return allChurn;
        }
        return spec.churn() != null ? spec.churn() : new IndexSpec.Churn(
                com.twsrobot.maintenance.api.ValidationPolicy.DEFAULT_CHURN_WARN_RATIO,
                com.twsrobot.maintenance.api.ValidationPolicy.DEFAULT_CHURN_FAIL_RATIO);
    }

    /**
     * An unexplained removal of a member weighing more than this share of the index, in percent (in the
     * page's own weights or any configured holdings file's), fails unless a large change is allowed
     * (default 1; config {@code heavy_removal_percent}).
     */
    public MaintenanceRunnerBuilder heavyRemovalPercent(double percent) {
        checkedPolicy(() -> new com.twsrobot.maintenance.api.ValidationPolicy(0, 0, 0, false, 0, 0, percent)); // checks the range
        this.heavyRemovalPercent = percent;
        return this;
    }

    /** {@code metadata_validation} warns about files older than this (30 days by default). */
    public MaintenanceRunnerBuilder staleAfter(Duration age) {
        this.staleAfter = age;
        return this;
    }

    /**
     * The deadline for each source and event provider (60 s by default): DNS, connect, TLS, headers,
     * the whole body, every retry and fallback, and parsing. A request's own deadline wins.
     */
    public MaintenanceRunnerBuilder sourceTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new com.twsrobot.maintenance.api.ConfigurationException("the source timeout must be positive, got " + timeout);
        }
        this.sourceTimeout = timeout;
        return this;
    }

    /** The oldest plan an apply accepts (24 hours by default). */
    public MaintenanceRunnerBuilder maxPlanAge(Duration age) {
        this.maxPlanAge = age;
        return this;
    }

    /** Newest backups kept per constituent file (30 by default; the newest is never removed). */
    public MaintenanceRunnerBuilder keepBackups(int count) {
        if (count < 1) {
            throw new com.twsrobot.maintenance.api.ConfigurationException("keep at least one backup, got " + count);
        }
        this.keepBackups = count;
        return this;
    }

    /** The largest constituent file read (64 MiB by default); a larger one fails its task naming the cap. */
    public MaintenanceRunnerBuilder maxFileBytes(long bytes) {
        if (bytes < 1) {
            throw new com.twsrobot.maintenance.api.ConfigurationException("the file size cap must be positive, got " + bytes);
        }
        this.maxFileBytes = bytes;
        return this;
    }

    /**
     * Formula characters ({@code = + - @}) a value may start with, for an index whose real names do
     * (none by default: such a value fails validation, as a spreadsheet would run it). Config key
     * {@code text_safety.allow_leading}. Tab, carriage return, control characters, U+FFFD and markup are
     * always refused.
     */
    public MaintenanceRunnerBuilder textSafetyAllowLeading(String characters) {
        new com.twsrobot.maintenance.core.validation.TextSafetyValidator(characters); // checks them
        this.textSafetyAllowLeading = characters;
        return this;
    }

    /**
     * How long a writer of the reports directory (or a reader catching the report index up) waits for
     * the index's lock before going on without the index: 10 s by default. Past it, a report is
     * still written (the next reader catches the index up) and a reader scans the files instead.
     */
    public MaintenanceRunnerBuilder reportIndexLockWait(Duration wait) {
        if (wait == null || wait.isNegative() || wait.isZero()) {
            throw new com.twsrobot.maintenance.api.ConfigurationException("the report index lock wait must be positive, got "
                    + wait);
        }
        this.reportIndexLockWait = wait;
        return this;
    }

    /** How long reports and plans are kept (90 days by default; the newest report is never removed). */
    public MaintenanceRunnerBuilder keepReportsFor(Duration age) {
        this.keepReportsFor = age;
        return this;
    }

    /** Fails chosen file-write steps, for tests that prove a failure anywhere changes nothing. */
    MaintenanceRunnerBuilder faultHook(FaultHook hook) {
        this.faultHook = hook;
        return this;
    }

    /** The host's own market-events service; without one the embedded JDBC service is used. */
    public MaintenanceRunnerBuilder marketEventsService(MarketEventsService service) {
        this.marketEventsService = service;
        return this;
    }

    /**
     * Use the host's own market-events service over HTTP ({@code events_service = host-http}): the
     * runner opens it through {@link com.twsrobot.maintenance.api.events.HostEventsServiceFactory}
     * (in maintenance-sources) instead of the embedded store. A service given with
     * {@link #marketEventsService} still wins.
     */
    public MaintenanceRunnerBuilder hostEvents(com.twsrobot.maintenance.api.events.HostConnection connection) {
        this.hostEvents = connection;
        return this;
    }

    /** JDBC URL of the embedded event store (default {@code jdbc:sqlite:<data-dir>/market_events.db}). */
    public MaintenanceRunnerBuilder eventsDb(String jdbcUrl) {
        this.eventsDb = jdbcUrl;
        return this;
    }

    public MaintenanceRunnerBuilder task(MaintenanceTask task) {
        tasks.add(task);
        return this;
    }

    /** A source given here wins over a discovered one for the same index. */
    public MaintenanceRunnerBuilder source(ConstituentSource source) {
        sources.add(source);
        return this;
    }

    public MaintenanceRunnerBuilder validator(Validator validator) {
        validators.add(validator);
        return this;
    }

    public MaintenanceRunnerBuilder cacheInvalidator(CacheInvalidator invalidator) {
        invalidators.add(invalidator);
        return this;
    }

    /**
     * After each replace, POST {@code {index, file, sha256, report_id, changed_at}} to {@code url} (5 s a
     * try, 3 tries), with {@code Authorization: Bearer <token>} from {@code tokenFile} when not null. A
     * failure is a warning in the report; the file stays replaced.
     */
    public MaintenanceRunnerBuilder invalidateUrl(java.net.URI url, Path tokenFile) {
        this.invalidateUrl = url;
        this.invalidateTokenFile = tokenFile;
        return this;
    }

    /** A second source of an index's members (besides ServiceLoader's); used only when its URL key is set. */
    public MaintenanceRunnerBuilder membershipSource(com.twsrobot.maintenance.api.MembershipSource source) {
        membershipSources.add(source);
        return this;
    }

    /** A source of event symbols (the host's positions, strategies ...), besides ServiceLoader's. */
    public MaintenanceRunnerBuilder eventSymbols(com.twsrobot.maintenance.api.events.EventSymbols source) {
        eventSymbols.add(source);
        return this;
    }

    /** The watchlist file of event symbols (default {@code <data-dir>/watchlist.txt}; missing is fine). */
    public MaintenanceRunnerBuilder watchlist(Path file) {
        this.watchlist = file;
        return this;
    }

    /**
     * A SELECT against the events database whose first column gives event symbols (e.g. the host's
     * open positions); run read-only within the source timeout.
     */
    public MaintenanceRunnerBuilder eventSymbolsQuery(String sql) {
        new SqlQuerySymbols("jdbc:unused:", sql, Duration.ofSeconds(1)); // checks it is one SELECT
        this.eventSymbolsQuery = sql;
        return this;
    }

    /** After each replace, atomically rewrite {@code <data>/.generation/<index>.json} (a generation counter). */
    public MaintenanceRunnerBuilder invalidateMarker(boolean on) {
        this.invalidateMarker = on;
        return this;
    }

    /** A default URL for a source key; a request's own URL for the key wins. */
    public MaintenanceRunnerBuilder sourceUrl(String key, String url) {
        sourceUrls.put(key, url);
        return this;
    }

    /** Where progress lines go (logged at INFO by default). */
    public MaintenanceRunnerBuilder progressListener(Consumer<String> listener) {
        this.progress = listener;
        return this;
    }

    /** Whether to find tasks, sources, validators and invalidators with ServiceLoader (default true). */
    /**
     * Tunes a source or provider of this runner (not JVM-wide), e.g. {@code yahoo.concurrency = 8} or
     * {@code yahoo.requests_per_second = 5}; the provider reads its own keys and refuses a bad value.
     */
    public MaintenanceRunnerBuilder providerOption(String key, String value) {
        providerOptions.put(java.util.Objects.requireNonNull(key, "key"), java.util.Objects.requireNonNull(value, "value"));
        return this;
    }

    public MaintenanceRunnerBuilder discover(boolean value) {
        this.discover = value;
        return this;
    }

    public MaintenanceRunnerBuilder classLoader(ClassLoader loader) {
        this.classLoader = loader;
        return this;
    }

    /**
     * The runner.
     *
     * @throws MaintenanceConfig.ConfigException when the config file given has problems: every one of them, those
     *                                           of the file alone and the names this runner's plug-ins do not have
     * @throws com.twsrobot.maintenance.api.ConfigurationException when a source URL is set for a key nothing reads
     */
    public MaintenanceRunner build() {
        return new MaintenanceRunner(this);
    }
}
