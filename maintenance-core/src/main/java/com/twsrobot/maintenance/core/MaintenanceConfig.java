package com.twsrobot.maintenance.core;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Settings from a Java properties file (the CLI's {@code --config}):
 * <pre>
 * data_dir = /srv/tws/data           # relative paths are relative to this file's folder
 * reports_dir = /srv/tws/reports/maintenance
 * events_db = jdbc:postgresql://db/tws?user=tws
 * events_service = host-http         # embedded (default) | host-http: the host's own service over HTTP
 * host.url = http://127.0.0.1:5000   # host-http: the TWS Robot web app
 * host.username = maintenance        # host-http: the user the task logs in as
 * host.password_file = /etc/tws/maintenance.password   # host-http: readable by its owner only
 * source_url.KEY = https://...       # any source or provider key (run --help lists them)
 * min_rows.KEY = 70                  # per index key
 * warn_change_percent = 10
 * fail_change_percent = 25
 * churn_warn_percent = 2             # symbols replaced; also churn_warn_percent.<index>
 * churn_fail_percent = 10            # also churn_fail_percent.<index>
 * heavy_removal_percent = 1         # an unexplained removal weighing more fails
 * stale_after_days = 30              # files and content (by its content date) older than this warn
 * plan_max_age_hours = 24
 * keep_backups = 30
 * keep_reports_days = 90
 * source_timeout_seconds = 60        # the deadline per source and event provider
 * max_file_mib = 64                  # the largest constituent file read (plans: 4 times this)
 * text_safety.allow_leading = -      # formula starts (= + - @) real names of an index may have
 * http.connect_timeout_seconds = 10  # the runner's network settings (HttpSettings)
 * http.request_timeout_seconds = 20
 * http.attempts = 3                  # tries per URL
 * http.user_agent = ...              # default: a browser's, naming tws-maintenance
 * http.proxy = proxy.example.com:3128
 * http.max_body_mib = 8
 * invalidator.http.url = http://127.0.0.1:5000/api/cache/invalidate
 * invalidator.http.token_file = /etc/tws/invalidate.token
 * invalidator.marker = on            # data/.generation/<index>.json
 * event_symbols.watchlist = /srv/tws/watchlist.txt   # default: <data_dir>/watchlist.txt
 * event_symbols.sql = SELECT symbol FROM positions WHERE quantity &lt;&gt; 0
 * schedule.dry_run = off-peak        # serve only: daily HH:MM ZONE | off-peak [after HH:MM ZONE] | off (default)
 * schedule.apply = when-clean        # default never: scheduled plans wait for review
 * schedule.tasks = constituents      # tasks or groups of each scheduled dry run
 * provider_option.yahoo.concurrency = 8            # any provider option, e.g. yahoo.requests_per_second
 * </pre>
 * An unknown key, or a value that is not a finite number in range (a whole number where counts,
 * days, hours or seconds are meant), is an error naming the key, not silently ignored.
 */
public final class MaintenanceConfig {

    private final Map<String, String> sourceUrls = new LinkedHashMap<>();
    private final Map<String, Integer> minimumRows = new LinkedHashMap<>();
    private final Map<String, String> providerOptions = new LinkedHashMap<>();
    private Double warnPercent;
    private Double failPercent;
    private Integer staleAfterDays;
    private Double heavyRemovalPercent;
    private Integer planMaxAgeHours;
    private Integer keepBackups;
    private Integer keepReportsDays;
    private Integer sourceTimeoutSeconds;
    private Integer maxFileMib;
    private String textSafetyAllowLeading;
    private com.twsrobot.maintenance.api.HttpSettings http = com.twsrobot.maintenance.api.HttpSettings.DEFAULT;
    private boolean httpSet;
    private final Map<String, Double> churnWarn = new LinkedHashMap<>();
    private final Map<String, Double> churnFail = new LinkedHashMap<>();
    private java.net.URI invalidateUrl;
    private Path invalidateTokenFile;
    private Boolean invalidateMarker;
    private Path dataDir;
    private Path reportsDir;
    private String eventsDb;
    private String eventsService;
    private String hostUrl;
    private String hostUsername;
    private Path hostPasswordFile;
    private Path watchlist;
    private String eventSymbolsSql;
    private com.twsrobot.maintenance.core.schedule.Schedule schedule;
    private boolean scheduleApplyWhenClean;
    private List<String> scheduleTasks = List.of();

    private MaintenanceConfig() {
    }

    public static MaintenanceConfig empty() {
        return new MaintenanceConfig();
    }

    /** The largest config file read: 1 MiB. */
    static final long MAX_CONFIG_BYTES = 1024 * 1024;

    public static MaintenanceConfig load(Path file) throws ConfigException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (Files.size(file) > MAX_CONFIG_BYTES) { // a few dozen settings; anything larger is not a config file
                throw new IOException("larger than the " + MAX_CONFIG_BYTES + "-byte cap for a config file");
            }
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        MaintenanceConfig config = new MaintenanceConfig();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            config.set(file, key, properties.getProperty(key).trim());
        }
        return config;
    }

    private void set(Path file, String key, String value) throws ConfigException {
        if (key.startsWith("source_url.") && key.length() > "source_url.".length()) {
            sourceUrls.put(key.substring("source_url.".length()), value);
        } else if (key.startsWith("provider_option.") && key.length() > "provider_option.".length()) {
            providerOptions.put(key.substring("provider_option.".length()), value);
        } else if (key.startsWith("min_rows.") && key.length() > "min_rows.".length()) {
            minimumRows.put(key.substring("min_rows.".length()), whole(file, key, value, 0, 100_000));
        } else if (key.equals("warn_change_percent")) {
            warnPercent = number(file, key, value, 0, 1000);
        } else if (key.equals("fail_change_percent")) {
            failPercent = number(file, key, value, 0, 1000);
        } else if (key.equals("heavy_removal_percent")) {
            heavyRemovalPercent = number(file, key, value, 0, 100);
        } else if (key.equals("stale_after_days")) {
            staleAfterDays = whole(file, key, value, 1, 3650);
        } else if (key.equals("plan_max_age_hours")) {
            planMaxAgeHours = whole(file, key, value, 1, 24 * 365);
        } else if (key.equals("keep_backups")) {
            keepBackups = whole(file, key, value, 1, 100_000);
        } else if (key.equals("keep_reports_days")) {
            keepReportsDays = whole(file, key, value, 1, 36_500);
        } else if (key.equals("churn_warn_percent") || key.startsWith("churn_warn_percent.")) {
            churnWarn.put(key.contains(".") ? key.substring(key.indexOf('.') + 1) : "", number(file, key, value, 0, 100));
        } else if (key.equals("churn_fail_percent") || key.startsWith("churn_fail_percent.")) {
            churnFail.put(key.contains(".") ? key.substring(key.indexOf('.') + 1) : "", number(file, key, value, 0, 100));
        } else if (key.equals("source_timeout_seconds")) {
            sourceTimeoutSeconds = whole(file, key, value, 1, 3600);
        } else if (key.equals("max_file_mib")) {
            maxFileMib = whole(file, key, value, 1, 4096);
        } else if (key.equals(com.twsrobot.maintenance.core.validation.TextSafetyValidator.ALLOW_LEADING_KEY)) {
            textSafetyAllowLeading = value.strip();
            for (char c : textSafetyAllowLeading.toCharArray()) {
                if (com.twsrobot.maintenance.core.validation.TextSafetyValidator.ALLOWABLE_LEADING.indexOf(c) < 0) {
                    throw new ConfigException(file + ": " + key + " may hold only the characters "
                            + com.twsrobot.maintenance.core.validation.TextSafetyValidator.ALLOWABLE_LEADING + ", got '"
                            + value.strip() + "'");
                }
            }
        } else if (key.startsWith("http.")) {
            http = http(file, key, value);
            httpSet = true;
        } else if (key.equals("data_dir")) {
            dataDir = relativeTo(file, value);
        } else if (key.equals("reports_dir")) {
            reportsDir = relativeTo(file, value);
        } else if (key.equals("events_db")) {
            if (!value.startsWith("jdbc:")) {
                throw new ConfigException(file + ": events_db must be a JDBC URL (jdbc:sqlite:… or jdbc:postgresql:…), got '"
                        + value + "'");
            }
            eventsDb = value;
        } else if (key.equals("events_service")) {
            if (!List.of("embedded", "host-http").contains(value)) {
                throw new ConfigException(file + ": events_service must be embedded or host-http, got '" + value + "'");
            }
            eventsService = value;
        } else if (key.equals("host.url")) {
            hostUrl = value;
        } else if (key.equals("host.username")) {
            hostUsername = value;
        } else if (key.equals("host.password_file")) {
            hostPasswordFile = relativeTo(file, value);
        } else if (key.equals("event_symbols.watchlist")) {
            watchlist = relativeTo(file, value);
        } else if (key.equals("event_symbols.sql")) {
            eventSymbolsSql = value;
        } else if (key.equals("invalidator.http.url")) {
            try {
                invalidateUrl = java.net.URI.create(value);
                if (!List.of("http", "https").contains(String.valueOf(invalidateUrl.getScheme()).toLowerCase(java.util.Locale.ROOT))) {
                    throw new IllegalArgumentException("not http or https");
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ": " + key + " must be an http or https URL, got '" + value + "'");
            }
        } else if (key.equals("invalidator.http.token_file")) {
            invalidateTokenFile = relativeTo(file, value);
        } else if (key.equals("schedule.dry_run")) {
            try {
                schedule = com.twsrobot.maintenance.core.schedule.Schedule.parse(value).orElse(null);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ": " + key + ": " + e.getMessage());
            }
        } else if (key.equals("schedule.apply")) {
            if (!List.of("never", "when-clean").contains(value)) {
                throw new ConfigException(file + ": " + key + " must be never or when-clean, got '" + value + "'");
            }
            scheduleApplyWhenClean = value.equals("when-clean");
        } else if (key.equals("schedule.tasks")) {
            scheduleTasks = java.util.Arrays.stream(value.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
            if (scheduleTasks.isEmpty()) {
                throw new ConfigException(file + ": " + key + " must name tasks or groups, e.g. constituents");
            }
        } else if (key.equals("invalidator.marker")) {
            if (!List.of("on", "off").contains(value)) {
                throw new ConfigException(file + ": " + key + " must be on or off, got '" + value + "'");
            }
            invalidateMarker = value.equals("on");
        } else {
            throw new ConfigException(file + ": unknown setting '" + key + "' (known: source_url.<key>, min_rows.<index>, "
                    + "warn_change_percent, fail_change_percent, churn_warn_percent[.<index>], churn_fail_percent[.<index>], "
                    + "heavy_removal_percent, stale_after_days, plan_max_age_hours, keep_backups, "
                    + "keep_reports_days, source_timeout_seconds, max_file_mib, text_safety.allow_leading, http.connect_timeout_seconds, "
                    + "http.request_timeout_seconds, http.attempts, http.user_agent, http.proxy, http.max_body_mib, "
                    + "invalidator.http.url, invalidator.http.token_file, "
                    + "invalidator.marker, data_dir, reports_dir, events_db, events_service, host.url, host.username, "
                    + "host.password_file, event_symbols.watchlist, event_symbols.sql, "
                    + "schedule.dry_run, schedule.apply, schedule.tasks, provider_option.<key>; "
                    + "see docs/configuration.md)");
        }
    }

    /** The network settings with one {@code http.*} key applied. */
    private com.twsrobot.maintenance.api.HttpSettings http(Path file, String key, String value) throws ConfigException {
        try {
            return switch (key) {
                case "http.connect_timeout_seconds" -> http.withTimeouts(Duration.ofSeconds(whole(file, key, value, 1, 600)),
                        http.requestTimeout());
                case "http.request_timeout_seconds" -> http.withTimeouts(http.connectTimeout(),
                        Duration.ofSeconds(whole(file, key, value, 1, 3600)));
                case "http.attempts" -> http.withAttemptsPerUrl(whole(file, key, value, 1, 10));
                case "http.user_agent" -> http.withUserAgent(value);
                case "http.proxy" -> http.withProxy(value);
                case "http.max_body_mib" -> http.withMaxBodyBytes(whole(file, key, value, 1, 1024) * 1024L * 1024);
                default -> throw new ConfigException(file + ": unknown setting '" + key + "' (known http.* keys: "
                        + "connect_timeout_seconds, request_timeout_seconds, attempts, user_agent, proxy, max_body_mib)");
            };
        } catch (ConfigException e) {
            throw e; // already names the file and key
        } catch (com.twsrobot.maintenance.api.ConfigurationException e) {
            throw new ConfigException(file + ": " + key + ": " + e.getMessage());
        }
    }

    private static double number(Path file, String key, String value, double min, double max) throws ConfigException {
        try {
            double n = Double.parseDouble(value);
            if (!Double.isFinite(n) || n < min || n > max) { // NaN compares false with everything
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(file + ": " + key + " must be a number from " + (long) min + " to " + (long) max
                    + ", got '" + value + "'");
        }
    }

    private static int whole(Path file, String key, String value, int min, int max) throws ConfigException {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(file + ": " + key + " must be a whole number from " + min + " to " + max
                    + ", got '" + value + "'");
        }
    }

    /** A path from the file, relative to the file's own folder (so it does not depend on the working directory). */
    private static Path relativeTo(Path file, String value) {
        Path p = Path.of(value);
        Path folder = file.toAbsolutePath().getParent();
        return p.isAbsolute() || folder == null ? p : folder.resolve(p).normalize();
    }

    /**
     * The console's schedule, empty when {@code schedule.dry_run} is off or unset.
     *
     * @throws ConfigException when {@code schedule.apply} or {@code schedule.tasks} is set without a schedule
     */
    public java.util.Optional<com.twsrobot.maintenance.core.schedule.ScheduleSettings> schedule() throws ConfigException {
        if (schedule == null) {
            if (scheduleApplyWhenClean || !scheduleTasks.isEmpty()) {
                throw new ConfigException("schedule.apply and schedule.tasks need schedule.dry_run (daily HH:MM ZONE or off-peak)");
            }
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new com.twsrobot.maintenance.core.schedule.ScheduleSettings(schedule,
                scheduleApplyWhenClean, scheduleTasks));
    }

    public Map<String, String> sourceUrls() {
        return Map.copyOf(sourceUrls);
    }

    /** Applies every setting given to {@code builder}. */
    public MaintenanceRunnerBuilder applyTo(MaintenanceRunnerBuilder builder) throws ConfigException {
        if (dataDir != null) {
            builder.dataDir(dataDir);
        }
        if (reportsDir != null) {
            builder.reportsDir(reportsDir);
        }
        if (eventsDb != null) {
            builder.eventsDb(eventsDb);
        }
        hostEvents().ifPresent(builder::hostEvents);
        if (watchlist != null) {
            builder.watchlist(watchlist);
        }
        if (eventSymbolsSql != null) {
            try {
                builder.eventSymbolsQuery(eventSymbolsSql);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("event_symbols.sql: " + e.getMessage());
            }
        }
        sourceUrls.forEach(builder::sourceUrl);
        providerOptions.forEach(builder::providerOption);
        minimumRows.forEach(builder::minimumRows);
        if (warnPercent != null || failPercent != null) {
            double warn = warnPercent != null ? warnPercent : 100 * com.twsrobot.maintenance.api.ValidationPolicy.DEFAULT_WARN_CHANGE_RATIO;
            double fail = failPercent != null ? failPercent : 100 * com.twsrobot.maintenance.api.ValidationPolicy.DEFAULT_FAIL_CHANGE_RATIO;
            if (fail < warn) {
                throw new ConfigException("fail_change_percent (" + fail + ") must not be below warn_change_percent (" + warn + ")");
            }
            builder.changeThresholds(warn / 100, fail / 100);
        }
        java.util.Set<String> churnKeys = new java.util.LinkedHashSet<>(churnWarn.keySet());
        churnKeys.addAll(churnFail.keySet());
        for (String index : churnKeys) {
            double warn = churnWarn.getOrDefault(index, churnWarn.getOrDefault("",
                    100 * com.twsrobot.maintenance.api.ValidationPolicy.DEFAULT_CHURN_WARN_RATIO));
            double fail = churnFail.getOrDefault(index, churnFail.getOrDefault("",
                    100 * com.twsrobot.maintenance.api.ValidationPolicy.DEFAULT_CHURN_FAIL_RATIO));
            if (fail < warn) {
                throw new ConfigException("churn_fail_percent" + (index.isEmpty() ? "" : "." + index) + " (" + fail
                        + ") must not be below churn_warn_percent (" + warn + ")");
            }
            builder.churnThresholds(index.isEmpty() ? null : index, warn / 100, fail / 100);
        }
        if (heavyRemovalPercent != null) {
            builder.heavyRemovalPercent(heavyRemovalPercent);
        }
        if (staleAfterDays != null) {
            builder.staleAfter(Duration.ofDays(staleAfterDays));
        }
        if (planMaxAgeHours != null) {
            builder.maxPlanAge(Duration.ofHours(planMaxAgeHours));
        }
        if (keepBackups != null) {
            builder.keepBackups(keepBackups);
        }
        if (keepReportsDays != null) {
            builder.keepReportsFor(Duration.ofDays(keepReportsDays));
        }
        if (sourceTimeoutSeconds != null) {
            builder.sourceTimeout(Duration.ofSeconds(sourceTimeoutSeconds));
        }
        if (maxFileMib != null) {
            builder.maxFileBytes(maxFileMib * 1024L * 1024);
        }
        if (textSafetyAllowLeading != null) {
            builder.textSafetyAllowLeading(textSafetyAllowLeading);
        }
        if (httpSet) {
            builder.http(http);
        }
        if (invalidateTokenFile != null && invalidateUrl == null) {
            throw new ConfigException("invalidator.http.token_file is set but invalidator.http.url is not");
        }
        if (invalidateUrl != null) {
            builder.invalidateUrl(invalidateUrl, invalidateTokenFile);
        }
        if (invalidateMarker != null) {
            builder.invalidateMarker(invalidateMarker);
        }
        return builder;
    }

    /**
     * The host's service to use ({@code events_service = host-http} with all three {@code host.*} keys),
     * empty for the embedded one.
     *
     * @throws ConfigException when host-http lacks a key, a {@code host.*} key is set without it, or the
     *                         URL is not http(s)
     */
    private java.util.Optional<com.twsrobot.maintenance.api.events.HostConnection> hostEvents() throws ConfigException {
        boolean anyHostKey = hostUrl != null || hostUsername != null || hostPasswordFile != null;
        if (!"host-http".equals(eventsService)) {
            if (anyHostKey) {
                throw new ConfigException("host.url, host.username and host.password_file need events_service = host-http");
            }
            return java.util.Optional.empty();
        }
        List<String> missing = new java.util.ArrayList<>();
        if (hostUrl == null || hostUrl.isBlank()) {
            missing.add("host.url");
        }
        if (hostUsername == null || hostUsername.isBlank()) {
            missing.add("host.username");
        }
        if (hostPasswordFile == null) {
            missing.add("host.password_file");
        }
        if (!missing.isEmpty()) {
            throw new ConfigException("events_service = host-http needs " + String.join(", ", missing));
        }
        java.net.URI url;
        try {
            url = java.net.URI.create(hostUrl);
            if (!List.of("http", "https").contains(String.valueOf(url.getScheme()).toLowerCase(java.util.Locale.ROOT))
                    || url.getHost() == null) {
                throw new IllegalArgumentException("not http or https");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException("host.url must be an http or https URL, got '" + hostUrl + "'");
        }
        return java.util.Optional.of(new com.twsrobot.maintenance.api.events.HostConnection(url, hostUsername,
                hostPasswordFile));
    }

    /**
     * A config file that cannot be used; the message names the file and the setting. The config file's
     * kind of {@link com.twsrobot.maintenance.api.ConfigurationException} (unchecked).
     */
    public static final class ConfigException extends com.twsrobot.maintenance.api.ConfigurationException {
        private static final long serialVersionUID = 1L;

        public ConfigException(String message) {
            super(message);
        }
    }
}
