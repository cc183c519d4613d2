package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.core.config.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MaintenanceConfigTest {

    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("maintenance.properties");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnceWithItsLineKeyAndValue() throws Exception {
        Path file = write(String.join("\n",
                "data_dir = data",
                "keep_backup = 12",          // line 2: a typo
                "# a comment",
                "stale_after_days = soon",   // line 4: not a number
                "min_rows.sti = 31",
                "http.attempts = 11",        // line 6: out of range
                "min_rows.sti = 32",         // line 7: given twice
                ""));
        MaintenanceConfig.ConfigException e = catchThrowableOfType(MaintenanceConfig.ConfigException.class,
                () -> MaintenanceConfig.load(file));
        assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(2, 4, 6, 7);
        assertThat(e.problems()).extracting(ConfigProblem::key)
                .containsExactly("keep_backup", "stale_after_days", "http.attempts", "min_rows.sti");
        assertThat(e.getMessage()).startsWith(file + ": 4 problems").contains(
                "line 2: unknown setting 'keep_backup'; did you mean 'keep_backups'?",
                "line 4: stale_after_days must be a whole number from 1 to 3650, got 'soon'",
                "line 6: http.attempts must be a whole number from 1 to 10, got '11'",
                "line 7: min_rows.sti is set twice, on line 5 and line 7; keep one");
    }

    @Test
    void aFileThatCannotBeReadIsNamedWithWhy() {
        // An exception's own message (for a missing file: only its path) says nothing of what went wrong.
        Path missing = dir.resolve("missing.properties");
        assertThatThrownBy(() -> MaintenanceConfig.load(missing))
                .hasMessage("cannot read config file " + missing + ": no such file " + missing);
    }

    @Test
    void oneProblemIsOneLine() throws Exception {
        Path file = write("keep_backups = 0\n");
        assertThatThrownBy(() -> MaintenanceConfig.load(file))
                .hasMessage(file + ": line 1: keep_backups must be a whole number from 1 to 100000, got '0'");
    }

    @Test
    void contradictionsAndComponentRulesAreReportedWithTheOthers() throws Exception {
        Path file = write("warn_change_percent = 30\nfail_change_percent = 20\ninvalidator.http.token_file = t\n"
                + "host.username = ops\nchurn_fail_percent.sti = 1\nmax_file_mib = many\nevent_symbols.sql = DELETE FROM t\n");
        MaintenanceConfig.ConfigException e = catchThrowableOfType(MaintenanceConfig.ConfigException.class,
                () -> MaintenanceConfig.load(file));
        assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(e.getMessage()).contains("fail_change_percent (20.0) must not be below warn_change_percent (30.0)",
                "invalidator.http.token_file is set but invalidator.http.url is not",
                "host.url, host.username and host.password_file need events_service = host-http",
                "churn_fail_percent.sti (1.0) must not be below churn_warn_percent (2.0)",
                "max_file_mib must be a whole number",
                "event_symbols.sql: the event symbols query must be one SELECT statement, got: DELETE FROM t");
    }

    @Test
    void unknownKeysNameTheNearestDeclaredOneAndTheirNeighbours() throws Exception {
        Path file = write("min_row.sti = 3\nhttp.colour = blue\ncolour = blue\nschedule.aply = never\n");
        MaintenanceConfig.ConfigException e = catchThrowableOfType(MaintenanceConfig.ConfigException.class,
                () -> MaintenanceConfig.load(file));
        assertThat(e.problems()).extracting(ConfigProblem::message).containsExactly(
                "unknown setting 'min_row.sti'; did you mean 'min_rows.sti'?",
                "unknown setting 'http.colour' (known http.* keys: connect_timeout_seconds, request_timeout_seconds, "
                        + "attempts, user_agent, proxy, max_body_mib)",
                "unknown setting 'colour' (the keys are listed in docs/configuration.md)",
                "unknown setting 'schedule.aply'; did you mean 'schedule.apply'? (known schedule.* keys: dry_run, apply, "
                        + "tasks)");
    }

    @Test
    void everyExistingKeyStillLoadsAndReachesTheBuilder() throws Exception {
        Path file = write(String.join("\n",
                "data_dir = d", "reports_dir = /srv/reports", "events_db = jdbc:sqlite:/tmp/e.db",
                "source_url.sti = https://example.test/sti", "min_rows.sti = 31", "warn_change_percent = 5",
                "fail_change_percent = 7.5", "churn_warn_percent = 3", "churn_fail_percent.sti = 12",
                "heavy_removal_percent = 0.5", "stale_after_days = 9", "plan_max_age_hours = 2", "keep_backups = 4",
                "keep_reports_days = 5", "source_timeout_seconds = 30", "max_file_mib = 2", "text_safety.allow_leading = -",
                "http.connect_timeout_seconds = 5", "http.request_timeout_seconds = 30", "http.attempts = 2",
                "http.user_agent = ops/1.0", "http.proxy = proxy.example.com:3128", "http.max_body_mib = 16",
                "invalidator.http.url = http://127.0.0.1:5000/api/cache/invalidate", "invalidator.http.token_file = token",
                "invalidator.marker = on", "event_symbols.watchlist = w.txt", "event_symbols.sql = SELECT symbol FROM t",
                "schedule.dry_run = off-peak", "schedule.apply = when-clean", "schedule.tasks = constituents, sti_constituents",
                "provider_option.yahoo.concurrency = 8", "provider_option.custom.option = x", ""));
        MaintenanceConfig config = MaintenanceConfig.load(file);
        assertThat(config.sourceUrls()).containsEntry("sti", "https://example.test/sti");
        assertThat(config.values().path(RunnerConfigKeys.DATA_DIR)).contains(dir.resolve("d").toAbsolutePath().normalize());
        assertThat(config.values().members(RunnerConfigKeys.PROVIDER_OPTION))
                .containsEntry("yahoo.concurrency", "8").containsEntry("custom.option", "x");
        assertThat(config.schedule()).hasValueSatisfying(s -> {
            assertThat(s.applyWhenClean()).isTrue();
            assertThat(s.tasks()).containsExactly("constituents", "sti_constituents");
        });
        MaintenanceRunnerBuilder builder = config.applyTo(MaintenanceRunner.builder());
        assertThat(builder.keepBackups).isEqualTo(4);
        assertThat(builder.maxPlanAge).isEqualTo(Duration.ofHours(2));
        assertThat(builder.maxFileBytes).isEqualTo(2L * 1024 * 1024);
        assertThat(builder.warnChangeRatio).isEqualTo(0.05);
        assertThat(builder.failChangeRatio).isEqualTo(0.075);
        assertThat(builder.minimumRows).containsEntry("sti", 31);
        assertThat(builder.http.attemptsPerUrl()).isEqualTo(2);
        assertThat(builder.http.maxBodyBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(builder.invalidateMarker).isTrue();
        assertThat(builder.invalidateTokenFile).isEqualTo(dir.resolve("token").toAbsolutePath().normalize());
    }

    @Test
    void aCommentAfterAValueIsPartOfTheValueAndTheRefusalSaysSo() throws Exception {
        Path file = write("stale_after_days = 30   # days\nhttp.user_agent = ops #1\n");
        MaintenanceConfig.ConfigException e = catchThrowableOfType(MaintenanceConfig.ConfigException.class,
                () -> MaintenanceConfig.load(file));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo(
                "stale_after_days must be a whole number from 1 to 3650, got '30   # days' (a comment must be on a line "
                        + "of its own, starting with #)"));
    }

    @Test
    void theScheduleNeedsItsDryRun() throws Exception {
        Path file = write("schedule.apply = when-clean\n");
        assertThatThrownBy(() -> MaintenanceConfig.load(file)).hasMessage(file + ": line 1: schedule.apply = when-clean: "
                + "schedule.apply and schedule.tasks need schedule.dry_run (daily HH:MM ZONE or off-peak)");
        assertThat(MaintenanceConfig.load(write("schedule.apply = never\n")).schedule()).isEmpty();
    }
}
