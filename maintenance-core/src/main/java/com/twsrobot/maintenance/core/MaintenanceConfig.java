package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.CauseFormatter;
import com.twsrobot.maintenance.api.ConfigKeys;
import com.twsrobot.maintenance.api.ConfigurationException;
import com.twsrobot.maintenance.core.config.ConfigFileReader;
import com.twsrobot.maintenance.core.config.ConfigProblem;
import com.twsrobot.maintenance.core.config.ConfigValues;
import com.twsrobot.maintenance.core.config.DeclaredKeys;
import com.twsrobot.maintenance.core.config.NameCheck;
import com.twsrobot.maintenance.core.config.RunnerNames;
import com.twsrobot.maintenance.core.invalidation.InvalidatorConfigKeys;
import com.twsrobot.maintenance.core.schedule.Schedule;
import com.twsrobot.maintenance.core.schedule.ScheduleConfigKeys;
import com.twsrobot.maintenance.core.schedule.ScheduleSettings;
import com.twsrobot.maintenance.core.symbols.EventSymbolsConfigKeys;
import com.twsrobot.maintenance.core.validation.ValidationConfigKeys;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings from a Java properties file (the CLI's {@code --config}), e.g.
 * <pre>
 * # relative paths are relative to this file's folder
 * data_dir = /srv/tws/data
 * min_rows.my_index = 25
 * keep_backups = 30
 * provider_option.yahoo.concurrency = 8
 * </pre>
 * Each component declares the keys it reads ({@link ConfigKeys}: the library's own here, a plug-in's
 * through {@link java.util.ServiceLoader}). The whole file is checked against them and every problem is
 * reported at once, each naming its line, key and value: an unknown key (with the nearest declared one),
 * a key given twice, a value of the wrong type or out of range, and settings that contradict each other.
 *
 * <p>What a family's member or a list names ({@code min_rows.<index>}, {@code source_url.<key>},
 * {@code schedule.tasks}) only the runner's plug-ins decide, so a file given to a builder
 * ({@link #applyTo}, or {@link MaintenanceRunnerBuilder#config(Path)}) is judged as a whole when the runner is
 * built: {@link MaintenanceRunnerBuilder#build()} throws one {@link ConfigException} with every problem of the
 * file — those of {@link #read} and the names the runner does not have.
 */
public final class MaintenanceConfig {

    /** The library's own components' keys, in the order docs/configuration.md lists them. */
    public static final List<ConfigKeys> LIBRARY_KEYS = List.of(new RunnerConfigKeys(), new MarketEventsConfigKeys(),
            new ValidationConfigKeys(), new NetworkConfigKeys(), new InvalidatorConfigKeys(), new EventSymbolsConfigKeys(),
            new ScheduleConfigKeys());

    /** The largest config file read: 1 MiB. */
    static final long MAX_CONFIG_BYTES = 1024 * 1024;

    private final ConfigValues values;
    private final DeclaredKeys keys;
    /** What {@link #read} found wrong; the names are judged with the runner ({@link #problemsWith}). */
    private final List<ConfigProblem> problems;

    private MaintenanceConfig(ConfigValues values, DeclaredKeys keys, List<ConfigProblem> problems) {
        this.values = values;
        this.keys = keys;
        this.problems = List.copyOf(problems);
    }

    public static MaintenanceConfig empty() {
        return new MaintenanceConfig(ConfigValues.none(), declaredKeys(MaintenanceConfig.class.getClassLoader()), List.of());
    }

    /**
     * Every key the library and the plug-ins {@code loader} finds declare.
     *
     * @param loader the class loader of the runner the file configures
     */
    public static DeclaredKeys declaredKeys(ClassLoader loader) {
        return DeclaredKeys.of(LIBRARY_KEYS, loader);
    }

    /** {@link #load(Path, ClassLoader)} with this library's class loader (the runner's default). */
    public static MaintenanceConfig load(Path file) throws ConfigException {
        return load(file, MaintenanceConfig.class.getClassLoader());
    }

    /**
     * Reads and checks a config file on its own, without a runner: its form, every key against its
     * declaration and the rules between keys. What the file's family members and lists name is judged
     * only by a runner ({@link #applyTo}, then {@link MaintenanceRunnerBuilder#build()}).
     *
     * @param loader finds the plug-ins whose keys the file may set
     * @throws ConfigException naming the file and every problem, each with its line, key and value
     */
    public static MaintenanceConfig load(Path file, ClassLoader loader) throws ConfigException {
        MaintenanceConfig config = read(file, loader);
        if (!config.problems.isEmpty()) {
            throw new ConfigException(file, config.problems);
        }
        return config;
    }

    /** {@link #read(Path, ClassLoader)} with this library's class loader (the runner's default). */
    public static MaintenanceConfig read(Path file) throws ConfigException {
        return read(file, MaintenanceConfig.class.getClassLoader());
    }

    /**
     * Reads and checks a config file, keeping its problems for the runner it configures: {@link #applyTo}
     * sets what is valid, and the builder's {@link MaintenanceRunnerBuilder#build()} refuses the file
     * with these problems and those only the runner can see, in one {@link ConfigException}.
     *
     * @param loader finds the plug-ins whose keys the file may set
     * @throws ConfigException when the file cannot be read at all (missing, too large, not UTF-8)
     */
    public static MaintenanceConfig read(Path file, ClassLoader loader) throws ConfigException {
        ConfigFileReader.Read read;
        try {
            read = ConfigFileReader.read(file, MAX_CONFIG_BYTES);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + CauseFormatter.describe(e));
        }
        List<ConfigProblem> problems = new ArrayList<>(read.problems());
        DeclaredKeys keys = declaredKeys(loader);
        ConfigValues values = ConfigValues.check(file, read.entries(), keys, problems);
        crossChecks(values, problems);
        return new MaintenanceConfig(values, keys, problems);
    }

    /**
     * Every problem of the file for a runner with these names: those {@link #read} found and each family
     * member or list name the runner does not have, in line order.
     *
     * @param names the runner's indices, source keys, tasks and groups
     */
    public List<ConfigProblem> problemsWith(RunnerNames names) {
        List<ConfigProblem> all = new ArrayList<>(problems);
        NameCheck.check(values, keys, names, all);
        return all.stream().sorted(Comparator.comparingInt(ConfigProblem::line)).toList();
    }

    /** The file these settings come from (null for {@link #empty()}). */
    public Path file() {
        return values.file();
    }

    /** The rules between keys, each component's own: thresholds in order, keys that need another key. */
    private static void crossChecks(ConfigValues v, List<ConfigProblem> problems) {
        ValidationConfigKeys.checkTogether(v, problems);
        InvalidatorConfigKeys.checkTogether(v, problems);
        MarketEventsConfigKeys.checkTogether(v, problems);
        ScheduleConfigKeys.checkTogether(v, problems);
    }

    /**
     * The console's schedule, empty when {@code schedule.dry_run} is off or unset (the file's checks refuse
     * {@code schedule.apply = when-clean} or {@code schedule.tasks} without it).
     */
    public Optional<ScheduleSettings> schedule() {
        Optional<Schedule> schedule = values.text(ScheduleConfigKeys.DRY_RUN).flatMap(Schedule::parse);
        boolean whenClean = values.text(ScheduleConfigKeys.APPLY).map("when-clean"::equals).orElse(false);
        List<String> tasks = values.list(ScheduleConfigKeys.TASKS).orElse(List.of());
        return schedule.map(s -> new ScheduleSettings(s, whenClean, tasks));
    }

    /** The file's settings, each checked against its declaration, read by declaration. */
    public ConfigValues values() {
        return values;
    }

    public Map<String, String> sourceUrls() {
        return values.members(RunnerConfigKeys.SOURCE_URL);
    }

    /**
     * Applies the file's settings to {@code builder} and gives it the file to judge: its
     * {@link MaintenanceRunnerBuilder#build()} refuses the file, naming every problem, if it has any. A file
     * with problems of its own ({@link #read}) sets nothing, as its settings may contradict each other.
     */
    public MaintenanceRunnerBuilder applyTo(MaintenanceRunnerBuilder builder) {
        builder.config = this;
        if (!problems.isEmpty()) { // build() refuses the file; settings that contradict each other are not applied
            return builder;
        }
        values.path(RunnerConfigKeys.DATA_DIR).ifPresent(builder::dataDir);
        values.path(RunnerConfigKeys.REPORTS_DIR).ifPresent(builder::reportsDir);
        values.text(MarketEventsConfigKeys.EVENTS_DB).ifPresent(builder::eventsDb);
        MarketEventsConfigKeys.hostConnection(values).ifPresent(builder::hostEvents);
        values.path(EventSymbolsConfigKeys.WATCHLIST).ifPresent(builder::watchlist);
        values.text(EventSymbolsConfigKeys.SQL).ifPresent(builder::eventSymbolsQuery);
        sourceUrls().forEach(builder::sourceUrl);
        values.members(RunnerConfigKeys.PROVIDER_OPTION).forEach(builder::providerOption);
        values.members(ValidationConfigKeys.MIN_ROWS).forEach((index, n) ->
                builder.minimumRows(index, (int) ValidationConfigKeys.MIN_ROWS.wholeValue(n)));
        ValidationConfigKeys.changeThresholds(values).ifPresent(t -> builder.changeThresholds(t.warn() / 100,
                t.fail() / 100));
        ValidationConfigKeys.churnThresholds(values).forEach((index, t) ->
                builder.churnThresholds(index.isEmpty() ? null : index, t.warn() / 100, t.fail() / 100));
        values.number(ValidationConfigKeys.HEAVY_REMOVAL_PERCENT).ifPresent(builder::heavyRemovalPercent);
        values.whole(ValidationConfigKeys.STALE_AFTER_DAYS).ifPresent(n -> builder.staleAfter(Duration.ofDays(n)));
        values.whole(RunnerConfigKeys.PLAN_MAX_AGE_HOURS).ifPresent(n -> builder.maxPlanAge(Duration.ofHours(n)));
        values.whole(RunnerConfigKeys.KEEP_BACKUPS).ifPresent(n -> builder.keepBackups(n.intValue()));
        values.whole(RunnerConfigKeys.KEEP_REPORTS_DAYS).ifPresent(n -> builder.keepReportsFor(Duration.ofDays(n)));
        values.whole(RunnerConfigKeys.SOURCE_TIMEOUT_SECONDS).ifPresent(n -> builder.sourceTimeout(Duration.ofSeconds(n)));
        values.whole(RunnerConfigKeys.MAX_FILE_MIB).ifPresent(n -> builder.maxFileBytes(n * 1024 * 1024));
        values.text(ValidationConfigKeys.TEXT_SAFETY_ALLOW_LEADING).ifPresent(builder::textSafetyAllowLeading);
        NetworkConfigKeys.settings(values).ifPresent(builder::http);
        Optional<String> invalidateUrl = values.text(InvalidatorConfigKeys.HTTP_URL);
        if (invalidateUrl.isPresent()) {
            builder.invalidateUrl(URI.create(invalidateUrl.get()), values.path(InvalidatorConfigKeys.HTTP_TOKEN_FILE)
                    .orElse(null));
        }
        values.text(InvalidatorConfigKeys.MARKER).ifPresent(on -> builder.invalidateMarker(on.equals("on")));
        return builder;
    }

    /**
     * A config file that cannot be used; the message names the file and, for each problem, its line,
     * key and value. The config file's kind of {@link ConfigurationException} (unchecked).
     */
    public static final class ConfigException extends ConfigurationException {
        private static final long serialVersionUID = 1L;

        private final transient List<ConfigProblem> problems;

        public ConfigException(String message) {
            super(message);
            this.problems = List.of();
        }

        /** Every problem of {@code file}, in line order, in one message. */
        public ConfigException(Path file, List<ConfigProblem> problems) {
            super(describe(file, problems));
            this.problems = problems.stream().sorted(Comparator.comparingInt(ConfigProblem::line)).toList();
        }

        /** The problems, in line order (empty when the message is the whole story). */
        public List<ConfigProblem> problems() {
            return problems;
        }

        private static String describe(Path file, List<ConfigProblem> problems) {
            List<ConfigProblem> sorted = problems.stream().sorted(Comparator.comparingInt(ConfigProblem::line)).toList();
            if (sorted.size() == 1) {
                return file + ": " + sorted.get(0);
            }
            StringBuilder text = new StringBuilder(file + ": " + sorted.size() + " problems");
            sorted.forEach(p -> text.append(System.lineSeparator()).append("  ").append(p));
            return text.toString();
        }
    }
}
