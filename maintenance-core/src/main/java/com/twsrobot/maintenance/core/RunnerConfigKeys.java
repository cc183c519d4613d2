package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.api.DeclaredConfigKeys;

/** The runner's own settings: where its files are, what its sources may take, how long it keeps things. */
public final class RunnerConfigKeys extends DeclaredConfigKeys {

    public static final ConfigKey DATA_DIR = ConfigKey.of("data_dir", ConfigKey.Type.PATH, "./data",
            "the folder of the constituent files, calendars and backups");
    public static final ConfigKey REPORTS_DIR = ConfigKey.of("reports_dir", ConfigKey.Type.PATH, "./reports/maintenance",
            "the folder of reports, plans and the run lock");
    public static final ConfigKey SOURCE_URL = ConfigKey.of("source_url.<key>", ConfigKey.Type.TEXT,
            "the public pages (README)", "another URL for a source or provider key")
            .refersTo(ConfigKey.Refers.SOURCE_KEY);
    public static final ConfigKey SOURCE_TIMEOUT_SECONDS = ConfigKey.whole("source_timeout_seconds", 1, 3600, "60",
            "the deadline per source and event provider, retries and parsing included");
    public static final ConfigKey MAX_FILE_MIB = ConfigKey.whole("max_file_mib", 1, 4096, "64",
            "the largest constituent file read (plans: 4 times this)");
    public static final ConfigKey PROVIDER_OPTION = ConfigKey.of("provider_option.<key>", ConfigKey.Type.TEXT, "none",
            "a source's or provider's own option; a provider that declares its options has them checked here");
    public static final ConfigKey PLAN_MAX_AGE_HOURS = ConfigKey.whole("plan_max_age_hours", 1, 24 * 365, "24",
            "how old a saved plan may be when it is applied");
    public static final ConfigKey KEEP_BACKUPS = ConfigKey.whole("keep_backups", 1, 100_000, "30",
            "backups kept per file");
    public static final ConfigKey KEEP_REPORTS_DAYS = ConfigKey.whole("keep_reports_days", 1, 36_500, "90",
            "how long reports are kept");

    public RunnerConfigKeys() {
        super("the runner", DATA_DIR, REPORTS_DIR, SOURCE_URL, SOURCE_TIMEOUT_SECONDS, MAX_FILE_MIB, PROVIDER_OPTION, PLAN_MAX_AGE_HOURS, KEEP_BACKUPS, KEEP_REPORTS_DAYS);
    }
}
