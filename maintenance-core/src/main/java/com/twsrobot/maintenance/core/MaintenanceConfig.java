package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConfigKeys;
import com.twsrobot.maintenance.api.ConfigurationException;
import com.twsrobot.maintenance.api.HttpSettings;
import com.twsrobot.maintenance.api.ValidationPolicy;
import com.twsrobot.maintenance.api.events.HostConnection;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Settings from a Java properties file (the CLI's {@code --config}), e.g.
 * <pre>
 * # relative paths are relative to this file's folder
 * data_dir = /srv/tws/data
 * min_rows.sti = 25
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
    private final HttpSettings http;

    private MaintenanceConfig(ConfigValues values, HttpSettings http) {
        this.values = values;
        this.http = http;
    }

    public static MaintenanceConfig empty() {
        return new MaintenanceConfig(ConfigValues.none(), HttpSettings.DEFAULT);
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
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        List<ConfigProblem> problems = new ArrayList<>(read.problems());
        ConfigValues values = ConfigValues.check(file, read.entries(), declaredKeys(loader), problems);
        HttpSettings http = http(values, problems);
        crossChecks(values, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(file, problems);
        }
        return new MaintenanceConfig(values, http);
    }

    /** The network settings the {@code http.*} keys give (HttpSettings checks their combination). */
    private static HttpSettings http(ConfigValues v, List<ConfigProblem> problems) {
        HttpSettings http = HttpSettings.DEFAULT;
        try {
            Optional<Long> connect = v.whole(NetworkConfigKeys.CONNECT_TIMEOUT_SECONDS);
            Optional<Long> request = v.whole(NetworkConfigKeys.REQUEST_TIMEOUT_SECONDS);
            if (connect.isPresent() || request.isPresent()) {
                http = http.withTimeouts(connect.map(Duration::ofSeconds).orElse(http.connectTimeout()),
                        request.map(Duration::ofSeconds).orElse(http.requestTimeout()));
            }
            Optional<Long> attempts = v.whole(NetworkConfigKeys.ATTEMPTS);
            if (attempts.isPresent()) {
                http = http.withAttemptsPerUrl(attempts.get().intValue());
            }
            Optional<String> agent = v.text(NetworkConfigKeys.USER_AGENT);
            if (agent.isPresent()) {
                http = http.withUserAgent(agent.get());
            }
            Optional<String> proxy = v.text(NetworkConfigKeys.PROXY);
            if (proxy.isPresent()) {
                http = http.withProxy(proxy.get());
            }
            Optional<Long> body = v.whole(NetworkConfigKeys.MAX_BODY_MIB);
            if (body.isPresent()) {
                http = http.withMaxBodyBytes(body.get() * 1024 * 1024);
            }
        } catch (ConfigurationException e) { // a combination HttpSettings refuses; each value passed on its own
            problems.add(new ConfigProblem(v.line(NetworkConfigKeys.CONNECT_TIMEOUT_SECONDS.name()), "http.*", "",
                    e.getMessage()));
        }
        return http;
    }

    /** The rules between keys: thresholds in order, keys that need another key. */
    private static void crossChecks(ConfigValues v, List<ConfigProblem> problems) {
        Optional<Double> warn = v.number(ValidationConfigKeys.WARN_CHANGE_PERCENT);
        Optional<Double> fail = v.number(ValidationConfigKeys.FAIL_CHANGE_PERCENT);
        if (warn.isPresent() || fail.isPresent()) {
            double w = warn.orElse(100 * ValidationPolicy.DEFAULT_WARN_CHANGE_RATIO);
            double f = fail.orElse(100 * ValidationPolicy.DEFAULT_FAIL_CHANGE_RATIO);
            if (f < w) {
                String key = fail.isPresent() ? "fail_change_percent" : "warn_change_percent";
                problems.add(new ConfigProblem(v.line(key), key, "", "fail_change_percent (" + f
                        + ") must not be below warn_change_percent (" + w + ")"));
            }
        }
        churnThresholds(v).forEach((index, t) -> {
            if (t.fail() < t.warn()) {
                String suffix = index.isEmpty() ? "" : "." + index;
                int line = Math.max(v.line("churn_fail_percent" + suffix), v.line("churn_warn_percent" + suffix));
                problems.add(new ConfigProblem(line, "churn_fail_percent" + suffix, "", "churn_fail_percent" + suffix
                        + " (" + t.fail() + ") must not be below churn_warn_percent (" + t.warn() + ")"));
            }
        });
        if (v.has(InvalidatorConfigKeys.HTTP_TOKEN_FILE) && !v.has(InvalidatorConfigKeys.HTTP_URL)) {
            problems.add(new ConfigProblem(v.line(InvalidatorConfigKeys.HTTP_TOKEN_FILE.name()),
                    InvalidatorConfigKeys.HTTP_TOKEN_FILE.name(), "",
                    "invalidator.http.token_file is set but invalidator.http.url is not"));
        }
        hostChecks(v, problems);
    }

    /** A pair of thresholds, in percent. */
    private record Thresholds(double warn, double fail) {
    }

    /**
     * The churn thresholds of each index the file names ("" for every index): what the file sets, the
     * file's all-index value or the default for the other one.
     */
    private static Map<String, Thresholds> churnThresholds(ConfigValues v) {
        Map<String, Double> warn = churn(v, ValidationConfigKeys.CHURN_WARN_PERCENT, ValidationConfigKeys.CHURN_WARN_PERCENT_OF);
        Map<String, Double> fail = churn(v, ValidationConfigKeys.CHURN_FAIL_PERCENT, ValidationConfigKeys.CHURN_FAIL_PERCENT_OF);
        Set<String> indexes = new LinkedHashSet<>(warn.keySet());
        indexes.addAll(fail.keySet());
        Map<String, Thresholds> out = new java.util.LinkedHashMap<>();
        for (String index : indexes) {
            out.put(index, new Thresholds(
                    warn.getOrDefault(index, warn.getOrDefault("", 100 * ValidationPolicy.DEFAULT_CHURN_WARN_RATIO)),
                    fail.getOrDefault(index, fail.getOrDefault("", 100 * ValidationPolicy.DEFAULT_CHURN_FAIL_RATIO))));
        }
        return out;
    }

    /** One churn threshold in percent by index ("" for every index), as the file sets it. */
    private static Map<String, Double> churn(ConfigValues v, com.twsrobot.maintenance.api.ConfigKey all,
                                             com.twsrobot.maintenance.api.ConfigKey perIndex) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        v.number(all).ifPresent(n -> out.put("", n));
        v.members(perIndex).forEach((index, value) -> out.put(index, perIndex.numberValue(value)));
        return out;
    }

    /** events_service = host-http needs all three host.* keys, and they need it. */
    private static void hostChecks(ConfigValues v, List<ConfigProblem> problems) {
        List<com.twsrobot.maintenance.api.ConfigKey> hostKeys = List.of(MarketEventsConfigKeys.HOST_URL,
                MarketEventsConfigKeys.HOST_USERNAME, MarketEventsConfigKeys.HOST_PASSWORD_FILE);
        boolean hostHttp = v.text(MarketEventsConfigKeys.EVENTS_SERVICE).map("host-http"::equals).orElse(false);
        if (!hostHttp) {
            hostKeys.stream().filter(v::has).map(k -> v.line(k.name())).min(Comparator.naturalOrder())
                    .ifPresent(line -> problems.add(new ConfigProblem(line, "host.*", "",
                            "host.url, host.username and host.password_file need events_service = host-http")));
            return;
        }
        List<String> missing = hostKeys.stream().filter(k -> v.text(k).map(String::isBlank).orElse(true))
                .map(com.twsrobot.maintenance.api.ConfigKey::name).toList();
        if (!missing.isEmpty()) {
            problems.add(new ConfigProblem(v.line(MarketEventsConfigKeys.EVENTS_SERVICE.name()),
                    MarketEventsConfigKeys.EVENTS_SERVICE.name(), "host-http",
                    "events_service = host-http needs " + String.join(", ", missing)));
        }
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
        hostEvents().ifPresent(builder::hostEvents);
        values.path(EventSymbolsConfigKeys.WATCHLIST).ifPresent(builder::watchlist);
        values.text(EventSymbolsConfigKeys.SQL).ifPresent(builder::eventSymbolsQuery);
        sourceUrls().forEach(builder::sourceUrl);
        values.members(RunnerConfigKeys.PROVIDER_OPTION).forEach(builder::providerOption);
        values.members(ValidationConfigKeys.MIN_ROWS).forEach((index, n) ->
                builder.minimumRows(index, (int) ValidationConfigKeys.MIN_ROWS.wholeValue(n)));
        Optional<Double> warn = values.number(ValidationConfigKeys.WARN_CHANGE_PERCENT);
        Optional<Double> fail = values.number(ValidationConfigKeys.FAIL_CHANGE_PERCENT);
        if (warn.isPresent() || fail.isPresent()) {
            builder.changeThresholds(warn.orElse(100 * ValidationPolicy.DEFAULT_WARN_CHANGE_RATIO) / 100,
                    fail.orElse(100 * ValidationPolicy.DEFAULT_FAIL_CHANGE_RATIO) / 100);
        }
        churnThresholds(values).forEach((index, t) ->
                builder.churnThresholds(index.isEmpty() ? null : index, t.warn() / 100, t.fail() / 100));
        values.number(ValidationConfigKeys.HEAVY_REMOVAL_PERCENT).ifPresent(builder::heavyRemovalPercent);
        values.whole(ValidationConfigKeys.STALE_AFTER_DAYS).ifPresent(n -> builder.staleAfter(Duration.ofDays(n)));
        values.whole(RunnerConfigKeys.PLAN_MAX_AGE_HOURS).ifPresent(n -> builder.maxPlanAge(Duration.ofHours(n)));
        values.whole(RunnerConfigKeys.KEEP_BACKUPS).ifPresent(n -> builder.keepBackups(n.intValue()));
        values.whole(RunnerConfigKeys.KEEP_REPORTS_DAYS).ifPresent(n -> builder.keepReportsFor(Duration.ofDays(n)));
        values.whole(RunnerConfigKeys.SOURCE_TIMEOUT_SECONDS).ifPresent(n -> builder.sourceTimeout(Duration.ofSeconds(n)));
        values.whole(RunnerConfigKeys.MAX_FILE_MIB).ifPresent(n -> builder.maxFileBytes(n * 1024 * 1024));
        values.text(ValidationConfigKeys.TEXT_SAFETY_ALLOW_LEADING).ifPresent(builder::textSafetyAllowLeading);
        if (new NetworkConfigKeys().keys().stream().anyMatch(values::has)) {
            builder.http(http);
        }
        Optional<String> invalidateUrl = values.text(InvalidatorConfigKeys.HTTP_URL);
        if (invalidateUrl.isPresent()) {
            builder.invalidateUrl(URI.create(invalidateUrl.get()), values.path(InvalidatorConfigKeys.HTTP_TOKEN_FILE)
                    .orElse(null));
        }
        values.text(InvalidatorConfigKeys.MARKER).ifPresent(on -> builder.invalidateMarker(on.equals("on")));
        return builder;
    }

    /** The host's service to use ({@code events_service = host-http}; load checked its keys), empty for the embedded one. */
    private Optional<HostConnection> hostEvents() {
        if (!values.text(MarketEventsConfigKeys.EVENTS_SERVICE).map("host-http"::equals).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(new HostConnection(URI.create(values.text(MarketEventsConfigKeys.HOST_URL).orElseThrow()),
                values.text(MarketEventsConfigKeys.HOST_USERNAME).orElseThrow(),
                values.path(MarketEventsConfigKeys.HOST_PASSWORD_FILE).orElseThrow()));
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
