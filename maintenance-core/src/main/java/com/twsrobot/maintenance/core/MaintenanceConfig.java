package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.CauseFormatter;
import com.twsrobot.maintenance.api.ConfigKeys;
import com.twsrobot.maintenance.api.ConfigurationException;
import com.twsrobot.maintenance.core.config.ConfigFileReader;
import com.twsrobot.maintenance.core.config.ConfigProblem;
import com.twsrobot.maintenance.core.config.ConfigValues;
import com.twsrobot.maintenance.core.config.DeclaredKeys;
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
 */
public final class MaintenanceConfig {

    /** The library's own components' keys, in the order docs/configuration.md lists them. */
    public static final List<ConfigKeys> LIBRARY_KEYS = List.of(new RunnerConfigKeys(), new MarketEventsConfigKeys(),
            new ValidationConfigKeys(), new NetworkConfigKeys(), new InvalidatorConfigKeys(), new EventSymbolsConfigKeys(),
            new ScheduleConfigKeys());

    /** The largest config file read: 1 MiB. */
    static final long MAX_CONFIG_BYTES = 1024 * 1024;

    private final ConfigValues values;

    private MaintenanceConfig(ConfigValues values) {
        this.values = values;
    }

    public static MaintenanceConfig empty() {
        return new MaintenanceConfig(ConfigValues.none());
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
     * Reads and checks a config file as a whole.
     *
     * @param loader finds the plug-ins whose keys the file may set
     * @throws ConfigException naming the file and every problem, each with its line, key and value
     */
    public static MaintenanceConfig load(Path file, ClassLoader loader) throws ConfigException {
        ConfigFileReader.Read read;
        try {
            read = ConfigFileReader.read(file, MAX_CONFIG_BYTES);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + CauseFormatter.describe(e));
        }
        List<ConfigProblem> problems = new ArrayList<>(read.problems());
        ConfigValues values = ConfigValues.check(file, read.entries(), declaredKeys(loader), problems);
        crossChecks(values, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(file, problems);
        }
        return new MaintenanceConfig(values);
    }

    /** The rules between keys, each component's own: thresholds in order, keys that need another key. */
    private static void crossChecks(ConfigValues v, List<ConfigProblem> problems) {
        ValidationConfigKeys.checkTogether(v, problems);
        InvalidatorConfigKeys.checkTogether(v, problems);
        MarketEventsConfigKeys.checkTogether(v, problems);
    }

    /**
     * The console's schedule, empty when {@code schedule.dry_run} is off or unset.
     *
     * @throws ConfigException when {@code schedule.apply} or {@code schedule.tasks} is set without a schedule
     */
    public Optional<ScheduleSettings> schedule() throws ConfigException {
        Optional<Schedule> schedule = values.text(ScheduleConfigKeys.DRY_RUN).flatMap(Schedule::parse);
        boolean whenClean = values.text(ScheduleConfigKeys.APPLY).map("when-clean"::equals).orElse(false);
        List<String> tasks = values.list(ScheduleConfigKeys.TASKS).orElse(List.of());
        if (schedule.isEmpty()) {
            if (whenClean || !tasks.isEmpty()) {
                throw new ConfigException(prefix() + "schedule.apply and schedule.tasks need schedule.dry_run "
                        + "(daily HH:MM ZONE or off-peak)");
            }
            return Optional.empty();
        }
        return Optional.of(new ScheduleSettings(schedule.get(), whenClean, tasks));
    }

    /** The file's settings, each checked against its declaration, read by declaration. */
    public ConfigValues values() {
        return values;
    }

    public Map<String, String> sourceUrls() {
        return values.members(RunnerConfigKeys.SOURCE_URL);
    }

    /** Applies every setting given to {@code builder} (load checked them all). */
    public MaintenanceRunnerBuilder applyTo(MaintenanceRunnerBuilder builder) {
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

    private String prefix() {
        return values.file() == null ? "" : values.file() + ": ";
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
